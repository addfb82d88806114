// The seams' edges on a stubbed fetch: option checks, a store or a throttle of one's own that
// misbehaves, and what a hook may and may not see. The happy paths run over real HTTP in
// test/integration/seams.test.ts.
import { describe, expect, it, vi } from "vitest";
import { memoryCache, responseCache } from "../../generator/runtime/cache.js";
import { createClient } from "../../generator/runtime/client.js";
import { seams } from "../../generator/runtime/hooks.js";
import { request } from "../../generator/runtime/request.js";
import { throttle } from "../../generator/runtime/throttle.js";
import type { AttemptOutcome, Throttle } from "../../generator/runtime/types.js";
import { getRun, json, recorder, sequence, TOKEN } from "./helpers.js";

const params = { owner: "o", repo: "r", run_id: 1 };
const withEtag = () => json({ id: 1 }, 200, { etag: '"v1"' });

describe("option checks", () => {
  it.each([
    [{ concurrency: 0 }, /concurrency must be a number ≥ 1, not 0/],
    [{ concurrency: NaN }, /concurrency must be a number ≥ 1, not NaN/],
    [{ mutationSpacingMs: -1 }, /mutationSpacingMs must be a number ≥ 0, not -1/],
    [{ maxQueue: NaN }, /maxQueue must be a number ≥ 0, not NaN/],
  ])("throttle(%j) is a TypeError that names the option", (options, message) => {
    expect(() => throttle(options)).toThrow(TypeError);
    expect(() => throttle(options)).toThrow(message);
  });

  it.each([
    [{ maxEntries: -1 }, /maxEntries must be a number ≥ 0, not -1/],
    [{ maxBytes: NaN }, /maxBytes must be a number ≥ 0, not NaN/],
  ])("memoryCache(%j) is a TypeError that names the option", (options, message) => {
    expect(() => memoryCache(options)).toThrow(message);
  });
});

describe("a store of one's own", () => {
  it("that fails to store or to read only means no cache; the call still succeeds", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => void unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    try {
      const failing = responseCache({
        get: () => undefined,
        set: () => Promise.reject(new Error("store down")),
      });
      const { fetch, calls } = recorder(sequence(withEtag()));
      const gh = createClient({ token: TOKEN, fetch, seams: seams({ cache: failing }) });
      expect((await request(gh, getRun, params)).status).toBe(200);
      expect((await request(gh, getRun, params)).fromCache).toBeUndefined();
      expect(calls.map((c) => c.headers.get("if-none-match"))).toEqual([null, null]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("a store whose get throws fails the call with its error (not hidden as a network error)", async () => {
    const broken = responseCache({
      get: () => {
        throw new Error("store unreadable");
      },
      set: () => undefined,
    });
    const { fetch, calls } = recorder(sequence(withEtag()));
    const gh = createClient({ token: TOKEN, fetch, seams: seams({ cache: broken }), retry: false });
    await expect(request(gh, getRun, params)).rejects.toThrow("store unreadable");
    expect(calls).toHaveLength(0);
  });

  it("with Last-Modified and no ETag, sends If-Modified-Since", async () => {
    const kept = new Map();
    const cache = responseCache({ get: (k) => kept.get(k), set: (k, v) => void kept.set(k, v) });
    const lastModified = "Wed, 21 Oct 2026 07:28:00 GMT";
    const { fetch, calls } = recorder(
      sequence(json({ id: 1 }, 200, { "last-modified": lastModified }), new Response(null, { status: 304 })),
    );
    const gh = createClient({ token: TOKEN, fetch, seams: seams({ cache }) });
    await request(gh, getRun, params);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const again = await request(gh, getRun, params);
    expect(calls[1]!.headers.get("if-modified-since")).toBe(lastModified);
    expect(again).toMatchObject({ status: 200, data: { id: 1 }, fromCache: true });
  });
});

describe("a throttle of one's own", () => {
  it("gets each slot back exactly once, whether the attempt succeeds or fails, and none is taken when a hook throws", async () => {
    let held = 0;
    let released = 0;
    const counting: Throttle = {
      acquire: async () => {
        held++;
        return () => void released++;
      },
    };
    const { fetch } = recorder(sequence(json({}, 503), new Error("socket hang up"), json({ id: 1 })));
    const gh = createClient({ token: TOKEN, fetch, seams: seams({ throttle: counting }), retry: { baseDelayMs: 1, retries: 3 } });
    await request(gh, getRun, params);
    expect([held, released]).toEqual([3, 3]);
    const failing = { onRequest: () => Promise.reject(new Error("hook failed")) };
    await expect(request(gh, getRun, params, { hooks: failing })).rejects.toThrow("hook failed");
    // onRequest runs before the slot is asked for: a hook that throws never held one.
    expect([held, released]).toEqual([3, 3]);
  });
});

describe("hooks", () => {
  it("see no token in any view, and the token is still sent, on every attempt", async () => {
    const seen: AttemptOutcome[] = [];
    const { fetch, calls } = recorder(sequence(json({}, 502), json({ id: 1 })));
    const gh = createClient({
      token: TOKEN,
      fetch,
      retry: { baseDelayMs: 1 },
      seams: seams({
        hooks: {
          onRequest: (i) => void seen.push(i as AttemptOutcome),
          onError: (o) => void seen.push(o),
          onResponse: (o) => void seen.push(o),
        },
      }),
    });
    await request(gh, getRun, params);
    expect(seen).toHaveLength(4);
    expect(JSON.stringify(seen)).not.toContain(TOKEN);
    expect(calls.map((c) => c.headers.get("authorization"))).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  });

  it("a header an onRequest hook sets goes out on that attempt only", async () => {
    const { fetch, calls } = recorder(sequence(json({}, 502), json({ id: 1 })));
    const gh = createClient({
      fetch,
      retry: { baseDelayMs: 1 },
      seams: seams({ hooks: { onRequest: (i) => void (i.attempt === 1 && (i.headers["x-first"] = "yes")) } }),
    });
    await request(gh, getRun, params);
    expect(calls.map((c) => c.headers.get("x-first"))).toEqual(["yes", null]);
  });

  it("a hook object that uses `this` works", async () => {
    const { fetch } = recorder(sequence(json({ id: 1 })));
    class Counter {
      count = 0;
      onResponse(): void {
        this.count++;
      }
    }
    const counter = new Counter();
    await request(createClient({ fetch, seams: seams({ hooks: counter }) }), getRun, params);
    expect(counter.count).toBe(1);
  });
});

describe("without Web Crypto (a browser page on plain http)", () => {
  it("does not cache an authenticated call rather than key it by something weaker", async () => {
    const { fetch, calls } = recorder(sequence(withEtag()));
    const gh = createClient({ token: TOKEN, fetch, seams: seams({ cache: memoryCache() }) });
    vi.stubGlobal("crypto", {});
    try {
      await request(gh, getRun, params);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect((await request(gh, getRun, params)).fromCache).toBeUndefined();
      expect(calls.map((c) => c.headers.get("if-none-match"))).toEqual([null, null]);
    } finally {
      vi.unstubAllGlobals();
    }
    // With it back, the same client caches.
    await request(gh, getRun, params);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await request(gh, getRun, params);
    expect(calls.at(-1)!.headers.get("if-none-match")).toBe('"v1"');
  });
});

describe("seams() checks its options", () => {
  it.each([
    [{ hooks: { onRequest: "log" } }, "seams: hooks.onRequest must be a function"],
    [{ hooks: [{}, { onError: 1 }] }, "seams: hooks.onError must be a function"],
    [{ logger: { info: () => undefined } }, "seams: logger.debug (pass a console-like logger, e.g. console) must be a function"],
    [{ throttle: { concurrency: 1 } }, "seams: throttle.acquire (pass what throttle() returns) must be a function"],
    [{ cache: new Map() }, "seams: cache.prepare (pass what memoryCache() or responseCache(store) returns) must be a function"],
  ])("%j is a TypeError that says what to pass", (options, message) => {
    expect(() => seams(options as never)).toThrow(new TypeError(message));
  });

  it.each(["hooks", "logger", "throttle", "cache"])("%s given to createClient itself is a TypeError that says where it goes", (name) => {
    expect(() => createClient({ [name]: {} })).toThrow(new TypeError(`createClient: ${name} goes into seams({ ${name} })`));
  });

  it("takes what the factories return, and a console", () => {
    const all = seams({ hooks: [{}], logger: console, throttle: throttle(), cache: memoryCache() });
    expect(createClient({ seams: all }).seams).toBe(all);
  });

  it("a call's own hooks on a client without seams are a TypeError that says how to fix it, before any request", async () => {
    const { fetch, calls } = recorder(sequence(json({ id: 1 })));
    await expect(request(createClient({ fetch }), getRun, params, { hooks: {} })).rejects.toThrow(
      new TypeError("options.hooks: create the client with seams (createClient({ seams: seams() }))"),
    );
    expect(calls).toHaveLength(0);
  });
});
