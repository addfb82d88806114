import { describe, expect, it, vi } from "vitest";
import { createClient } from "../../generator/runtime/client.js";
import { GitHubApiError, GitHubNetworkError, GitHubRateLimitError } from "../../generator/runtime/errors.js";
import { request } from "../../generator/runtime/request.js";
import {
  backoffMs,
  isIdempotent,
  maxRetries,
  mergeRetry,
  MAX_DELAY_MS,
  planRetry,
  serverDelayMs,
  sleep,
} from "../../generator/runtime/retry.js";
import type { RetryInfo, RetryOptions } from "../../generator/runtime/types.js";
import { deleteRun, getRun, json, recorder, reRun, sequence } from "./helpers.js";

const params = { owner: "o", repo: "r", run_id: 1 };
const fast: RetryOptions = { baseDelayMs: 1, maxDelayMs: 2 };
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

describe("retry decisions", () => {
  it.each<[string, boolean]>([
    ["GET", true],
    ["HEAD", true],
    ["PUT", true],
    ["DELETE", true],
    ["OPTIONS", true],
    ["POST", false],
    ["PATCH", false],
  ])("%s idempotent: %s", (method, want) => {
    expect(isIdempotent(method)).toBe(want);
  });

  it.each<[string, string, RetryOptions | false, number]>([
    ["default", "GET", {}, 3],
    ["configured", "DELETE", { retries: 5 }, 5],
    ["POST never by default", "POST", { retries: 5 }, 0],
    ["PATCH opted in", "PATCH", { retryNonIdempotent: true }, 3],
    ["off", "GET", false, 0],
  ])("maxRetries: %s", (_name, method, r, want) => {
    expect(maxRetries(method, r)).toBe(want);
  });

  it("merges per-call options over the client's", () => {
    expect(mergeRetry({ retries: 2, baseDelayMs: 5 }, undefined)).toEqual({ retries: 2, baseDelayMs: 5 });
    expect(mergeRetry({ retries: 2, baseDelayMs: 5 }, { retries: 0 })).toEqual({ retries: 0, baseDelayMs: 5 });
    expect(mergeRetry({ retries: 2 }, false)).toBe(false);
    expect(mergeRetry(false, { retries: 1 })).toEqual({ retries: 1 });
    expect(mergeRetry(false, undefined)).toBe(false);
  });

  it.each<[string, Record<string, string>, string, number | undefined]>([
    ["retry-after seconds", { "retry-after": "30" }, "", 30_000],
    ["retry-after zero", { "retry-after": "0" }, "", 0],
    ["retry-after HTTP date", { "retry-after": new Date(NOW + 90_000).toUTCString() }, "", 90_000],
    ["retry-after in the past", { "retry-after": new Date(NOW - 5_000).toUTCString() }, "", 0],
    ["retry-after garbage: ignored", { "retry-after": "soon" }, "", undefined],
    ["retry-after 1e400: not digits, ignored", { "retry-after": "1e400" }, "", undefined],
    ["retry-after Infinity: ignored", { "retry-after": "Infinity" }, "", undefined],
    ["retry-after 0x10: not read as 16 s", { "retry-after": "0x10" }, "", undefined],
    ["retry-after -5: ignored (Date.parse would read a year)", { "retry-after": "-5" }, "", undefined],
    ["retry-after 2030: delta-seconds, not a year", { "retry-after": "2030" }, "", 2_030_000],
    ["retry-after 1.5: ignored", { "retry-after": "1.5" }, "", undefined],
    ["retry-after huge digits: clamped to the longest timer", { "retry-after": "99999999999999" }, "", MAX_DELAY_MS],
    ["retry-after 400 digits (Infinity): clamped", { "retry-after": "9".repeat(400) }, "", MAX_DELAY_MS],
    ["retry-after HTTP date far ahead: clamped", { "retry-after": "Fri, 31 Dec 9999 23:59:59 GMT" }, "", MAX_DELAY_MS],
    ["retry-after obsolete RFC 850 date", { "retry-after": "Wednesday, 01-Jan-25 12:01:00 GMT" }, "", 60_000],
    [
      "retry-after garbage falls back to reset",
      { "retry-after": "soon", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(NOW / 1000 + 7) },
      "",
      7_000,
    ],
    ["reset 1e400: ignored", { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1e400" }, "", undefined],
    ["reset 0x10: ignored", { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "0x10" }, "", undefined],
    ["reset of 13 digits: ignored", { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "9999999999999" }, "", undefined],
    [
      "reset garbage on a secondary limit: one minute",
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "x" },
      '{"message":"You have exceeded a secondary rate limit."}',
      60_000,
    ],
    ["reset when remaining is 0", { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(NOW / 1000 + 120) }, "", 120_000],
    ["reset ignored while remaining > 0", { "x-ratelimit-remaining": "10", "x-ratelimit-reset": String(NOW / 1000 + 120) }, "", undefined],
    [
      "retry-after wins over reset",
      { "retry-after": "5", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(NOW / 1000 + 120) },
      "",
      5_000,
    ],
    ["secondary limit without a time: one minute", {}, '{"message":"You have exceeded a secondary rate limit."}', 60_000],
    ["nothing asked", {}, '{"message":"Server Error"}', undefined],
  ])("serverDelayMs: %s", (_name, h, body, want) => {
    expect(serverDelayMs(h, body, NOW)).toBe(want);
  });

  it("backoff is full jitter within the doubling, capped step", () => {
    const r: RetryOptions = { baseDelayMs: 100, maxDelayMs: 350 };
    for (let i = 0; i < 200; i++) {
      expect(backoffMs(1, r)).toBeGreaterThanOrEqual(0);
      expect(backoffMs(1, r)).toBeLessThan(100);
      expect(backoffMs(2, r)).toBeLessThan(200);
      expect(backoffMs(3, r)).toBeLessThan(350);
      expect(backoffMs(10, r)).toBeLessThan(350);
    }
    const random = vi.spyOn(Math, "random").mockReturnValue(0.999999);
    expect(backoffMs(1, {})).toBe(499);
    expect(backoffMs(3, {})).toBe(1999);
    expect(backoffMs(20, {})).toBe(19_999);
    random.mockRestore();
  });

  it.each<[string, number, Record<string, string>, string, number, number | "backoff" | Date | undefined]>([
    ["500", 500, {}, "", 1, "backoff"],
    ["502", 502, {}, "", 1, "backoff"],
    ["503", 503, {}, "", 3, "backoff"],
    ["504", 504, {}, "", 1, "backoff"],
    ["501 is final", 501, {}, "", 1, undefined],
    ["404 is final", 404, {}, "", 1, undefined],
    ["422 is final", 422, {}, "", 1, undefined],
    ["plain 403 is final", 403, {}, '{"message":"Must have admin rights"}', 1, undefined],
    ["429", 429, {}, "", 1, "backoff"],
    ["429 retry-after", 429, { "retry-after": "2" }, "", 1, 2000],
    ["403 retry-after", 403, { "retry-after": "1" }, "", 1, 1000],
    ["503 retry-after", 503, { "retry-after": "3" }, "", 1, 3000],
    ["403 secondary, 60 s is within the default ceiling", 403, {}, "secondary rate limit", 1, 60_000],
    ["retries exhausted", 503, {}, "", 4, undefined],
    ["retries exhausted, the server's time is reported", 429, { "retry-after": "7" }, "", 4, new Date(NOW + 7000)],
    [
      "wait above maxRetryDelayMs: come back later",
      403,
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(NOW / 1000 + 3600) },
      "",
      1,
      new Date(NOW + 3_600_000),
    ],
  ])("planRetry: %s", (_name, status, h, body, attempt, want) => {
    const got = planRetry(status, h, body, attempt, 3, { baseDelayMs: 10 }, NOW);
    if (want === "backoff") {
      expect(typeof got).toBe("number");
      expect(got as number).toBeLessThan(10 * 2 ** (attempt - 1));
    } else {
      expect(got).toEqual(want);
    }
  });

  it("planRetry honours maxRetryDelayMs and retry: false", () => {
    expect(planRetry(429, { "retry-after": "2" }, "", 1, 3, { maxRetryDelayMs: 1000 }, NOW)).toEqual(new Date(NOW + 2000));
    expect(planRetry(429, { "retry-after": "2" }, "", 1, 0, false, NOW)).toEqual(new Date(NOW + 2000));
    expect(planRetry(503, {}, "", 1, 0, false, NOW)).toBeUndefined();
  });

  it("sleep is abortable with the caller's reason", async () => {
    const ac = new AbortController();
    const reason = new Error("stop");
    const p = sleep(60_000, ac.signal);
    ac.abort(reason);
    await expect(p).rejects.toBe(reason);
    await expect(sleep(60_000, AbortSignal.abort("already"))).rejects.toBe("already");
    await expect(sleep(1, undefined)).resolves.toBeUndefined();
  });

  it("sleep waits no longer than the longest timer, rather than firing at once beyond it", () => {
    vi.useFakeTimers();
    try {
      let done = false;
      void sleep(Number.MAX_SAFE_INTEGER, undefined).then(() => (done = true));
      vi.advanceTimersByTime(1000);
      expect(done).toBe(false);
      expect(vi.getTimerCount()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("planRetry with a huge server wait gives a valid retryAt (no RangeError in toISOString)", () => {
    const at = planRetry(429, { "retry-after": "9".repeat(400) }, "", 1, 3, {}, NOW) as Date;
    expect(at.getTime()).toBe(NOW + MAX_DELAY_MS);
    expect(() => at.toISOString()).not.toThrow();
  });
});

describe("retrying requests", () => {
  const e503 = () => json({ message: "Service Unavailable" }, 503);

  it("retries a 503 burst then succeeds: exact request count and onRetry calls", async () => {
    const { fetch, calls } = recorder(sequence(e503(), e503(), e503(), json({ id: 1 })));
    const infos: RetryInfo[] = [];
    const gh = createClient({ fetch, retry: { ...fast, onRetry: (i) => infos.push(i) } });
    const res = await request(gh, getRun, params);
    expect(res.data).toEqual({ id: 1 });
    expect(calls).toHaveLength(4);
    expect(infos.map((i) => [i.attempt, i.status, i.method, i.url])).toEqual([
      [1, 503, "GET", "https://api.github.com/repos/o/r/actions/runs/1"],
      [2, 503, "GET", "https://api.github.com/repos/o/r/actions/runs/1"],
      [3, 503, "GET", "https://api.github.com/repos/o/r/actions/runs/1"],
    ]);
    for (const i of infos) {
      expect(i.delayMs).toBeGreaterThanOrEqual(0);
      expect(i.delayMs).toBeLessThanOrEqual(2);
      expect(i.error).toBeUndefined();
    }
  });

  it("gives up after `retries` and throws the last error", async () => {
    const { fetch, calls } = recorder(sequence(e503()));
    const err = await request(createClient({ fetch, retry: { ...fast, retries: 2 } }), getRun, params).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect((err as GitHubApiError).status).toBe(503);
    expect(calls).toHaveLength(3);
  });

  it("honours 429 retry-after", async () => {
    const { fetch, calls } = recorder(sequence(json({ message: "slow down" }, 429, { "retry-after": "0" }), json({ ok: 1 })));
    const infos: RetryInfo[] = [];
    const res = await request(createClient({ fetch, retry: { ...fast, onRetry: (i) => infos.push(i) } }), getRun, params);
    expect(res.data).toEqual({ ok: 1 });
    expect(calls).toHaveLength(2);
    expect(infos).toEqual([expect.objectContaining({ attempt: 1, delayMs: 0, status: 429 })]);
  });

  it("retries a 403 secondary rate limit that carries retry-after", async () => {
    const limited = json({ message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." }, 403, {
      "retry-after": "0",
    });
    const { fetch, calls } = recorder(sequence(limited, json({ ok: 1 })));
    await request(createClient({ fetch, retry: fast }), getRun, params);
    expect(calls).toHaveLength(2);
  });

  it("retries x-ratelimit-remaining: 0 once the reset time has come", async () => {
    const now = Math.floor(Date.now() / 1000);
    const limited = json({ message: "API rate limit exceeded" }, 403, {
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(now - 1),
    });
    const { fetch, calls } = recorder(sequence(limited, json({ ok: 1 })));
    await request(createClient({ fetch, retry: fast }), getRun, params);
    expect(calls).toHaveLength(2);
  });

  it("fails at once, with retryAt, when the server's wait exceeds maxRetryDelayMs", async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    const { fetch, calls } = recorder(
      sequence(
        json({ message: "API rate limit exceeded" }, 403, {
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(reset),
          "x-ratelimit-limit": "60",
        }),
      ),
    );
    const onRetry = vi.fn();
    const err = (await request(createClient({ fetch, retry: { ...fast, onRetry } }), getRun, params).catch(
      (e: unknown) => e,
    )) as GitHubRateLimitError;
    expect(calls).toHaveLength(1);
    expect(onRetry).not.toHaveBeenCalled();
    expect(err).toBeInstanceOf(GitHubRateLimitError);
    expect(err.retryAt).toEqual(new Date(reset * 1000));
    expect(err.message).toContain(`retry after ${new Date(reset * 1000).toISOString()}`);
  });

  it("a secondary rate limit without retry-after waits a minute, so a lower ceiling fails at once", async () => {
    const { fetch, calls } = recorder(sequence(json({ message: "You have exceeded a secondary rate limit." }, 403)));
    const before = Date.now();
    const err = (await request(createClient({ fetch, retry: { ...fast, maxRetryDelayMs: 1000 } }), getRun, params).catch(
      (e: unknown) => e,
    )) as GitHubRateLimitError;
    expect(calls).toHaveLength(1);
    expect(err).toBeInstanceOf(GitHubRateLimitError);
    expect(err.retryAt!.getTime()).toBeGreaterThanOrEqual(before + 60_000);
    expect(err.retryAt!.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
  });

  it("never retries a POST by default: exactly one request", async () => {
    const { fetch, calls } = recorder(sequence(e503(), json({})));
    const err = await request(createClient({ fetch, retry: fast }), reRun, params).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect(calls).toHaveLength(1);
  });

  it("never retries a POST after a network failure by default", async () => {
    const { fetch, calls } = recorder(sequence(new TypeError("fetch failed"), json({})));
    const err = await request(createClient({ fetch, retry: fast }), reRun, params).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubNetworkError);
    expect(calls).toHaveLength(1);
  });

  it("retries a POST when opted in, at client level or per call", async () => {
    const a = recorder(sequence(e503(), new Response(null, { status: 201 })));
    await request(createClient({ fetch: a.fetch, retry: { ...fast, retryNonIdempotent: true } }), reRun, params);
    expect(a.calls).toHaveLength(2);
    const b = recorder(sequence(e503(), new Response(null, { status: 201 })));
    await request(createClient({ fetch: b.fetch, retry: fast }), reRun, params, { retry: { retryNonIdempotent: true } });
    expect(b.calls).toHaveLength(2);
  });

  it("retry: false turns retries off, at client level or per call", async () => {
    const a = recorder(sequence(e503(), json({})));
    await expect(request(createClient({ fetch: a.fetch, retry: false }), getRun, params)).rejects.toBeInstanceOf(GitHubApiError);
    expect(a.calls).toHaveLength(1);
    const b = recorder(sequence(e503(), json({})));
    await expect(request(createClient({ fetch: b.fetch, retry: fast }), getRun, params, { retry: false })).rejects.toBeInstanceOf(
      GitHubApiError,
    );
    expect(b.calls).toHaveLength(1);
    const c = recorder(sequence(e503(), json({})));
    await request(createClient({ fetch: c.fetch, retry: false }), deleteRun, params, { retry: fast });
    expect(c.calls).toHaveLength(2);
  });

  it("retries network failures before a response, then reports GitHubNetworkError with the cause", async () => {
    const cause = Object.assign(new TypeError("fetch failed"), { cause: new Error("connect ECONNREFUSED 127.0.0.1:1") });
    const { fetch, calls } = recorder(sequence(cause));
    const infos: RetryInfo[] = [];
    const err = (await request(
      createClient({ fetch, retry: { ...fast, retries: 2, onRetry: (i) => infos.push(i) } }),
      getRun,
      params,
    ).catch((e: unknown) => e)) as GitHubNetworkError;
    expect(calls).toHaveLength(3);
    expect(err).toBeInstanceOf(GitHubNetworkError);
    expect(err.name).toBe("GitHubNetworkError");
    expect(err.cause).toBe(cause);
    expect(err.message).toBe(
      "GET https://api.github.com/repos/o/r/actions/runs/1: network error: fetch failed (connect ECONNREFUSED 127.0.0.1:1)",
    );
    expect(infos.map((i) => [i.attempt, i.status, (i.error as Error).name])).toEqual([
      [1, undefined, "GitHubNetworkError"],
      [2, undefined, "GitHubNetworkError"],
    ]);
  });

  it("retries a failure while reading the body", async () => {
    let n = 0;
    const broken = (): Response =>
      new Response(
        new ReadableStream({
          pull(c) {
            if (n++ === 0) c.enqueue(new TextEncoder().encode('{"id":'));
            else c.error(new TypeError("terminated"));
          },
        }),
        { headers: { "content-type": "application/json" } },
      );
    const { fetch, calls } = recorder(sequence(broken, json({ id: 1 })));
    const res = await request(createClient({ fetch, retry: fast }), getRun, params);
    expect(res.data).toEqual({ id: 1 });
    expect(calls).toHaveLength(2);
  });

  it("a caller abort during the wait rejects with the caller's reason and stops retrying", async () => {
    const { fetch, calls } = recorder(sequence(e503()));
    const ac = new AbortController();
    const reason = new Error("user cancelled");
    const p = request(createClient({ fetch, retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } }), getRun, params, {
      signal: ac.signal,
      retry: { onRetry: () => setTimeout(() => ac.abort(reason), 5) },
    });
    await expect(p).rejects.toBe(reason);
    expect(calls).toHaveLength(1);
  });

  it("asks the token function again for each attempt", async () => {
    let n = 0;
    const { fetch, calls } = recorder(sequence(e503(), json({})));
    await request(createClient({ fetch, retry: fast, token: () => `t${++n}` }), getRun, params);
    expect(calls.map((c) => c.headers.get("authorization"))).toEqual(["Bearer t1", "Bearer t2"]);
  });
});
