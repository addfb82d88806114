// Hooks, logging, throttling and conditional requests over real HTTP on 127.0.0.1, against the
// GitHub-like test server (which serves weak ETags and answers 304s, test/server/etags.ts).
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as gen from "../../generated/src/index.js";
import { FIXTURES } from "../server/server.js";
import { rejection, useTestServer } from "./harness.js";

const TOKEN = "ghp_seamsIntegrationSecret0123456789";
const OTHER_TOKEN = "ghp_seamsOtherSecret9876543210abcdef";
const { owner, repo } = FIXTURES.docs;
const runId = FIXTURES.docs.runs.example;
const run = { owner, repo, run_id: runId };
const runPath = `/repos/${owner}/${repo}/actions/runs/${runId}`;
const fast = { baseDelayMs: 1, maxDelayMs: 5 };

const context = useTestServer();
/** A client whose seam options (`hooks`, `logger`, `throttle`, `cache`) go into `seams()`. */
const client = ({ hooks, logger, throttle, cache, ...options }: gen.ClientOptions & gen.SeamOptions = {}) =>
  gen.createClient({
    token: TOKEN,
    baseUrl: context.server.url,
    retry: fast,
    seams: gen.seams({ hooks, logger, throttle, cache }),
    ...options,
  });

/** Every hook call, in order, with a copy of what it was given. */
function recordingHooks() {
  const calls: {
    hook: string;
    attempt: number;
    status?: number;
    headers: Record<string, string>;
    info: gen.AttemptInfo & Partial<gen.AttemptOutcome>;
  }[] = [];
  const hooks: gen.Hooks = {
    onRequest: (info) => void calls.push({ hook: "request", attempt: info.attempt, headers: { ...info.headers }, info: { ...info } }),
    onResponse: (o) => void calls.push({ hook: "response", attempt: o.attempt, status: o.status, headers: { ...o.headers }, info: o }),
    onError: (o) => void calls.push({ hook: "error", attempt: o.attempt, status: o.status, headers: { ...o.headers }, info: o }),
  };
  return { hooks, calls };
}

describe("hooks", () => {
  it("see every attempt of a retried GET, with attempt numbers, status, URL, operation and timing", async () => {
    context.server.faults.add({ method: "GET", path: runPath, times: 2, fault: { status: 503 } });
    const { hooks, calls } = recordingHooks();
    const { status } = await gen.getWorkflowRun(client({ hooks }), run);
    expect(status).toBe(200);
    expect(calls.map((c) => `${c.hook} ${c.attempt} ${c.status ?? ""}`.trim())).toEqual([
      "request 1",
      "error 1 503",
      "request 2",
      "error 2 503",
      "request 3",
      "response 3 200",
    ]);
    for (const { info } of calls) {
      expect(info).toMatchObject({ operationId: "actions/get-workflow-run", method: "GET", url: context.server.url + runPath });
      expect(info.startedAt).toBeGreaterThan(0);
    }
    const ends = calls.filter((c) => c.hook !== "request").map((c) => c.info);
    for (const end of ends) expect(end.durationMs).toBeGreaterThanOrEqual(0);
    // The two retried ends name their wait and carry the error the call would have thrown.
    expect(ends.map((e) => typeof e.retryInMs)).toEqual(["number", "number", "undefined"]);
    expect(ends[0]!.error).toBeInstanceOf(gen.GitHubApiError);
    expect((ends[0]!.error as gen.GitHubApiError).status).toBe(503);
    expect(ends[2]!.responseHeaders?.["x-github-request-id"]).toBeTruthy();
    expect(context.server.requests).toHaveLength(3);
  });

  it("never see the token, though every attempt sends it", async () => {
    context.server.faults.add({ method: "GET", path: runPath, times: 1, fault: { status: 502 } });
    const { hooks, calls } = recordingHooks();
    await gen.getWorkflowRun(client({ hooks }), run);
    expect(calls).toHaveLength(4);
    for (const call of calls) {
      expect(call.headers.authorization).toBeUndefined();
      expect(inspect(call, { depth: 10 })).not.toContain(TOKEN);
    }
    expect(context.server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  });

  it("onRequest may change the headers that are sent", async () => {
    const gh = client({ hooks: { onRequest: (info) => void (info.headers["x-trace-id"] = `trace-${info.attempt}`) } });
    await gen.getWorkflowRun(gh, run);
    expect(context.server.requests[0]!.headers["x-trace-id"]).toBe("trace-1");
  });

  it("a call's own hooks replace the client's", async () => {
    const ofClient = recordingHooks();
    const ofCall = recordingHooks();
    const gh = client({ hooks: ofClient.hooks });
    await gen.getWorkflowRun(gh, run, { hooks: ofCall.hooks });
    expect(ofClient.calls).toEqual([]);
    expect(ofCall.calls.map((c) => c.hook)).toEqual(["request", "response"]);
    await gen.getWorkflowRun(gh, run);
    expect(ofClient.calls.map((c) => c.hook)).toEqual(["request", "response"]);
  });

  it("onError sees the final error of a call, and a hook that throws fails the call", async () => {
    const { hooks, calls } = recordingHooks();
    const error = await rejection(gen.getWorkflowRun(client({ hooks }), { ...run, run_id: FIXTURES.docs.unknownRunId }));
    expect((error as gen.GitHubApiError).status).toBe(404);
    expect(calls.map((c) => `${c.hook} ${c.status}`)).toEqual(["request undefined", "error 404"]);
    expect(calls[1]!.info.error).toBe(error);

    const broken = client({ hooks: { onRequest: () => Promise.reject(new Error("hook failed")) } });
    expect((await rejection(gen.getWorkflowRun(broken, run))).message).toBe("hook failed");
  });
});

describe("logger", () => {
  it("logs each attempt and retry at debug level, never the token, even when fetch's error quotes it", async () => {
    const lines: string[] = [];
    const logger = { debug: (message: string) => void lines.push(message) };
    let calls = 0;
    // The attack: a fetch whose error quotes the request headers, token included.
    const leaky: typeof fetch = (url, init) => {
      calls += 1;
      if (calls === 1) return Promise.reject(new Error(`connect failed, headers ${JSON.stringify(init?.headers)}`));
      return fetch(url, init);
    };
    context.server.faults.add({ method: "GET", path: runPath, times: 1, fault: { status: 503 } });
    const { status } = await gen.getWorkflowRun(client({ logger, fetch: leaky }), run);
    expect(status).toBe(200);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(`actions/get-workflow-run: GET ${context.server.url}${runPath} (attempt 1)`);
    expect(lines[1]).toMatch(/\(attempt 1\) failed: .*network error: connect failed.*\[token\].* in \d+ ms; retry 1 in \d+ ms$/);
    expect(lines[3]).toMatch(/\(attempt 2\) failed: .*503.* in \d+ ms; retry 2 in \d+ ms$/);
    expect(lines[5]).toMatch(/\(attempt 3\) 200 in \d+ ms$/);
    for (const line of lines) expect(line).not.toContain(TOKEN);
  });

  it("keeps logging when a call brings its own hooks", async () => {
    const lines: string[] = [];
    await gen.getWorkflowRun(client({ logger: { debug: (m) => void lines.push(m) } }), run, { hooks: {} });
    expect(lines).toHaveLength(2);
  });
});

/** The first `n` runs of the big repo, as cancel targets (completed ones answer 409: still a POST). */
async function runIds(gh: gen.Client, n: number): Promise<number[]> {
  const { data } = await gen.listWorkflowRunsForRepo(gh, { owner: FIXTURES.big.owner, repo: FIXTURES.big.repo, per_page: n });
  return data.workflow_runs.map((r) => r.id);
}

describe("throttle", () => {
  const where = { owner: FIXTURES.big.owner, repo: FIXTURES.big.repo };
  const SPACING = 60;

  it("spaces 10 concurrent cancels at least mutationSpacingMs apart on the server's clock, in call order", async () => {
    const gh = client({ throttle: gen.throttle({ concurrency: 4, mutationSpacingMs: SPACING }) });
    const ids = await runIds(gh, 10);
    context.server.requests.length = 0;
    const results = await Promise.allSettled(ids.map((run_id) => gen.cancelWorkflowRun(gh, { ...where, run_id })));
    expect(results.filter((r) => r.status === "rejected" && !(r.reason instanceof gen.GitHubApiError))).toEqual([]);
    const posts = context.server.requests.filter((r) => r.method === "POST");
    expect(posts.map((r) => r.path)).toEqual(ids.map((id) => `/repos/${where.owner}/${where.repo}/actions/runs/${id}/cancel`));
    const gaps = posts.slice(1).map((r, i) => r.receivedAt - posts[i]!.receivedAt);
    expect(gaps).toHaveLength(9);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(SPACING);
  });

  it("lets GETs run concurrently up to the cap, and keeps FIFO order behind a spaced POST", async () => {
    const limit = gen.throttle({ concurrency: 2, mutationSpacingMs: SPACING });
    let inFlight = 0;
    let most = 0;
    const order: string[] = [];
    // Counted at fetch, where a request really starts (onRequest hooks run before the slot is taken).
    const counting: typeof fetch = async (input, init) => {
      most = Math.max(most, ++inFlight);
      order.push(`${init?.method} ${(input as string).split("/").pop()}`);
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const gh = client({ throttle: limit, fetch: counting });
    const [first, second] = await runIds(gh, 2);
    context.server.requests.length = 0;
    order.length = 0;
    await Promise.allSettled([
      gen.cancelWorkflowRun(gh, { ...where, run_id: first! }),
      gen.cancelWorkflowRun(gh, { ...where, run_id: second! }),
      gen.getWorkflowRun(gh, { ...where, run_id: first! }),
      gen.getWorkflowRun(gh, { ...where, run_id: second! }),
      gen.getWorkflowRun(gh, { ...where, run_id: first! }),
    ]);
    expect(most).toBeLessThanOrEqual(2);
    expect(order).toEqual(["POST cancel", "POST cancel", `GET ${first}`, `GET ${second}`, `GET ${first}`]);
  });

  it("an aborted queued call leaves the queue at once with the signal's reason; the rest go on in order", async () => {
    const gh = client({ throttle: gen.throttle({ concurrency: 1, mutationSpacingMs: 200 }) });
    const ids = await runIds(gh, 3);
    context.server.requests.length = 0;
    const ac = new AbortController();
    const calls = ids.map((run_id, i) => gen.cancelWorkflowRun(gh, { ...where, run_id }, i === 1 ? { signal: ac.signal } : {}));
    const settled = Promise.allSettled(calls);
    const started = Date.now();
    const reason = new Error("user gave up");
    ac.abort(reason);
    expect(await rejection(calls[1]!)).toBe(reason);
    // Left at once: well before the 200 ms spacing would have let it start.
    expect(Date.now() - started).toBeLessThan(150);
    await settled;
    expect(context.server.requests.map((r) => r.path.split("/")[6])).toEqual([String(ids[0]), String(ids[2])]);
  });

  it("refuses a call beyond maxQueue instead of growing without bound", async () => {
    const gh = client({ throttle: gen.throttle({ concurrency: 1, mutationSpacingMs: 50, maxQueue: 2 }) });
    const ids = await runIds(gh, 4);
    const calls = ids.map((run_id) =>
      gen.cancelWorkflowRun(gh, { ...where, run_id }).then(
        () => "ok",
        (e: Error) => e.message,
      ),
    );
    const outcomes = await Promise.all(calls);
    expect(outcomes.filter((o) => /maxQueue 2/.test(o))).toHaveLength(1);
  });
});

describe("conditional requests (cache)", () => {
  it("a polled run is answered by 304s and the client returns the cached data", async () => {
    const statuses: number[] = [];
    const hooks: gen.Hooks = { onResponse: (o) => void statuses.push(o.status!) };
    const gh = client({ cache: gen.memoryCache(), hooks });
    const first = await gen.getWorkflowRun(gh, run);
    expect(first.fromCache).toBeUndefined();
    expect(first.headers.etag).toMatch(/^W\/"/);
    for (let poll = 0; poll < 3; poll++) {
      const again = await gen.getWorkflowRun(gh, run);
      expect(again).toMatchObject({ status: 200, fromCache: true });
      expect(again.data).toEqual(first.data);
    }
    expect(statuses).toEqual([200, 304, 304, 304]);
    const sent = context.server.requests.map((r) => r.headers["if-none-match"]);
    expect(sent).toEqual([undefined, first.headers.etag, first.headers.etag, first.headers.etag]);

    // The run changes: a new ETag, a 200 with the new data.
    await gen.cancelWorkflowRun(gh, run);
    const changed = await gen.getWorkflowRun(gh, run);
    expect(changed.fromCache).toBeUndefined();
    expect(changed.data.conclusion).toBe("cancelled");
    expect(statuses.at(-1)).toBe(200);
  });

  it("hands out copies: changing a result does not change what the cache returns", async () => {
    const gh = client({ cache: gen.memoryCache() });
    const first = await gen.getWorkflowRun(gh, run);
    (first.data as { name: string }).name = "changed by the caller";
    const second = await gen.getWorkflowRun(gh, run);
    expect(second.fromCache).toBe(true);
    expect(second.data.name).not.toBe("changed by the caller");
    (second.data as { name: string }).name = "changed again";
    expect((await gen.getWorkflowRun(gh, run)).data.name).not.toBe("changed again");
  });

  it("two tokens never share an entry, and no token is in a key or an entry", async () => {
    const kept = new Map<string, gen.CachedResponse>();
    const store: gen.CacheStore = { get: (k) => kept.get(k), set: (k, v) => void kept.set(k, v) };
    const cache = gen.responseCache(store);
    const a = client({ cache });
    const b = client({ cache, token: OTHER_TOKEN });
    await gen.getWorkflowRun(a, run);
    await gen.getWorkflowRun(b, run);
    const onB = await gen.getWorkflowRun(b, run);
    const onA = await gen.getWorkflowRun(a, run);
    expect([onB.fromCache, onA.fromCache]).toEqual([true, true]);
    // B's first GET carried no validator from A's entry.
    expect(context.server.requests.map((r) => !!r.headers["if-none-match"])).toEqual([false, false, true, true]);
    expect(kept.size).toBe(2);
    const everything = inspect([...kept], { depth: 10 });
    for (const secret of [TOKEN, OTHER_TOKEN]) expect(everything).not.toContain(secret);
  });

  it("a token function that changes token changes the entry", async () => {
    let token = TOKEN;
    const gh = client({ cache: gen.memoryCache(), token: () => token });
    await gen.getWorkflowRun(gh, run);
    token = OTHER_TOKEN;
    expect((await gen.getWorkflowRun(gh, run)).fromCache).toBeUndefined();
    expect((await gen.getWorkflowRun(gh, run)).fromCache).toBe(true);
  });

  it("bounds memory: maxEntries drops the least recently used entry", async () => {
    const gh = client({ cache: gen.memoryCache({ maxEntries: 2 }) });
    const get = (id: number) => gen.getWorkflowRun(gh, { owner, repo, run_id: id });
    const { runs } = FIXTURES.docs;
    await get(runs.example);
    await get(runs.completed);
    expect((await get(runs.example)).fromCache).toBe(true); // example is now the most recent
    await get(runs.in_progress); // drops completed
    expect((await get(runs.completed)).fromCache).toBeUndefined();
    expect((await get(runs.in_progress)).fromCache).toBe(true);
  });

  it("bounds memory: a body larger than maxBytes is not kept", async () => {
    const gh = client({ cache: gen.memoryCache({ maxBytes: 100 }) });
    await gen.getWorkflowRun(gh, run);
    expect((await gen.getWorkflowRun(gh, run)).fromCache).toBeUndefined();
    expect(context.server.requests.every((r) => r.headers["if-none-match"] === undefined)).toBe(true);
  });

  it("works under paginate: each page has its entry, and a second walk is all 304s with the same items", async () => {
    const statuses: number[] = [];
    const ids: string[] = [];
    const hooks: gen.Hooks = { onResponse: (o) => void (statuses.push(o.status!), ids.push(o.operationId)) };
    const gh = client({ cache: gen.memoryCache() });
    const where = { owner: FIXTURES.renamed.owner, repo: FIXTURES.renamed.repo };
    const first = await gen.collect(gh, gen.listWorkflowRunsForRepo, where, { hooks });
    const second = await gen.collect(gh, gen.listWorkflowRunsForRepo, where, { hooks });
    expect(first).toHaveLength(FIXTURES.renamed.runCount);
    expect(second).toEqual(first);
    expect(statuses).toEqual([200, 200, 200, 304, 304, 304]);
    expect(new Set(ids)).toEqual(new Set(["actions/list-workflow-runs-for-repo"]));
  });

  it("never caches a POST, and a 304 without a cached entry resolves as { status: 304, data: undefined }", async () => {
    const gh = client({ cache: gen.memoryCache() });
    await gen.cancelWorkflowRun(gh, run);
    const first = await gen.getWorkflowRun(gh, run);
    const again = await gen.getWorkflowRun(client(), run, { headers: { "if-none-match": first.headers.etag! } });
    expect({ status: again.status, data: again.data, fromCache: again.fromCache }).toEqual({
      status: 304,
      data: undefined,
      fromCache: undefined,
    });
  });
});

/**
 * Finding 2 of the review: an API whose ETag is a version (the same for every user) and whose body
 * depends on who asks, saying so in `Vary`. Answers 304 to any request that carries the version.
 */
describe("a cache shared by callers who bring their own credentials (review finding 2)", () => {
  const ALICE = "Bearer ALICE_secret_token_0123456789";
  const BOB = "Bearer BOB_secret_token_9876543210";
  let server: Server;
  let baseUrl = "";
  let vary = "Authorization, Cookie";
  const seen: IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      const headers = { etag: '"v7"', vary, "content-type": "application/json" };
      if (req.headers["if-none-match"] === '"v7"') return void res.writeHead(304, headers).end();
      res.writeHead(200, headers).end(JSON.stringify({ viewer: req.headers.authorization ?? req.headers.cookie ?? "nobody" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** A client without a token of its own, over a fresh cache; the server's log emptied. */
  function shared(hooks?: gen.Hooks) {
    seen.length = 0;
    vary = "Authorization, Cookie";
    return gen.createClient({ baseUrl, retry: false, seams: seams(hooks) });
  }
  const seams = (hooks?: gen.Hooks) => gen.seams({ cache: gen.memoryCache(), hooks });
  const stored = () => new Promise((resolve) => setTimeout(resolve, 10));

  it("per-call authorization headers: Bob's call carries no validator of Alice's and gets his own body", async () => {
    const gh = shared();
    const asAlice = { headers: { authorization: ALICE } };
    await gen.getWorkflowRun(gh, run, asAlice);
    await stored();
    const bob = await gen.getWorkflowRun(gh, run, { headers: { authorization: BOB } });
    expect(seen[1]!["if-none-match"]).toBeUndefined();
    expect(bob.data).toEqual({ viewer: BOB });
    expect(bob.fromCache).toBeUndefined();
    // Each still has an entry of their own.
    await stored();
    const again = await gen.getWorkflowRun(gh, run, asAlice);
    expect([again.fromCache, again.data]).toEqual([true, { viewer: ALICE }]);
    expect(inspect(gh, { depth: 10 })).not.toContain("secret_token");
  });

  it("an authorization set by an onRequest hook: a user switch is a miss, never the other's entry", async () => {
    let user = ALICE;
    const gh = shared({ onRequest: ({ headers }) => void (headers.authorization = user) });
    await gen.getWorkflowRun(gh, run);
    await stored();
    user = BOB;
    const bob = await gen.getWorkflowRun(gh, run);
    expect(seen.map((h) => h["if-none-match"])).toEqual([undefined, undefined]);
    expect(bob.data).toEqual({ viewer: BOB });
  });

  it("per-call cookies: another session's cookie is a miss", async () => {
    const gh = shared();
    await gen.getWorkflowRun(gh, run, { headers: { cookie: "sid=ALICE_session" } });
    await stored();
    const bob = await gen.getWorkflowRun(gh, run, { headers: { cookie: "sid=BOB_session" } });
    expect(seen[1]!["if-none-match"]).toBeUndefined();
    expect(bob.data).toEqual({ viewer: "sid=BOB_session" });
  });

  it("a response with Vary: * is not kept", async () => {
    const gh = shared();
    vary = "*";
    await gen.getWorkflowRun(gh, run, { headers: { authorization: ALICE } });
    await stored();
    await gen.getWorkflowRun(gh, run, { headers: { authorization: ALICE } });
    expect(seen.map((h) => h["if-none-match"])).toEqual([undefined, undefined]);
  });

  it("in a browser, a Vary naming a header the request did not set (Cookie) is not kept; one it set is", async () => {
    vi.stubGlobal("location", new URL("https://app.example/"));
    try {
      const gh = shared();
      for (let i = 0; i < 2; i++) {
        await gen.getWorkflowRun(gh, run, { headers: { authorization: ALICE } });
        await stored();
      }
      vary = "Authorization, Accept-Encoding";
      for (let i = 0; i < 3; i++) {
        await gen.getWorkflowRun(gh, run, { headers: { authorization: ALICE } });
        await stored();
      }
      expect(seen.map((h) => h["if-none-match"])).toEqual([undefined, undefined, undefined, '"v7"', '"v7"']);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
