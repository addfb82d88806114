// Issue 11, items 7, 8 and 10–13, over real HTTP on 127.0.0.1: each test replays an attack from
// the issue against the generated client and asserts the safe outcome (the exact error, what
// reached the server, and no token in any view of the error).
import { describe, expect, it } from "vitest";
import * as gen from "../../generated/src/index.js";
import { FIXTURES } from "../server/server.js";
import { urlOf } from "../runtime/helpers.js";
import { leaksOf, rejection, thrown, useTestServer } from "./harness.js";

const SECRET = "ghp_SECRETtokenValue0123456789";
const { owner, repo } = FIXTURES.docs;
const run = { owner, repo, run_id: FIXTURES.docs.runs.example };
const runPath = `/repos/${owner}/${repo}/actions/runs/${FIXTURES.docs.runs.example}`;
const listPath = `/repos/${owner}/${repo}/actions/runs`;
const fast = { retries: 2, baseDelayMs: 1, maxDelayMs: 2 };

const context = useTestServer();
const client = (options: gen.ClientOptions = {}) =>
  gen.createClient({
    token: SECRET,
    baseUrl: context.server.url,
    retry: { ...fast, onRetry: (info) => context.retried.push(info) },
    ...options,
  });

describe("7. the token never reaches an error, and a request that cannot be sent is not sent", () => {
  const TOKEN_MESSAGE = "token has CR, LF, NUL or a character beyond U+00FF, which no HTTP header can carry (not shown)";

  it.each([
    ["CR/LF (a header injection)", `${SECRET}\r\nX-Injected: 1`],
    ["NUL", `${SECRET}\0`],
    ["a character beyond U+00FF", `${SECRET}\u2028`],
  ])("a token with %s is refused by createClient, quoting nothing", (_name, token) => {
    const error = thrown(() => client({ token }));
    expect(error).toEqual(new TypeError(TOKEN_MESSAGE));
    expect(leaksOf(error, SECRET)).toEqual([]);
  });

  it("a token function's bad value is refused before any request, and not context.retried", async () => {
    const gh = client({ token: async () => `${SECRET}\r\nX-Injected: 1` });
    const error = await rejection(gen.getWorkflowRun(gh, run));
    expect(error).toEqual(new TypeError(TOKEN_MESSAGE));
    expect(leaksOf(error, SECRET)).toEqual([]);
    expect(context.server.requests).toEqual([]);
    expect(context.retried).toEqual([]);
  });

  it("a token function that returns no string is refused before any request", async () => {
    const gh = client({ token: (() => undefined) as unknown as () => string });
    await expect(gen.getWorkflowRun(gh, run)).rejects.toEqual(new TypeError("token: the token function returned undefined"));
    expect(context.server.requests).toEqual([]);
  });

  it("a baseUrl with user:token@ is refused by createClient without quoting it", () => {
    const withUserinfo = context.server.url.replace("http://", `http://x-access-token:${SECRET}@`);
    const error = thrown(() => client({ baseUrl: withUserinfo }));
    expect(error).toEqual(
      new TypeError(
        "createClient: baseUrl must be an http(s) URL with no user:password@, query or fragment (not shown: it may hold a credential)",
      ),
    );
    expect(leaksOf(error, SECRET)).toEqual([]);
    expect(context.server.requests).toEqual([]);
  });

  it("a caller header with CR/LF is refused before any request, naming the header only, and not context.retried", async () => {
    const error = await rejection(gen.getWorkflowRun(client(), run, { headers: { "x-trace": `a\r\nAuthorization: ${SECRET}` } }));
    expect(error).toEqual(
      new TypeError('header "x-trace" has CR, LF, NUL or a character beyond U+00FF, which no HTTP header can carry (not shown)'),
    );
    expect(leaksOf(error, SECRET)).toEqual([]);
    expect(context.server.requests).toEqual([]);
    expect(context.retried).toEqual([]);
  });

  it("a network error whose cause quotes the request headers is redacted: message cut, cause dropped", async () => {
    // A logging fetch wrapper, as users write them: on failure it quotes the request, headers included.
    const loggingFetch: typeof fetch = async (url, init) => {
      try {
        return await fetch(url, init);
      } catch (e) {
        throw new TypeError(`fetch ${urlOf(url)} with ${JSON.stringify(init?.headers)} failed`, { cause: e });
      }
    };
    context.server.faults.add({ method: "GET", path: runPath, times: 3, fault: { reset: "before-response" } });
    const error = await rejection(gen.getWorkflowRun(client({ fetch: loggingFetch }), run));
    expect(error).toBeInstanceOf(gen.GitHubNetworkError);
    expect(error.message).toContain('"authorization":"Bearer [token]"');
    expect(error.cause).toBeUndefined();
    expect(leaksOf(error, SECRET)).toEqual([]);
    // A network failure stays retryable: three attempts, each redacted.
    expect(context.server.requests).toHaveLength(3);
    expect(context.retried.flatMap((info) => leaksOf(info.error, SECRET))).toEqual([]);
  });

  it("keeps the cause of a network error that quotes no token", async () => {
    context.server.faults.add({ method: "GET", path: runPath, times: 1, fault: { reset: "before-response" } });
    const error = await rejection(gen.getWorkflowRun(client({ retry: false }), run));
    expect(error).toBeInstanceOf(gen.GitHubNetworkError);
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe("8. pagination that never ends is bounded", () => {
  const big = { owner, repo };

  it("a ?page=N+1 server: the walk stops at maxPages with GitHubPageLimitError", async () => {
    context.server.faults.add({ method: "GET", path: listPath, times: 100, fault: { endlessPages: { itemsKey: "workflow_runs" } } });
    const seen: number[] = [];
    const error = await rejection(
      (async () => {
        for await (const item of gen.paginate(client(), gen.listWorkflowRunsForRepo, big, { maxPages: 20 })) seen.push(item.id);
      })(),
    );
    expect(error).toBeInstanceOf(gen.GitHubPageLimitError);
    expect(error).toMatchObject({ maxPages: 20, method: "GET", url: `${context.server.url}${listPath}?per_page=100&page=21` });
    expect(error.message).toBe(
      `GET ${context.server.url}${listPath}?per_page=100&page=21: not fetched, 20 pages already (maxPages); raise maxPages or narrow the listing`,
    );
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(context.server.requests).toHaveLength(20);
  });

  it("by default, collect() fetches 1,000 pages and no more", async () => {
    context.server.faults.add({ method: "GET", path: listPath, times: 1_100, fault: { endlessPages: { itemsKey: "workflow_runs" } } });
    const error = await rejection(gen.collect(client(), gen.listWorkflowRunsForRepo, big));
    expect(error).toBeInstanceOf(gen.GitHubPageLimitError);
    expect((error as gen.GitHubPageLimitError).maxPages).toBe(1000);
    expect(context.server.requests).toHaveLength(1000);
  });

  it("a &nonce=i server with total_count 5: the walk stops after 5 items, without an error", async () => {
    context.server.faults.add({
      method: "GET",
      path: listPath,
      times: 100,
      fault: { endlessPages: { itemsKey: "workflow_runs", totalCount: 5, nonce: true } },
    });
    const items = await gen.collect(client(), gen.listWorkflowRunsForRepo, big);
    expect(items.map((item) => item.id)).toEqual([1, 2, 3, 4, 5]);
    expect(context.server.requests).toHaveLength(5);
    expect(context.server.requests[4]!.url).toBe(`${listPath}?per_page=100&nonce=5`);
  });
});

describe("10. absurd rate-limit headers give GitHubRateLimitError, never a RangeError", () => {
  const limited = (headers: Record<string, string>, status = 429) => ({
    method: "GET",
    path: runPath,
    times: 5,
    fault: { respond: { status, headers, json: { message: "API rate limit exceeded" } } },
  });

  it.each(["1e400", "Infinity", "0x10", "-5", "16 s"])(
    "Retry-After: %s is not a delay: backoff, then the rate-limit error",
    async (value) => {
      context.server.faults.add(limited({ "retry-after": value }));
      const error = await rejection(gen.getWorkflowRun(client(), run));
      expect(error).toBeInstanceOf(gen.GitHubRateLimitError);
      expect(error).toMatchObject({ status: 429, retryAt: undefined });
      // 0x10 is not read as 16 s: the waits are the 1–2 ms backoff steps.
      expect(context.retried.map((info) => info.delayMs <= 2)).toEqual([true, true]);
      expect(context.server.requests).toHaveLength(3);
      expect(() => JSON.stringify(error)).not.toThrow();
    },
  );

  it("Retry-After: 99999999999999 (valid delta-seconds) is clamped: the call fails at once with a valid retryAt", async () => {
    context.server.faults.add(limited({ "retry-after": "99999999999999" }));
    const before = Date.now();
    const error = await rejection(gen.getWorkflowRun(client(), run));
    expect(error).toBeInstanceOf(gen.GitHubRateLimitError);
    const retryAt = (error as gen.GitHubRateLimitError).retryAt!;
    // Clamped to the longest timer, 2^31-1 ms (about 24.8 days).
    expect(retryAt.getTime() - before).toBeGreaterThanOrEqual(2147483647 - 1000);
    expect(retryAt.getTime() - before).toBeLessThanOrEqual(2147483647 + 60_000);
    expect(error.message).toContain(`; retry after ${retryAt.toISOString()}`);
    expect(context.server.requests).toHaveLength(1);
  });

  it.each(["1e400", "Infinity", "0x10", "99999999999999999999"])(
    "x-ratelimit-reset: %s on a 403 is ignored: the rate-limit error",
    async (value) => {
      context.server.faults.add(limited({ "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "0", "x-ratelimit-reset": value }, 403));
      const error = await rejection(gen.getWorkflowRun(client(), run));
      expect(error).toBeInstanceOf(gen.GitHubRateLimitError);
      expect(error).toMatchObject({ status: 403, retryAt: undefined });
      expect(Number.isNaN((error as gen.GitHubRateLimitError).rateLimit!.reset.getTime())).toBe(true);
      expect(() => JSON.stringify(error)).not.toThrow();
      expect(context.retried.every((info) => info.delayMs <= 2)).toBe(true);
    },
  );
});

describe("11. a path value that writes as nothing is refused before any request", () => {
  it.each([
    ['[""]', [""]],
    ["{ a: null }", { a: null }],
    ['""', ""],
  ])("run_id: %s", async (_name, runId) => {
    const error = await rejection(gen.deleteWorkflowRun(client(), { owner, repo, run_id: runId as unknown as number }));
    expect(error).toEqual(new TypeError('actions/delete-workflow-run: missing path parameter "run_id" (unset, or empty once written)'));
    expect(context.server.requests).toEqual([]);
  });
});

describe("12. Links are followed only under the base URL", () => {
  const ghes = () => client({ baseUrl: `${context.server.url}/api/v3` });
  const firstPage = /^\/api\/v3\/repos\/[^?]+\?per_page=100$/;
  const pageWith = (link: string) => ({
    method: "GET",
    path: firstPage,
    fault: { respond: { status: 200, headers: { link: `<${link}>; rel="next"` }, json: { total_count: 9, workflow_runs: [{ id: 1 }] } } },
  });

  it.each(["/evil/collect", "/api/v3/../../evil", "/api/v3/%2e%2e/evil", "/api/v30/repos", "http://[bad"])(
    "a next link to %s is an error naming it, and is not followed",
    async (link) => {
      context.server.faults.add(pageWith(link));
      const error = await rejection(gen.collect(ghes(), gen.listWorkflowRunsForRepo, { owner, repo }));
      expect(error).toBeInstanceOf(gen.GitHubResponseError);
      expect(error.message).toBe(
        `GET ${context.server.url}/api/v3${listPath}?per_page=100: Link ${JSON.stringify(link)} is not a URL under ${context.server.url}/api/v3; not followed`,
      );
      expect(context.server.requests.map((r) => r.path)).toEqual([`/api/v3${listPath}`]);
    },
  );

  it("a relative link resolves against the request URL and is followed", async () => {
    context.server.faults.add(pageWith("?page=2"));
    context.server.faults.add({
      method: "GET",
      path: /[?&]page=2$/,
      fault: { respond: { status: 200, json: { total_count: 9, workflow_runs: [{ id: 2 }] } } },
    });
    const items = await gen.collect(ghes(), gen.listWorkflowRunsForRepo, { owner, repo });
    expect(items.map((item) => item.id)).toEqual([1, 2]);
    expect(context.server.requests.map((r) => r.url)).toEqual([`/api/v3${listPath}?per_page=100`, `/api/v3${listPath}?page=2`]);
  });
});

describe("13. a non-GET operation never follows a redirect", () => {
  it.each([301, 302, 303, 307, 308])(
    "a cancel answered %i to another origin: an error naming the location; nothing sent there",
    async (status) => {
      const location = `${context.server.downloadsUrl}/collect`;
      context.server.faults.add({ method: "POST", fault: { respond: { status, headers: { location } } } });
      const error = await rejection(gen.cancelWorkflowRun(client(), run));
      expect(error).toBeInstanceOf(gen.GitHubApiError);
      expect(error).toMatchObject({ status });
      expect(error.message).toBe(
        `POST ${context.server.url}${runPath}/cancel → ${status}: unexpected redirect to ${location}, not followed`,
      );
      expect(context.server.downloadRequests).toEqual([]);
      expect(context.server.requests.map((r) => r.method)).toEqual(["POST"]);
      expect(leaksOf(error, SECRET)).toEqual([]);
    },
  );

  it("a GET still follows a redirect, and fetch does not carry the token to the other origin", async () => {
    context.server.faults.add({
      method: "GET",
      path: runPath,
      fault: { respond: { status: 302, headers: { location: `${context.server.downloadsUrl}/elsewhere` } } },
    });
    await rejection(gen.getWorkflowRun(client({ retry: false }), run));
    expect(context.server.downloadRequests).toHaveLength(1);
    expect(context.server.downloadRequests[0]!.headers.authorization).toBeUndefined();
    expect(context.server.violations).toEqual([]);
  });
});
