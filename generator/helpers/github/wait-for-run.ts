// waitForRun: polls a workflow run until it completes, cheaply (conditional requests: a 304 does not
// count against GitHub's rate limit) and saying why it waits (its place in a concurrency queue).
// Emitted only for a spec that has the three operations it calls (emit/helpers.ts). It imports the
// generated package (as committed in generated/); the emitter rewrites those imports to where the
// package being generated holds the runtime and the operations.
import { clip, GitHubApiError, GitHubError, responseError } from "../../../generated/src/runtime/errors.js";
import { paginate } from "../../../generated/src/runtime/pagination.js";
import { checkLimit, MAX_DELAY_MS, serverDelayMs, sleep } from "../../../generated/src/runtime/retry.js";
import type { ApiResponse, Client, ResponseHeaders } from "../../../generated/src/runtime/types.js";
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
  /**
   * Gives up with a `WaitForRunTimeoutError` after this long: a deadline for the whole wait, its requests,
   * their retries and the queue lookups included. Default 3,600,000 ms (1 h); `Infinity`: never.
   */
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

/**
 * The run did not complete within `timeoutMs` or `maxPolls`. `lastRun` is the last state seen:
 * undefined when the deadline passed before the first poll was answered.
 */
export class WaitForRunTimeoutError extends GitHubError {
  declare readonly lastRun: WaitedRun | undefined;
  declare readonly polls: number;
}
WaitForRunTimeoutError.prototype.name = "WaitForRunTimeoutError";

const WAITING: ReadonlySet<unknown> = new Set(["pending", "waiting"]);

/** Queue places looked up per poll at most: how many entries a group lists is up to the server. */
const MAX_LOOKUPS = 10;

/** What the wait has seen so far, for its timeout error. */
interface Progress {
  run: WaitedRun | undefined;
  polls: number;
}

/**
 * Polls `getWorkflowRun` until the run's status is `completed` and returns it. Each poll after the
 * first sends `If-None-Match` with the last ETag: an unchanged run is a 304 (not counted against the
 * rate limit), and so is an answer from the client's cache. Unchanged polls back off (`intervalMs`
 * doubling up to `maxIntervalMs`), and a `retry-after` on a response is waited out. While the run is
 * `pending` or `waiting`, each poll also asks where it queues (`listConcurrencyGroupsForWorkflowRun`,
 * then `getConcurrencyGroupForRepository` with `ahead_of_run`, or `ahead_of_job` for a job's place,
 * for at most 10 places); that lookup is best effort (an API error there leaves `queue` empty).
 * `timeoutMs` is a deadline for the whole wait, requests included, and `maxPolls` bounds the polls:
 * a `WaitForRunTimeoutError` with `lastRun`; an abort rejects with the signal's reason.
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
  const { timeoutMs = 3_600_000, maxPolls = 1000, intervalMs = 5000, maxIntervalMs = 60_000 } = options;
  for (const [name, value] of Object.entries({ timeoutMs, maxPolls, intervalMs, maxIntervalMs }))
    checkLimit(`waitForRun: ${name}`, value);
  const deadline = Date.now() + timeoutMs;
  const progress: Progress = { run: undefined, polls: 0 };
  const expired = () => timeoutError(client, params, progress, ` and ${timeoutMs} ms (timeoutMs)`);
  return withDeadline(timeoutMs, options.signal, expired, async (signal) => {
    let etag: string | undefined;
    let reported = "";
    let wait = intervalMs;
    for (;;) {
      const polls = ++progress.polls;
      const poll = await pollRun(client, params, progress.run, etag, signal);
      const { run, headers } = poll;
      let changed = poll.changed;
      progress.run = run;
      etag = headers.etag ?? etag;
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
      const pause = Math.max(wait, serverDelayMs(headers, "", Date.now()) ?? 0);
      if (polls >= maxPolls) throw timeoutError(client, params, progress, " (maxPolls)");
      // A pause that would end past the deadline is not started.
      if (pause > deadline - Date.now()) throw expired();
      await sleep(pause, signal);
    }
  });
}

/**
 * Runs `task` with one signal for all its requests and sleeps, aborted by the caller's `signal` or
 * once `ms` have passed: then it rejects with `expired()` (the caller's abort: with its reason).
 */
async function withDeadline<T>(
  ms: number,
  signal: AbortSignal | undefined,
  expired: () => Error,
  task: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const deadline = new AbortController();
  const forward = () => deadline.abort(signal!.reason);
  signal?.addEventListener("abort", forward);
  // 0 and Infinity: no timer (0 then allows one poll); beyond MAX_DELAY_MS setTimeout would fire at once.
  const timer = ms > 0 && ms <= MAX_DELAY_MS ? setTimeout(() => deadline.abort(), ms) : undefined;
  try {
    signal?.throwIfAborted();
    return await task(deadline.signal);
  } catch (e) {
    if (signal?.aborted) throw signal.reason;
    throw deadline.signal.aborted ? expired() : e;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", forward);
  }
}

function timeoutError(
  client: Client,
  params: WaitForRunParams,
  { run, polls }: Progress,
  bound: string,
): WaitForRunTimeoutError {
  return new WaitForRunTimeoutError(
    `waitForRun: run ${params.run_id} in ${params.owner}/${params.repo} not completed after ${polls} polls${bound}; ` +
      (run ? `last status ${clip(run.status!)}` : "no poll was answered"),
    { method: "GET", url: runUrl(client, params), lastRun: run, polls },
  );
}

function runUrl(client: Client, { owner, repo, run_id }: WaitForRunParams): string {
  return `${client.baseUrl}/repos/${owner}/${repo}/actions/runs/${run_id}`;
}

/** One poll's answer: the run, and whether it is new rather than `last` again. */
interface Poll {
  readonly run: WaitedRun;
  readonly headers: ResponseHeaders;
  readonly changed: boolean;
}

/**
 * Polls the run once. A 304 is "unchanged" in each form it takes: thrown as a GitHubApiError,
 * resolved as `{ status: 304 }`, or replayed from the client's cache (`fromCache`). A body that
 * is not a run is a GitHubResponseError.
 */
async function pollRun(
  client: Client,
  params: WaitForRunParams,
  last: WaitedRun | undefined,
  etag: string | undefined,
  signal: AbortSignal,
): Promise<Poll> {
  const { owner, repo, run_id } = params;
  let res: ApiResponse;
  try {
    res = await getWorkflowRun(
      client,
      { owner, repo, run_id },
      { signal, headers: etag ? { "if-none-match": etag } : {} },
    );
  } catch (e) {
    if (last && e instanceof GitHubApiError && e.status === 304)
      return { run: last, headers: e.headers, changed: false };
    throw e;
  }
  const { status, data, headers } = res;
  if (status === 304 && last) return { run: last, headers, changed: false };
  if (status !== 304 && typeof (data as { status?: unknown } | null | undefined)?.status === "string") {
    return { run: data as WaitedRun, headers, changed: !res.fromCache };
  }
  throw responseError(
    "GET",
    runUrl(client, params),
    status,
    headers,
    status === 304
      ? "waitForRun: 304 Not Modified before any run was seen, so there is no run to go on"
      : `waitForRun: expected a workflow run (an object with a string "status"), got ${kindOf(data)}; ` +
          "does baseUrl point at GitHub's API?",
  );
}

/** What a body is, for a message, without quoting it. */
function kindOf(data: unknown): string {
  if (data === undefined) return "no body";
  if (data === null || Array.isArray(data)) return data ? "an array" : "null";
  return typeof data === "object" ? 'an object whose "status" is not a string' : `a ${typeof data}`;
}

/**
 * The run's places in concurrency queues (at most MAX_LOOKUPS); empty when it is in none or the
 * lookup fails with an API error. A list the server sends as something else counts as empty.
 */
async function queueOf(
  client: Client,
  { owner, repo, run_id }: WaitForRunParams,
  signal: AbortSignal,
): Promise<QueuePlace[]> {
  const places: QueuePlace[] = [];
  let lookups = 0;
  try {
    // A run belongs to a handful of groups; a page limit keeps a server's endless links from holding the wait.
    for await (const group of paginate(
      client,
      listConcurrencyGroupsForWorkflowRun,
      { owner, repo, run_id },
      { signal, maxPages: 10 },
    )) {
      if (typeof group?.group_name !== "string") continue;
      for (const member of listOf(group.group_members)) {
        // One request per place, and the server says how many there are: a poll makes a bounded number.
        if (lookups++ === MAX_LOOKUPS) return places;
        // A job's place is asked about by job: with ahead_of_run GitHub answers 422 for it.
        const job = typeof member?.job_id === "number" ? member.job_id : undefined;
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
        // The answer lists the entries up to the run's own, which comes last. Without a list, no place.
        const entries = data?.group_members;
        if (!Array.isArray(entries)) continue;
        const at = entries.findIndex((m) => m?.run_id === run_id && (job === undefined || m.job_id === job));
        places.push({
          group: group.group_name,
          ahead: at < 0 ? entries.length : at,
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

/** `list` when it is an array, else an empty one: the queue's lists come from the server. */
function listOf<T>(list: readonly T[] | undefined): readonly T[] {
  return Array.isArray(list) ? list : [];
}
