// waitForRun over real HTTP against a run that moves one step per poll: updates per change with
// the queue place while pending, conditional polls answered by 304, bounds and aborts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClient, waitForRun, WaitForRunTimeoutError, GitHubError, type Client, type RunUpdate } from "../../generated/src/index.js";
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
