// Fault injection over real HTTP: retries, rate limits, timeouts, broken bodies, redirects to a
// second origin, and POSTs that must never be repeated. Delays are tiny and bounded.
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGitHubServer, FIXTURES, type GitHubServer } from "../server/server.js";
import * as gen from "../../generated/src/index.js";

const TOKEN = "ghp_faultInjectionSecret42";
const { owner, repo } = FIXTURES.docs;
const run = { owner, repo, run_id: FIXTURES.docs.runs.example };
const runPath = `/repos/${owner}/${repo}/actions/runs/${FIXTURES.docs.runs.example}`;

let server: GitHubServer;
let gh: gen.Client;
const retries: gen.RetryInfo[] = [];
beforeAll(async () => {
  server = await startGitHubServer();
  gh = gen.createClient({
    token: TOKEN,
    baseUrl: server.url,
    retry: { baseDelayMs: 1, maxDelayMs: 10, maxRetryDelayMs: 2_000, onRetry: (info) => retries.push(info) },
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  retries.length = 0;
});

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e as Error,
  );
const leaksToken = (error: unknown) =>
  [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 5 })].some((text) => String(text).includes(TOKEN));

describe("retries of idempotent requests", () => {
  it("rides out a burst of three 503s: four requests, three onRetry calls", async () => {
    server.faults.add({ method: "GET", path: runPath, times: 3, fault: { status: 503 } });
    const { status } = await gen.getWorkflowRun(gh, run);
    expect(status).toBe(200);
    expect(server.requests).toHaveLength(4);
    expect(retries.map((r) => r.status)).toEqual([503, 503, 503]);
  });

  it("gives up after the retry budget with a GitHubApiError carrying the last status", async () => {
    server.faults.add({ method: "GET", path: runPath, times: 10, fault: { status: 502 } });
    const error = await rejection(gen.getWorkflowRun(gh, run));
    expect(error).toBeInstanceOf(gen.GitHubApiError);
    expect((error as gen.GitHubApiError).status).toBe(502);
    expect(server.requests).toHaveLength(4);
    expect(leaksToken(error)).toBe(false);
  });

  it("honors retry-after on a 429", async () => {
    server.faults.add({ method: "GET", path: runPath, times: 1, fault: { status: 429, retryAfter: 1 } });
    await gen.getWorkflowRun(gh, run);
    expect(server.requests).toHaveLength(2);
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(1000);
  });

  it("retries GitHub's secondary rate limit (403 with retry-after)", async () => {
    server.faults.add({ method: "GET", path: runPath, times: 1, fault: { status: 403, secondaryRateLimit: true, retryAfter: 0 } });
    await gen.getWorkflowRun(gh, run);
    expect(server.requests).toHaveLength(2);
    expect(retries[0]!.status).toBe(403);
  });

  it("waits for x-ratelimit-reset when x-ratelimit-remaining is 0", async () => {
    server.faults.add({ method: "GET", path: runPath, times: 1, fault: { status: 403, rateLimitRemaining: 0, resetInSeconds: 1 } });
    await gen.getWorkflowRun(gh, run);
    expect(server.requests).toHaveLength(2);
    expect(retries[0]!.delayMs).toBeGreaterThan(0);
  });

  it("fails at once, saying when to come back, when the reset is further than maxRetryDelayMs", async () => {
    server.faults.add({ method: "GET", path: runPath, times: 1, fault: { status: 403, rateLimitRemaining: 0, resetInSeconds: 3600 } });
    const error = await rejection(gen.getWorkflowRun(gh, run));
    expect(error).toBeInstanceOf(gen.GitHubRateLimitError);
    const limited = error as gen.GitHubRateLimitError;
    expect(limited.retryAt!.getTime()).toBeGreaterThan(Date.now() + 3_000_000);
    expect(limited.message).toContain(limited.retryAt!.toISOString().slice(0, 16));
    expect(limited.rateLimit?.remaining).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a connection reset before the response and mid-body", async () => {
    server.faults.add({ method: "GET", path: runPath, times: 1, fault: { reset: "before-response" } });
    server.faults.add({ method: "GET", path: runPath, times: 1, fault: { reset: "mid-body" } });
    const { data } = await gen.getWorkflowRun(gh, run);
    expect(data.id).toBe(FIXTURES.docs.runs.example);
    expect(server.requests).toHaveLength(3);
  });

  it("turns everything off with retry: false", async () => {
    server.faults.add({ method: "GET", path: runPath, times: 1, fault: { status: 503 } });
    await expect(gen.getWorkflowRun(gh, run, { retry: false })).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });
});

describe("POSTs are never repeated unless the caller opts in", () => {
  it("sends a cancel exactly once through a 503", async () => {
    server.faults.add({ method: "POST", times: 1, fault: { status: 503 } });
    await expect(gen.cancelWorkflowRun(gh, run)).rejects.toMatchObject({ status: 503 });
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("sends a re-run exactly once through a connection reset", async () => {
    server.faults.add({ method: "POST", times: 1, fault: { reset: "before-response" } });
    await expect(gen.reRunWorkflow(gh, { ...run, run_id: FIXTURES.docs.runs.completed })).rejects.toBeInstanceOf(gen.GitHubNetworkError);
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("retries a POST when opted in for the call", async () => {
    server.faults.add({ method: "POST", times: 1, fault: { status: 503 } });
    const { status } = await gen.approveWorkflowRun(
      gh,
      { ...run, run_id: FIXTURES.docs.runs.actionRequired },
      { retry: { retryNonIdempotent: true, baseDelayMs: 1 } },
    );
    expect(status).toBe(201);
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(2);
  });
});

describe("timeouts, aborts and broken bodies", () => {
  it("rejects a stalled response with GitHubTimeoutError (per-call timeoutMs)", async () => {
    server.faults.add({ method: "GET", path: runPath, times: 5, fault: { stallMs: 2_000 } });
    const error = await rejection(gen.getWorkflowRun(gh, run, { timeoutMs: 50, retry: false }));
    expect(error).toBeInstanceOf(gen.GitHubTimeoutError);
    expect(leaksToken(error)).toBe(false);
  });

  it("rejects with the caller's abort reason", async () => {
    server.faults.add({ method: "GET", path: runPath, times: 1, fault: { stallMs: 2_000 } });
    const controller = new AbortController();
    const reason = new Error("user went away");
    setTimeout(() => controller.abort(reason), 20);
    await expect(gen.getWorkflowRun(gh, run, { signal: controller.signal })).rejects.toBe(reason);
  });

  it("reports truncated and invalid JSON as GitHubResponseError, not a bare SyntaxError", async () => {
    server.faults.add({ method: "GET", path: runPath, times: 1, fault: { truncatedJson: true } });
    const truncated = await rejection(gen.getWorkflowRun(gh, run, { retry: false }));
    server.faults.add({ method: "GET", path: runPath, times: 1, fault: { invalidJson: true } });
    const invalid = await rejection(gen.getWorkflowRun(gh, run, { retry: false }));
    for (const error of [truncated, invalid]) {
      expect(error).toBeInstanceOf(gen.GitHubResponseError);
      expect(error.message).toMatch(/JSON/);
      expect(leaksToken(error)).toBe(false);
    }
  });
});

describe("redirects to the log archive", () => {
  it("returns the location on the second origin; fetching it without Authorization succeeds", async () => {
    const { location } = await gen.downloadWorkflowRunLogs(gh, run);
    expect(new URL(location).origin).toBe(server.downloadsUrl);
    expect(server.downloadRequests).toHaveLength(0);
    const archive = await fetch(location);
    expect(archive.status).toBe(200);
    expect(server.violations).toEqual([]);
  });

  it("the downloads origin would catch a leaked Authorization header", async () => {
    const { location } = await gen.downloadWorkflowRunLogs(gh, run);
    const leaked = await fetch(location, { headers: { authorization: "Bearer x" } });
    expect(leaked.status).toBe(400);
    expect(server.violations).toHaveLength(1);
  });

  it("the client keeps its token out of inspect and JSON", () => {
    expect(inspect(gh, { depth: 5 })).not.toContain(TOKEN);
    expect(JSON.stringify(gh)).not.toContain(TOKEN);
  });
});
