// The review's findings on the seams (/tmp/review/FINDINGS.md 7, 10, 12, 15), each as the attack:
// what a cache entry holds and counts, what a reader of a store can learn from a key, a spacing no
// timer can wait, and a hook that calls its own client under a throttle of one.
import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { memoryCache, responseCache } from "../../generator/runtime/cache.js";
import { createClient } from "../../generator/runtime/client.js";
import { seams } from "../../generator/runtime/hooks.js";
import { request } from "../../generator/runtime/request.js";
import { throttle } from "../../generator/runtime/throttle.js";
import type { CachedResponse, CacheStore } from "../../generator/runtime/types.js";
import { getRun, json, recorder, sequence, TOKEN } from "./helpers.js";

const params = { owner: "o", repo: "r", run_id: 1 };
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

/** A store that keeps everything it is given, to look at. */
function keepingStore(): CacheStore & { kept: Map<string, CachedResponse> } {
  const kept = new Map<string, CachedResponse>();
  return { kept, get: (k) => kept.get(k), set: (k, v) => void kept.set(k, v) };
}

describe("a cache entry (finding 7: memory held ≫ maxBytes)", () => {
  it("keeps the body as text, not the parsed data, and parses it anew for each hit", async () => {
    // Many tiny JSON values: parsed, each is an object of its own, many times the bytes of `{}`.
    const body = `[${Array(1000).fill("{}").join(",")}]`;
    const answer = () => new Response(body, { headers: { "content-type": "application/json", etag: '"v1"' } });
    const { fetch } = recorder(sequence(answer, () => new Response(null, { status: 304 })));
    const store = keepingStore();
    const gh = createClient({ token: TOKEN, fetch, seams: seams({ cache: responseCache(store) }) });
    const first = await request(gh, getRun, params);
    await settle();
    const [entry] = [...store.kept.values()];
    expect(entry!.body).toBe(body);
    expect(Object.keys(entry!)).not.toContain("data");
    const again = await request(gh, getRun, params);
    expect(again.fromCache).toBe(true);
    expect(again.data).toEqual(first.data);
    expect(again.data).not.toBe(first.data);
  });

  it("counts the headers as well as the body, 2 bytes a character", async () => {
    const headers = { etag: '"v1"', "x-padding": "p".repeat(300) };
    const { fetch } = recorder(sequence(json({ id: 1 }, 200, headers)));
    const store = keepingStore();
    const gh = createClient({ token: TOKEN, fetch, seams: seams({ cache: responseCache(store) }) });
    await request(gh, getRun, params);
    await settle();
    const [entry] = [...store.kept.values()];
    const headerChars = Object.entries(entry!.headers).reduce((n, [k, v]) => n + k.length + (v ?? "").length, 0);
    expect(entry!.size).toBe(2 * (entry!.body.length + headerChars));
    expect(entry!.size).toBeGreaterThan(600);
  });

  it("a response whose headers take it past maxBytes is not kept, though its body alone fits", async () => {
    const { fetch, calls } = recorder(sequence(json({ id: 1 }, 200, { etag: '"v1"', "x-padding": "p".repeat(500) })));
    const gh = createClient({ token: TOKEN, fetch, seams: seams({ cache: memoryCache({ maxBytes: 400 }) }) });
    await request(gh, getRun, params);
    await settle();
    await request(gh, getRun, params);
    expect(calls.map((c) => c.headers.get("if-none-match"))).toEqual([null, null]);
  });

  it("copies nothing for a response that is not kept (no validator)", async () => {
    const clone = vi.spyOn(globalThis, "structuredClone");
    try {
      const { fetch } = recorder(sequence(json({ id: 1 })));
      const store = keepingStore();
      const gh = createClient({ token: TOKEN, fetch, seams: seams({ cache: responseCache(store) }) });
      await request(gh, getRun, params);
      await settle();
      expect(store.kept.size).toBe(0);
      expect(clone).not.toHaveBeenCalled();
    } finally {
      clone.mockRestore();
    }
  });

  it("an entry of another shape in the store (an older version's) is a miss, not a crash", async () => {
    const { fetch, calls } = recorder(sequence(json({ id: 1 }, 200, { etag: '"v1"' })));
    const old = { etag: '"v0"', status: 200, data: { id: 0 }, headers: {}, size: 1 } as unknown as CachedResponse;
    const gh = createClient({ token: TOKEN, fetch, seams: seams({ cache: responseCache({ get: () => old, set: () => undefined }) }) });
    expect((await request(gh, getRun, params)).data).toEqual({ id: 1 });
    expect(calls[0]!.headers.get("if-none-match")).toBeNull();
  });
});

describe("a cache key (finding 10: an unsalted hash of the credentials)", () => {
  const basic = `Basic ${btoa("alice:sunshine42")}`;

  /** The key a store is given for one basic-auth GET through `cache`. */
  async function keyOf(cache: ReturnType<typeof responseCache>, store: ReturnType<typeof keepingStore>) {
    const { fetch } = recorder(sequence(json({ id: 1 }, 200, { etag: '"v1"' })));
    const gh = createClient({ fetch, seams: seams({ cache }) });
    await request(gh, getRun, params, { headers: { authorization: basic } });
    await settle();
    const keys = [...store.kept.keys()];
    store.kept.clear();
    return keys[0]!;
  }

  it("is not a plain SHA-256 of the request a guesser can rebuild, even with the right password", async () => {
    const store = keepingStore();
    const key = await keyOf(responseCache(store), store);
    const [hash, url] = key.split(" ");
    expect(url).toBe("https://api.github.com/repos/o/r/actions/runs/1");
    expect(key).not.toContain("sunshine42");
    expect(key).not.toContain(btoa("alice:sunshine42"));
    // The guesser's candidates: the old key's text, and the request as the cache now serializes it.
    const { fetch, calls } = recorder(sequence(json({ id: 1 })));
    await request(createClient({ fetch }), getRun, params, { headers: { authorization: basic } });
    const sent = Object.fromEntries(calls[0]!.headers);
    const candidates = [
      JSON.stringify({ authorization: basic }),
      JSON.stringify([url, Object.entries(sent).sort(([a], [b]) => (a < b ? -1 : 1))]),
    ];
    for (const text of candidates) expect(createHash("sha256").update(text).digest("hex")).not.toBe(hash);
  });

  it("differs between two caches without a secret, and is the same for two with the same secret", async () => {
    const store = keepingStore();
    const a = await keyOf(responseCache(store), store);
    const b = await keyOf(responseCache(store), store);
    expect(a).not.toBe(b);
    const secret = "a-secret-of-thirty-two-characters!!";
    const c = await keyOf(responseCache(store, { secret }), store);
    const d = await keyOf(responseCache(store, { secret: new TextEncoder().encode(secret) }), store);
    expect(c).toBe(d);
    expect(c).not.toBe(a);
  });

  it.each([["short"], [new Uint8Array(8)], [42]])(
    "a secret %j that is not 32 characters or bytes is a TypeError that says what to pass",
    (secret) => {
      expect(() => responseCache(keepingStore(), { secret: secret as string })).toThrow(
        new TypeError(
          "responseCache: secret must be a string or Uint8Array of at least 32 characters or bytes (e.g. 32 random bytes from crypto.getRandomValues), or left out",
        ),
      );
    },
  );
});

describe("throttle spacing beyond the longest timer (finding 12)", () => {
  it.each([Infinity, 3e9, 2 ** 31])("mutationSpacingMs %d is a TypeError, not a timer that spins", (spacing) => {
    expect(() => throttle({ mutationSpacingMs: spacing })).toThrow(
      new TypeError(
        `throttle: mutationSpacingMs must be at most 2147483647 ms (about 24.8 days, the longest a timer waits), not ${spacing}`,
      ),
    );
  });

  it("the longest timer is accepted, and a second mutation waits without arming timers in a loop", async () => {
    const t = throttle({ mutationSpacingMs: 2 ** 31 - 1 });
    (await t.acquire("POST", undefined))();
    const armed = vi.spyOn(globalThis, "setTimeout");
    const ac = new AbortController();
    let started = false;
    const second = t.acquire("POST", ac.signal).then(
      () => (started = true),
      () => "left",
    );
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const timers = armed.mock.calls.length;
    armed.mockRestore();
    ac.abort();
    expect(await second).toBe("left");
    expect(started).toBe(false);
    expect(timers).toBe(1);
  });
});

describe("a hook that calls its own client under throttle({ concurrency: 1 }) (finding 15)", () => {
  it("does not deadlock: both requests are sent and the call settles", async () => {
    const { fetch, calls } = recorder((url) => json({ url }));
    const lookup = { ...getRun, id: "lookup" };
    const gh: ReturnType<typeof createClient> = createClient({
      fetch,
      timeoutMs: 1000,
      seams: seams({
        throttle: throttle({ concurrency: 1 }),
        hooks: { onRequest: async (i) => void (i.operationId === getRun.id && (await request(gh, lookup, { ...params, run_id: 2 }))) },
      }),
    });
    const outcome = await Promise.race([
      request(gh, getRun, params).then(() => "settled"),
      new Promise((resolve) => setTimeout(resolve, 2000, "still pending")),
    ]);
    expect(outcome).toBe("settled");
    expect(calls.map((c) => c.url.split("/").pop())).toEqual(["2", "1"]);
  });

  it("a call that leaves the queue (abort) still ends its onRequest with onError, and logs it", async () => {
    const { fetch, calls } = recorder(sequence(json({ id: 1 })));
    const ends: string[] = [];
    const lines: string[] = [];
    const limit = throttle({ concurrency: 1 });
    const gh = createClient({
      fetch,
      seams: seams({
        throttle: limit,
        logger: { debug: (line: string) => void lines.push(line) },
        hooks: {
          onRequest: (i) => void ends.push(`request ${i.attempt}`),
          onError: (o) => void ends.push(`error ${(o.error as Error).name}`),
          onResponse: (o) => void ends.push(`response ${o.status}`),
        },
      }),
    });
    const held = await limit.acquire("GET", undefined);
    const ac = new AbortController();
    const call = request(gh, getRun, params, { signal: ac.signal });
    await new Promise((resolve) => setImmediate(resolve));
    ac.abort();
    await expect(call).rejects.toThrow("aborted");
    held();
    expect(ends).toEqual(["request 1", "error AbortError"]);
    expect(lines.at(-1)).toMatch(/^actions\/get-workflow-run: GET .* \(attempt 1\) failed: This operation was aborted in \d+ ms$/);
    expect(calls).toHaveLength(0);
  });
});
