// waitForRun: polls a workflow run until it completes, cheaply (conditional requests: a 304 does not
// count against GitHub's rate limit) and saying why it waits (its place in a concurrency queue).
// Emitted only for a spec that has the three operations it calls (emit/helpers.ts). It imports the
// generated package (as committed in generated/); the emitter rewrites those imports to where the
// package being generated holds the runtime and the operations.
import { GitHubApiError, GitHubError } from "../../../generated/src/runtime/errors.js";
import { paginate } from "../../../generated/src/runtime/pagination.js";
import { checkLimit, serverDelayMs, sleep } from "../../../generated/src/runtime/retry.js";
import type { Client, ResponseHeaders } from "../../../generated/src/runtime/types.js";
import { getWorkflowRun } from "../../../generated/src/operations/workflow-runs.js";
import {
  getConcurrencyGroupForRepository,
  listConcurrencyGroupsForWorkflowRun,
} from "../../../generated/src/operations/concurrency-groups.js";

/** The run as `getWorkflowRun` returns it. */
export type WaitedRun = Awaited<ReturnType<typeof getWorkflowRun>>["data"];

export interface WaitForRunParams {
  readonly owner: string;
  readonly repo: string;
  readonly run_id: number;
}

/** The run's place in one concurrency group's queue. */
export interface QueuePlace {
  readonly group: string;
  /** Entries ahead of the run (or of its job) in the group. */
  readonly ahead: number;
  /** Set when the run waits through one of its jobs rather than as a whole. */
  readonly jobId?: number;
}

export interface RunUpdate {
  readonly status: WaitedRun["status"];
  readonly conclusion: WaitedRun["conclusion"];
  readonly run: WaitedRun;
  /** While the run is `pending` or `waiting`: its places in concurrency queues (empty when it is in none). */
  readonly queue: readonly QueuePlace[];
  /** Polls so far, this one included. */
  readonly polls: number;
}

export interface WaitForRunOptions {
  /** Gives up with a `WaitForRunTimeoutError` after this long. Default 3,600,000 ms (1 h); `Infinity`: never. */
  readonly timeoutMs?: number;
  /** Gives up after this many polls of the run. Default 1,000. */
  readonly maxPolls?: number;
  /** Wait after a poll that saw a change. Default 5,000 ms. */
  readonly intervalMs?: number;
  /** Unchanged polls double the wait up to this. Default 60,000 ms. A server's `retry-after` is honoured beyond it. */
  readonly maxIntervalMs?: number;
  readonly signal?: AbortSignal;
  /** Called for the first poll and then at each change of status, conclusion or queue place. */
  readonly onUpdate?: (update: RunUpdate) => void;
}

/** The run did not complete within `timeoutMs` or `maxPolls`; `lastRun` is the last state seen. */
export class WaitForRunTimeoutError extends GitHubError {
  declare readonly lastRun: WaitedRun;
  declare readonly polls: number;
}
WaitForRunTimeoutError.prototype.name = "WaitForRunTimeoutError";

const WAITING: ReadonlySet<unknown> = new Set(["pending", "waiting"]);

/**
 * Polls `getWorkflowRun` until the run's status is `completed` and returns it. Each poll after the
 * first sends `If-None-Match` with the last ETag: an unchanged run is a 304 (not counted against the
 * rate limit). Unchanged polls back off (`intervalMs` doubling up to `maxIntervalMs`), and a
 * `retry-after` on a response is waited out. While the run is `pending` or `waiting`, each poll also
 * asks where it queues (`listConcurrencyGroupsForWorkflowRun`, then `getConcurrencyGroupForRepository`
 * with `ahead_of_run`, or `ahead_of_job` for a job's place); that lookup is best effort (an API error
 * there leaves `queue` empty). Bounded by `timeoutMs` and `maxPolls`: a `WaitForRunTimeoutError`
 * with `lastRun`; an abort rejects with the signal's reason.
 *
 * ```ts
 * const run = await waitForRun(gh, { owner, repo, run_id }, {
 *   onUpdate: ({ status, queue }) => console.log(status, queue.map((q) => `${q.ahead} ahead in ${q.group}`)),
 * });
 * ```
 */
export async function waitForRun(
  client: Client,
  params: WaitForRunParams,
  options: WaitForRunOptions = {},
): Promise<WaitedRun> {
  const { timeoutMs = 3_600_000, maxPolls = 1000, intervalMs = 5000, maxIntervalMs = 60_000, signal } = options;
  for (const [name, value] of Object.entries({ timeoutMs, maxPolls, intervalMs, maxIntervalMs }))
    checkLimit(`waitForRun: ${name}`, value);
  const deadline = Date.now() + timeoutMs;
  const { owner, repo, run_id } = params;
  let run: WaitedRun | undefined;
  let etag: string | undefined;
  let reported = "";
  let wait = intervalMs;
  for (let polls = 1; ; polls++) {
    let headers: ResponseHeaders;
    let changed = true;
    try {
      const res = await getWorkflowRun(
        client,
        { owner, repo, run_id },
        { signal, headers: etag ? { "if-none-match": etag } : {} },
      );
      ({ headers } = res);
      run = res.data;
      etag = headers.etag;
    } catch (e) {
      // 304: the run is as it was.
      if (!(run && e instanceof GitHubApiError && e.status === 304)) throw e;
      headers = e.headers;
      changed = false;
    }
    const queue = WAITING.has(run.status) ? await queueOf(client, params, signal) : [];
    const update = { status: run.status, conclusion: run.conclusion, run, queue, polls };
    const key = JSON.stringify([update.status, update.conclusion, queue]);
    if (key !== reported) {
      reported = key;
      changed = true;
      options.onUpdate?.(update);
    }
    if (run.status === "completed") return run;
    wait = changed ? intervalMs : Math.min(wait * 2, maxIntervalMs);
    const asked = serverDelayMs(headers, "", Date.now()) ?? 0;
    const left = deadline - Date.now();
    if (polls >= maxPolls || Math.max(wait, asked) > left) {
      throw new WaitForRunTimeoutError(
        `waitForRun: run ${run_id} in ${owner}/${repo} not completed after ${polls} polls` +
          `${polls >= maxPolls ? " (maxPolls)" : ` and ${timeoutMs} ms (timeoutMs)`}; last status ${run.status}`,
        { method: "GET", url: `${client.baseUrl}/repos/${owner}/${repo}/actions/runs/${run_id}`, lastRun: run, polls },
      );
    }
    await sleep(Math.max(wait, asked), signal);
  }
}

/** The run's places in concurrency queues; empty when it is in none or the lookup fails with an API error. */
async function queueOf(
  client: Client,
  { owner, repo, run_id }: WaitForRunParams,
  signal?: AbortSignal,
): Promise<QueuePlace[]> {
  const places: QueuePlace[] = [];
  try {
    // A run belongs to a handful of groups; a page limit keeps a server's endless links from holding the wait.
    for await (const group of paginate(
      client,
      listConcurrencyGroupsForWorkflowRun,
      { owner, repo, run_id },
      { signal, maxPages: 10 },
    )) {
      for (const member of group.group_members) {
        // A job's place is asked about by job: with ahead_of_run GitHub answers 422 for it.
        const job = typeof member.job_id === "number" ? member.job_id : undefined;
        const { data } = await getConcurrencyGroupForRepository(
          client,
          {
            owner,
            repo,
            concurrency_group_name: group.group_name,
            ...(job ? { ahead_of_job: job } : { ahead_of_run: run_id }),
          },
          { signal },
        );
        // The answer lists the entries up to the run's own, which comes last.
        const at = data.group_members.findIndex((m) => m.run_id === run_id && (job === undefined || m.job_id === job));
        places.push({
          group: group.group_name,
          ahead: at < 0 ? data.group_members.length : at,
          ...(job ? { jobId: job } : {}),
        });
      }
    }
  } catch (e) {
    // The queue moves while it is read (a 404 or 422 when the run just left it), and a token may
    // lack the permission: the wait goes on without the place.
    if (e instanceof GitHubApiError) return [];
    throw e;
  }
  return places;
}
