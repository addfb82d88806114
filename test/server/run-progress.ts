// A small API server whose workflow run moves through a script of states, one step per poll:
// for waitForRun's tests and its example. Answers If-None-Match with 304 while the run is
// unchanged, and tells where the run queues while it is pending. A step can also misbehave:
// never answer, list a run with many jobs in its group, or send a body that is not a run.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface Step {
  readonly status: string;
  readonly conclusion?: string | null;
  /** While pending: the group and how many entries are ahead of the run. */
  readonly queue?: { readonly group: string; readonly ahead: number };
  /** Sent with this poll's answer (200 or 304). */
  readonly retryAfter?: string;
  /** While pending: the run waits through this many jobs (1, 2, …) in its group, each asked about by job. */
  readonly jobs?: number;
  /** This poll ("run") or the group lookups ("lookup") are never answered. */
  readonly stall?: "run" | "lookup";
  /** Sent as this poll's 200 body in place of the run. */
  readonly body?: unknown;
  /** This poll is answered with this error status (with `retryAfter`, if set). */
  readonly fail?: number;
  /**
   * While pending, what the queue's answers get wrong: "groups" lists a null group and one whose
   * name is a number before the real one, "members" sends the group's members as null, "entries"
   * answers each lookup with an object in place of the list of entries.
   */
  readonly malformed?: "groups" | "members" | "entries";
}

export interface RunProgressServer {
  readonly url: string;
  /** The run every poll after the script's end stays at its last step. */
  script: Step[];
  readonly requests: IncomingMessage[];
  /** Polls of the run answered 304. */
  notModified: number;
  /** When each poll of the run arrived (Date.now()). */
  readonly pollTimes: number[];
  /** Requests left unanswered (`stall`) whose connection the client has not yet dropped. */
  stalled: number;
  close(): Promise<void>;
}

export const RUN = { owner: "octo-org", repo: "octo-repo", run_id: 42 } as const;

export async function startRunProgressServer(script: Step[] = []): Promise<RunProgressServer> {
  const base = `/repos/${RUN.owner}/${RUN.repo}/actions`;
  let polls = 0;
  const state: RunProgressServer = {
    url: "",
    script,
    requests: [],
    notModified: 0,
    pollTimes: [],
    stalled: 0,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const current = () => state.script[Math.min(Math.max(polls, 1), state.script.length) - 1]!;
  const server = createServer((req, res) => {
    state.requests.push(req);
    const url = new URL(req.url!, "http://127.0.0.1");
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(body === undefined ? undefined : JSON.stringify(body));
    // Counted until the client drops the connection.
    const stall = () => {
      state.stalled++;
      res.on("close", () => state.stalled--);
    };
    if (url.pathname === `${base}/runs/${RUN.run_id}`) {
      polls++;
      state.pollTimes.push(Date.now());
      const step = current();
      if (step.stall === "run") return stall();
      if ("body" in step) return send(200, step.body);
      if (step.fail) return send(step.fail, { message: "unavailable" }, step.retryAfter ? { "retry-after": step.retryAfter } : {});
      const run = { id: RUN.run_id, name: "Deploy", status: step.status, conclusion: step.conclusion ?? null };
      const etag = `"${createHash("sha1").update(JSON.stringify(run)).digest("hex")}"`;
      const headers: Record<string, string> = { etag, ...(step.retryAfter ? { "retry-after": step.retryAfter } : {}) };
      if (req.headers["if-none-match"] === etag) {
        state.notModified++;
        return void res.writeHead(304, headers).end();
      }
      return send(200, run, headers);
    }
    const { queue, jobs, stall: stalls, malformed } = current();
    if (url.pathname === `${base}/runs/${RUN.run_id}/concurrency_groups`) {
      const member = { run_id: RUN.run_id, run_name: "Deploy", run_url: null, run_html_url: null, status: "pending" };
      const members = jobs ? Array.from({ length: jobs }, (_, i) => ({ ...member, job_id: i + 1 })) : [member];
      const group = { group_name: queue?.group, group_url: "", group_members: malformed === "members" ? null : members };
      const bad = malformed === "groups" ? [null, { ...group, group_name: 7 }] : [];
      return send(200, { concurrency_groups: queue ? [...bad, group] : [] });
    }
    if (queue && url.pathname === `${base}/concurrency_groups/${encodeURIComponent(queue.group)}`) {
      if (stalls === "lookup") return stall();
      const job = url.searchParams.get("ahead_of_job");
      if (jobs ? !job : url.searchParams.get("ahead_of_run") !== String(RUN.run_id)) {
        return send(422, { message: jobs ? "ahead_of_job expected" : "ahead_of_run expected" });
      }
      const ahead = Array.from({ length: queue.ahead }, (_, i) => ({ run_id: 1000 + i, status: "in_progress", position: i }));
      const own = { run_id: RUN.run_id, status: "pending", position: queue.ahead, ...(job ? { job_id: +job } : {}) };
      return send(200, { group_name: queue.group, group_members: malformed === "entries" ? { own } : [...ahead, own] });
    }
    send(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return Object.assign(state, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

/** queued → pending (2 ahead in deploy-prod) → in_progress → completed, each state seen twice (the second a 304). */
export const TO_COMPLETION: Step[] = [
  { status: "queued" },
  { status: "queued" },
  { status: "pending", queue: { group: "deploy-prod", ahead: 2 } },
  { status: "pending", queue: { group: "deploy-prod", ahead: 2 } },
  { status: "in_progress" },
  { status: "in_progress" },
  { status: "completed", conclusion: "success" },
];
