import { describe, expect, it } from "vitest";
import { createClient } from "../../generator/runtime/client.js";
import { GitHubError, GitHubTimeoutError } from "../../generator/runtime/errors.js";
import { request } from "../../generator/runtime/request.js";
import { getRun, json, recorder, stalled } from "./helpers.js";

const params = { owner: "o", repo: "r", run_id: 1 };

describe("timeouts and aborts", () => {
  it("rejects with GitHubTimeoutError after the client's timeout", async () => {
    const { fetch, calls } = recorder(stalled());
    const err = (await request(createClient({ fetch, timeoutMs: 5, retry: false }), getRun, params).catch(
      (e: unknown) => e,
    )) as GitHubTimeoutError;
    expect(err).toBeInstanceOf(GitHubTimeoutError);
    expect(err).toBeInstanceOf(GitHubError);
    expect(err.name).toBe("GitHubTimeoutError");
    expect(err.timeoutMs).toBe(5);
    expect(err.message).toBe("GET https://api.github.com/repos/o/r/actions/runs/1: no complete response within 5 ms");
    expect(calls).toHaveLength(1);
  });

  it("a per-call timeout overrides the client's", async () => {
    const { fetch } = recorder(stalled());
    const gh = createClient({ fetch, timeoutMs: 60_000, retry: false });
    const err = (await request(gh, getRun, params, { timeoutMs: 3 }).catch((e: unknown) => e)) as GitHubTimeoutError;
    expect(err).toBeInstanceOf(GitHubTimeoutError);
    expect(err.timeoutMs).toBe(3);
  });

  it("the timeout is per attempt: an idempotent call is retried after it", async () => {
    const { fetch, calls } = recorder(stalled());
    const err = await request(createClient({ fetch, timeoutMs: 3, retry: { retries: 2, baseDelayMs: 1 } }), getRun, params).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GitHubTimeoutError);
    expect(calls).toHaveLength(3);
  });

  it("has a 30 s timeout by default: a signal of its own on every request", async () => {
    const { fetch, calls } = recorder(() => json({}));
    const gh = createClient({ fetch });
    expect(gh.timeoutMs).toBe(30_000);
    await request(gh, getRun, params);
    expect(calls[0]!.init.signal).toBeInstanceOf(AbortSignal);
  });

  it("creates no signal when the timeout is off (0) and there is no caller signal", async () => {
    const { fetch, calls } = recorder(() => json({}));
    await request(createClient({ fetch, timeoutMs: 0 }), getRun, params);
    expect(calls[0]!.init.signal).toBeUndefined();
  });

  it("passes the caller's signal straight through when there is no timeout", async () => {
    const { fetch, calls } = recorder(() => json({}));
    const ac = new AbortController();
    await request(createClient({ fetch, timeoutMs: Infinity }), getRun, params, { signal: ac.signal });
    expect(calls[0]!.init.signal).toBe(ac.signal);
  });

  it.each([
    ["without a timeout", undefined],
    ["with a timeout", 60_000],
  ])("a caller abort %s rejects with signal.reason, not a timeout", async (_name, timeoutMs) => {
    const { fetch, calls } = recorder(stalled());
    const ac = new AbortController();
    const reason = new Error("navigated away");
    const p = request(createClient({ fetch, timeoutMs }), getRun, params, { signal: ac.signal });
    setTimeout(() => ac.abort(reason), 5);
    await expect(p).rejects.toBe(reason);
    expect(calls).toHaveLength(1);
  });

  it("an already aborted signal rejects before any request", async () => {
    const { fetch, calls } = recorder(() => json({}));
    const reason = new Error("too late");
    await expect(request(createClient({ fetch, timeoutMs: 100 }), getRun, params, { signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
    expect(calls).toHaveLength(0);
  });

  it("timeoutMs: 0 per call disables the client's timeout", async () => {
    const { fetch, calls } = recorder(() => json({ ok: true }));
    await request(createClient({ fetch, timeoutMs: 1 }), getRun, params, { timeoutMs: 0 });
    expect(calls[0]!.init.signal).toBeUndefined();
  });
});
