// Type tests of the client's seams (hooks, logger, throttle, cache): checked by `npm run typecheck`
// (tsc). A missing error under @ts-expect-error, or a wrong inferred type, fails the typecheck.
import { expectTypeOf } from "vitest";
import {
  cancelWorkflowRun,
  createClient,
  getWorkflowRun,
  memoryCache,
  responseCache,
  seams,
  throttle,
  type AttemptInfo,
  type AttemptOutcome,
  type CacheStore,
  type Hooks,
  type ResponseCache,
  type Throttle,
} from "../../generated/src/index.js";

const repo = { owner: "octocat", repo: "hello-world", run_id: 1 } as const;

export async function seamTypes(): Promise<void> {
  const hooks: Hooks = {
    onRequest(info) {
      expectTypeOf(info).toEqualTypeOf<AttemptInfo>();
      expectTypeOf(info.attempt).toEqualTypeOf<number>();
      info.headers["x-trace-id"] = "1";
      // @ts-expect-error the attempt number is read-only
      info.attempt = 2;
    },
    onResponse: async (outcome) => {
      expectTypeOf(outcome).toEqualTypeOf<AttemptOutcome>();
      expectTypeOf(outcome.status).toEqualTypeOf<number | undefined>();
      expectTypeOf(outcome.durationMs).toEqualTypeOf<number>();
      await Promise.resolve();
    },
    onError: (outcome) => void outcome.error,
  };
  // @ts-expect-error a hook's name is one of onRequest, onResponse, onError
  const typo: Hooks = { onReqest() {} };
  void typo;

  const gh = createClient({
    seams: seams({
      hooks: [hooks, {}],
      logger: console,
      throttle: throttle({ concurrency: 2, mutationSpacingMs: 1000, maxQueue: 50 }),
      cache: memoryCache({ maxEntries: 100, maxBytes: 1 << 20 }),
    }),
  });
  // @ts-expect-error a logger needs a debug method
  seams({ logger: { info: (m: string) => m } });
  // @ts-expect-error throttle takes the factory's result, not its options
  seams({ throttle: { concurrency: 1 } });
  // @ts-expect-error a cache is memoryCache() or responseCache(store), not a bare store
  seams({ cache: new Map<string, unknown>() });
  // @ts-expect-error the seam options go into seams(), not createClient
  createClient({ hooks: [hooks] });
  // @ts-expect-error seams takes what seams() returns, not its options
  createClient({ seams: { logger: console } });
  expectTypeOf(throttle()).toEqualTypeOf<Throttle>();

  // A store of one's own: sync or async.
  const kept = new Map<string, Parameters<CacheStore["set"]>[1]>();
  const store: CacheStore = { get: async (key) => kept.get(key), set: (key, value) => void kept.set(key, value) };
  expectTypeOf(responseCache(store)).toEqualTypeOf<ResponseCache>();

  // A 304 answered from the cache keeps the documented status type; fromCache tells it apart.
  const result = await getWorkflowRun(gh, repo, { hooks: { onResponse() {} } });
  expectTypeOf(result.status).toEqualTypeOf<200>();
  expectTypeOf(result.fromCache).toEqualTypeOf<true | undefined>();
  // Per-call hooks: one object or a list.
  await cancelWorkflowRun(gh, repo, { hooks: [hooks] });
  // @ts-expect-error per-call options take no throttle (it is the client's, shared by every call)
  await cancelWorkflowRun(gh, repo, { throttle: throttle() });
}
