// waitForRun over real HTTP against a run that moves one step per poll: updates per change with
// the queue place while pending, conditional polls answered by 304, bounds and aborts; and the
// attacks: lookups that never answer, a group that lists many entries, a cache, a body that is not a run.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createClient,
  GitHubError,
  GitHubResponseError,
  memoryCache,
  seams,
  waitForRun,
  WaitForRunTimeoutError,
  type Client,
  type RunUpdate,
} from "../../generated/src/index.js";
import { RUN, startRunProgressServer, TO_COMPLETION, type RunProgressServer } from "../server/run-progress.js";

const TOKEN = "ghp_waitForRunTestToken";
let server: RunProgressServer;
let gh: Client;
beforeAll(async () => {
  server = await startRunProgressServer();
  gh = createClient({ token: TOKEN, baseUrl: server.url, retry: false });
});
afterAll(() => server.close());
beforeEach(async () => {
  await server.close();
  server = await startRunProgressServer();
  gh = createClient({ token: TOKEN, baseUrl: server.url, retry: false });
});

const fast = { intervalMs: 5, maxIntervalMs: 20 };
const runPolls = () => server.requests.filter((r) => r.url === `/repos/${RUN.owner}/${RUN.repo}/actions/runs/${RUN.run_id}`);
const describeUpdate = (u: RunUpdate) =>
  u.status + u.queue.map((q) => ` (${q.ahead} ahead in group ${q.group})`).join("") + (u.conclusion ? ` ${u.conclusion}` : "");

describe("waitForRun", () => {
  it("follows queued → pending (2 ahead in group deploy-prod) → in_progress → completed, with 304s for unchanged polls", async () => {
    server.script = TO_COMPLETION;
    const updates: RunUpdate[] = [];
    const run = await waitForRun(gh, RUN, { ...fast, onUpdate: (u) => updates.push(u) });
    expect(run).toMatchObject({ id: 42, status: "completed", conclusion: "success" });
    expect(updates.map(describeUpdate)).toEqual(["queued", "pending (2 ahead in group deploy-prod)", "in_progress", "completed success"]);
    expect(updates.map((u) => u.polls)).toEqual([1, 3, 5, 7]);
    // Every poll but the first is conditional; the unchanged ones cost a 304.
    const polls = runPolls();
    expect(polls).toHaveLength(7);
    expect(polls[0]!.headers["if-none-match"]).toBeUndefined();
    expect(polls.slice(1).every((r) => /^"[0-9a-f]{40}"$/.test(String(r.headers["if-none-match"])))).toBe(true);
    expect(server.notModified).toBe(3);
    // The queue was asked about while pending, by run.
    expect(server.requests.map((r) => r.url).filter((u) => u!.includes("concurrency_groups/"))).toEqual([
      `/repos/${RUN.owner}/${RUN.repo}/actions/concurrency_groups/deploy-prod?ahead_of_run=42`,
      `/repos/${RUN.owner}/${RUN.repo}/actions/concurrency_groups/deploy-prod?ahead_of_run=42`,
    ]);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("reports a moving queue place even while the run itself is unchanged (304)", async () => {
    server.script = [
      { status: "pending", queue: { group: "deploy-prod", ahead: 2 } },
      { status: "pending", queue: { group: "deploy-prod", ahead: 1 } },
      { status: "completed", conclusion: "cancelled" },
    ];
    const updates: RunUpdate[] = [];
    await waitForRun(gh, RUN, { ...fast, onUpdate: (u) => updates.push(u) });
    expect(updates.map(describeUpdate)).toEqual([
      "pending (2 ahead in group deploy-prod)",
      "pending (1 ahead in group deploy-prod)",
      "completed cancelled",
    ]);
    expect(server.notModified).toBe(1);
  });

  it("times out with a WaitForRunTimeoutError that carries the last run seen", async () => {
    server.script = [{ status: "in_progress" }];
    const error = (await waitForRun(gh, RUN, { ...fast, timeoutMs: 150 }).catch((e: unknown) => e)) as WaitForRunTimeoutError;
    expect(error).toBeInstanceOf(WaitForRunTimeoutError);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error.name).toBe("WaitForRunTimeoutError");
    expect(error.lastRun).toMatchObject({ id: 42, status: "in_progress" });
    expect(error.message).toMatch(
      /run 42 in octo-org\/octo-repo not completed after \d+ polls and 150 ms \(timeoutMs\); last status in_progress/,
    );
    expect(error.polls).toBeGreaterThan(1);
    expect(JSON.stringify(error) + error.stack).not.toContain(TOKEN);
  });

  it("stops after maxPolls polls", async () => {
    server.script = [{ status: "queued" }];
    const error = (await waitForRun(gh, RUN, { ...fast, maxPolls: 3 }).catch((e: unknown) => e)) as WaitForRunTimeoutError;
    expect(error).toBeInstanceOf(WaitForRunTimeoutError);
    expect(error.message).toMatch(/after 3 polls \(maxPolls\)/);
    expect(runPolls()).toHaveLength(3);
  });

  it("honours retry-after: a wait the server asks for past the deadline ends the wait at once", async () => {
    server.script = [{ status: "queued", retryAfter: "30" }];
    const started = Date.now();
    const error = await waitForRun(gh, RUN, { ...fast, timeoutMs: 5000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitForRunTimeoutError);
    // One poll: polling again before the 30 s would go against the server's ask.
    expect(runPolls()).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("an abort rejects with the signal's reason", async () => {
    server.script = [{ status: "queued" }];
    const ac = new AbortController();
    const reason = new Error("stop waiting");
    const waiting = waitForRun(gh, RUN, { ...fast, signal: ac.signal, onUpdate: () => ac.abort(reason) });
    await expect(waiting).rejects.toBe(reason);
    expect(runPolls()).toHaveLength(1);
  });

  it("refuses a bound that is not a number ≥ 0, before any request", async () => {
    await expect(waitForRun(gh, RUN, { timeoutMs: NaN })).rejects.toThrow(/waitForRun: timeoutMs must be a number ≥ 0/);
    await expect(waitForRun(gh, RUN, { maxPolls: -1 })).rejects.toThrow(/waitForRun: maxPolls/);
    expect(server.requests).toHaveLength(0);
  });
});

// A wait for the rejection of a call that must reject (a resolution fails the test).
const rejectionOf = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("expected a rejection"),
    (e: unknown) => e as Error,
  );
const queueLookups = () => server.requests.filter((r) => r.url!.includes("/concurrency_groups/"));

describe("waitForRun's timeoutMs is a deadline for the whole wait", () => {
  it("a queue lookup that never answers ends the wait at timeoutMs, with the last run, and the request is dropped", async () => {
    // The client's own timeout (30 s) and retries would hold the wait far past timeoutMs.
    const patient = createClient({ token: TOKEN, baseUrl: server.url });
    server.script = [{ status: "pending", queue: { group: "deploy-prod", ahead: 2 }, stall: "lookup" }];
    const error = (await rejectionOf(waitForRun(patient, RUN, { ...fast, timeoutMs: 200 }))) as WaitForRunTimeoutError;
    expect(error).toBeInstanceOf(WaitForRunTimeoutError);
    expect(error.message).toBe(
      "waitForRun: run 42 in octo-org/octo-repo not completed after 1 polls and 200 ms (timeoutMs); last status pending",
    );
    expect(error.lastRun).toMatchObject({ id: 42, status: "pending" });
    expect(error.polls).toBe(1);
    // The lookup was aborted: the server sees its connection dropped, and nothing is asked after.
    await vi.waitFor(() => expect(server.stalled).toBe(0));
    expect(queueLookups()).toHaveLength(1);
    expect(runPolls()).toHaveLength(1);
    expect(JSON.stringify(error) + error.stack).not.toContain(TOKEN);
  });

  it("a first poll that never answers ends the wait at timeoutMs, with no run to report", async () => {
    const patient = createClient({ token: TOKEN, baseUrl: server.url });
    server.script = [{ status: "queued", stall: "run" }];
    const error = (await rejectionOf(waitForRun(patient, RUN, { ...fast, timeoutMs: 100 }))) as WaitForRunTimeoutError;
    expect(error).toBeInstanceOf(WaitForRunTimeoutError);
    expect(error.message).toBe(
      "waitForRun: run 42 in octo-org/octo-repo not completed after 1 polls and 100 ms (timeoutMs); no poll was answered",
    );
    expect(error.lastRun).toBeUndefined();
    expect(error.url).toBe(`${server.url}/repos/octo-org/octo-repo/actions/runs/42`);
    await vi.waitFor(() => expect(server.stalled).toBe(0));
  });

  it("a retry the client would wait 30 s for ends the wait at timeoutMs", async () => {
    const retrying = createClient({ token: TOKEN, baseUrl: server.url, retry: { retries: 3, maxRetryDelayMs: 60_000 } });
    server.script = [{ status: "queued", fail: 503, retryAfter: "30" }];
    const error = (await rejectionOf(waitForRun(retrying, RUN, { ...fast, timeoutMs: 150 }))) as WaitForRunTimeoutError;
    expect(error).toBeInstanceOf(WaitForRunTimeoutError);
    expect(error.lastRun).toBeUndefined();
    expect(runPolls()).toHaveLength(1);
  });

  it("the caller's abort during a request still rejects with the signal's reason, not a timeout", async () => {
    server.script = [{ status: "queued", stall: "run" }];
    const reason = new Error("stop waiting");
    const waiting = waitForRun(gh, RUN, { ...fast, timeoutMs: 60_000, signal: AbortSignal.timeout(50) });
    const error = await rejectionOf(waiting);
    expect(error).not.toBeInstanceOf(WaitForRunTimeoutError);
    expect(error.name).toBe("TimeoutError");
    // An abort before the call makes no request.
    const ac = new AbortController();
    ac.abort(reason);
    const before = server.requests.length;
    await expect(waitForRun(gh, RUN, { signal: ac.signal })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(before);
  });
});

describe("waitForRun's queue lookups are bounded", () => {
  it("a group that lists 50 of the run's jobs costs at most 10 lookups per poll, each by job", async () => {
    server.script = [
      { status: "pending", queue: { group: "deploy-prod", ahead: 3 }, jobs: 50 },
      { status: "completed", conclusion: "success" },
    ];
    const updates: RunUpdate[] = [];
    await waitForRun(gh, RUN, { ...fast, onUpdate: (u) => updates.push(u) });
    expect(updates[0]!.queue).toEqual(Array.from({ length: 10 }, (_, i) => ({ group: "deploy-prod", ahead: 3, jobId: i + 1 })));
    expect(queueLookups().map((r) => new URL(r.url!, server.url).searchParams.get("ahead_of_job"))).toEqual(
      Array.from({ length: 10 }, (_, i) => String(i + 1)),
    );
  });
});

describe("waitForRun given queue answers that are not lists", () => {
  it.each([
    ["groups", [{ group: "deploy-prod", ahead: 2 }]],
    ["members", []],
    ["entries", []],
  ] as const)("%s: the place is left out and the wait goes on", async (malformed, queue) => {
    server.script = [
      { status: "pending", queue: { group: "deploy-prod", ahead: 2 }, malformed },
      { status: "completed", conclusion: "success" },
    ];
    const updates: RunUpdate[] = [];
    await expect(waitForRun(gh, RUN, { ...fast, onUpdate: (u) => updates.push(u) })).resolves.toMatchObject({ status: "completed" });
    expect(updates[0]!.queue).toEqual(queue);
  });

  it("lookups whose answers are left out still count towards the 10 per poll", async () => {
    server.script = [
      { status: "pending", queue: { group: "deploy-prod", ahead: 2 }, jobs: 50, malformed: "entries" },
      { status: "completed", conclusion: "success" },
    ];
    await waitForRun(gh, RUN, fast);
    expect(queueLookups()).toHaveLength(10);
  });
});

describe("waitForRun on a client with a response cache", () => {
  it("counts a 304 answered from the cache as unchanged, so polling backs off to maxIntervalMs", async () => {
    const cached = createClient({ token: TOKEN, baseUrl: server.url, retry: false, seams: seams({ cache: memoryCache() }) });
    server.script = [{ status: "queued" }];
    await rejectionOf(waitForRun(cached, RUN, { intervalMs: 1, maxIntervalMs: 64, maxPolls: 8 }));
    expect(server.notModified).toBe(7);
    // Waits of 1, 2, 4, …, 64 ms: a timer never fires early, so each gap is at least its wait (less
    // a millisecond of rounding). Without the back-off every gap would be about 1 ms.
    const gaps = server.pollTimes.slice(1).map((t, i) => t - server.pollTimes[i]!);
    const waits = [1, 2, 4, 8, 16, 32, 64];
    expect(gaps.map((gap, i) => gap >= waits[i]! - 1)).toEqual(waits.map(() => true));
  });
});

describe("waitForRun given a body that is not a run", () => {
  it.each([
    ["null", null],
    ["an array", [{ status: "completed" }]],
    ['an object whose "status" is not a string', { id: 42, status: 7 }],
    ["a string", "<html>"],
  ])("rejects with a GitHubResponseError that says what came: %s", async (what, body) => {
    server.script = [{ status: "queued", body }];
    const error = (await rejectionOf(waitForRun(gh, RUN, fast))) as GitHubResponseError;
    expect(error).toBeInstanceOf(GitHubResponseError);
    expect(error.status).toBe(200);
    expect(error.message).toBe(
      `GET ${server.url}/repos/octo-org/octo-repo/actions/runs/42: waitForRun: expected a workflow run ` +
        `(an object with a string "status"), got ${what}; does baseUrl point at GitHub's API?`,
    );
  });
});
