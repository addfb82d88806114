// A client-wide limit on requests: how many may be in flight at once, and how far apart mutating
// requests must be. Imported only by clients that configure it (`createClient({ throttle: throttle() })`).
import { checkLimit, MAX_DELAY_MS } from "./retry.js";
import type { Throttle } from "./types.js";

export interface ThrottleOptions {
  /** Requests in flight at once, all methods together. Default 10. */
  readonly concurrency?: number;
  /**
   * Minimum wait between the end of a mutating request (POST, PATCH, PUT, DELETE) and the start of
   * the next one; while it is above 0, mutating requests also go one at a time. Default 1,000 ms:
   * GitHub asks integrators to send mutating requests serially, at least a second apart, to avoid
   * secondary rate limits. `0`: only `concurrency` applies.
   */
  readonly mutationSpacingMs?: number;
  /** Calls that may wait at once; one more is refused with an Error. Default 1,000. */
  readonly maxQueue?: number;
}

interface Waiter {
  readonly mutation: boolean;
  readonly start: (release: () => void) => void;
}

/**
 * A throttle shared by every call of the client it is given to. Waiting calls start in the order
 * they asked (first in, first out: a spaced POST at the head also holds the GETs behind it), and
 * a waiting call whose signal aborts leaves the queue at once, rejected with the signal's reason.
 * Retries wait again like any request. Throws a TypeError for an option that is not a number ≥ 0
 * (`concurrency` ≥ 1, `mutationSpacingMs` ≤ 2^31 − 1, the longest timer).
 */
export function throttle({
  concurrency = 10,
  mutationSpacingMs = 1000,
  maxQueue = 1000,
}: ThrottleOptions = {}): Throttle {
  if (!(concurrency >= 1))
    throw new TypeError(`throttle: concurrency must be a number ≥ 1, not ${String(concurrency)}`);
  checkLimit("throttle: mutationSpacingMs", mutationSpacingMs);
  // A timer cannot wait longer (Node fires a longer one at once, which would spin), nor should a spacing.
  if (mutationSpacingMs > MAX_DELAY_MS)
    throw new TypeError(
      `throttle: mutationSpacingMs must be at most ${MAX_DELAY_MS} ms (about 24.8 days, the longest a timer waits), not ${mutationSpacingMs}`,
    );
  checkLimit("throttle: maxQueue", maxQueue);
  const queue: Waiter[] = [];
  let active = 0;
  let mutating = false;
  let nextMutationAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Starts waiters from the head while the limits allow; a spaced mutation at the head sets a timer. */
  function pump(): void {
    clearTimeout(timer);
    timer = undefined;
    while (queue.length && active < concurrency) {
      const head = queue[0]!;
      if (head.mutation && mutationSpacingMs > 0) {
        if (mutating) return;
        const wait = nextMutationAt - Date.now();
        if (wait > 0) {
          timer = setTimeout(pump, wait);
          return;
        }
      }
      queue.shift();
      active++;
      if (head.mutation) mutating = true;
      let done = false;
      head.start(() => {
        if (done) return;
        done = true;
        active--;
        if (head.mutation) {
          mutating = false;
          nextMutationAt = Date.now() + mutationSpacingMs;
        }
        pump();
      });
    }
  }

  return {
    acquire(method, signal) {
      return new Promise((resolve, reject) => {
        signal?.throwIfAborted();
        if (queue.length >= maxQueue)
          throw new Error(`throttle: ${queue.length} calls are already waiting (maxQueue ${maxQueue}); not queued`);
        const leave = (): void => {
          const at = queue.indexOf(waiter);
          if (at < 0) return;
          queue.splice(at, 1);
          reject(signal!.reason as Error);
          // The head may have changed: what waited behind the aborted call may start now.
          pump();
        };
        const waiter: Waiter = {
          mutation: method !== "GET" && method !== "HEAD" && method !== "OPTIONS",
          start(release) {
            signal?.removeEventListener("abort", leave);
            resolve(release);
          },
        };
        queue.push(waiter);
        signal?.addEventListener("abort", leave);
        pump();
      });
    },
  };
}
