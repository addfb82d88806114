// Retry decisions and delays. Pure functions over status, headers and options, plus an
// abortable sleep; the request core owns the loop.
import { isRateLimited, vendorDelayMs } from "./profile.js";
import type { ResponseHeaders, RetryOptions } from "./types.js";

/** Methods whose repetition does not repeat an effect: all but POST and PATCH. */
export function isIdempotent(method: string): boolean {
  return method !== "POST" && method !== "PATCH";
}

/** Per-call options over the client's. A per-call object turns retries on even if the client has `false`. */
export function mergeRetry(client: RetryOptions | false, call: RetryOptions | false | undefined): RetryOptions | false {
  return call === undefined ? client : call && (client ? { ...client, ...call } : call);
}

/** Retries a call may make: none for POST/PATCH unless `retryNonIdempotent` (a repeated POST repeats its effect). */
export function maxRetries(method: string, r: RetryOptions | false): number {
  return r && (r.retryNonIdempotent || isIdempotent(method)) ? (r.retries ?? 3) : 0;
}

/** The longest wait a timer can make (2^31-1 ms, about 24.8 days): setTimeout fires at once beyond it. */
export const MAX_DELAY_MS = 2147483647;

/** Throws a TypeError, before any request, for a limit that is not a number ≥ 0: NaN would quietly turn it off. */
export function checkLimit(name: string, value: unknown): void {
  if (typeof value !== "number" || !(value >= 0))
    throw new TypeError(`${name} must be a number ≥ 0, not ${String(value)}`);
}

/**
 * The wait the server asks for, in ms, in the forms HTTP allows and nothing else: `retry-after` as
 * delta-seconds (digits) or an HTTP-date (it starts with a day name); else what the API's profile
 * reads (GitHub: `x-ratelimit-reset`, secondary rate limits). An invalid value (`1e400`,
 * `0x10`, `Infinity`) is ignored. The result is clamped to [0, MAX_DELAY_MS]; a time already past
 * means "retry now". Undefined: no ask.
 */
export function serverDelayMs(h: ResponseHeaders, body: string, now: number): number | undefined {
  const after = h["retry-after"] ?? "";
  let ms = /^\d+$/.test(after) ? +after * 1000 : /^[a-z]{3}/i.test(after) ? Date.parse(after) - now : NaN;
  if (isNaN(ms)) ms = vendorDelayMs(h, body, now);
  // Digits beyond 308 of them make Infinity, which the clamp also bounds.
  return isNaN(ms) ? undefined : Math.min(Math.max(ms, 0), MAX_DELAY_MS);
}

/** Exponential backoff with full jitter: uniform in [0, min(maxDelayMs, baseDelayMs·2^(attempt-1))). */
export function backoffMs(attempt: number, r: RetryOptions): number {
  return Math.floor(Math.random() * Math.min(r.maxDelayMs ?? 20_000, (r.baseDelayMs ?? 500) * 2 ** (attempt - 1)));
}

/**
 * Decides after a failed response. Returns the ms to wait before retry `attempt` (1 for the first);
 * otherwise the failure is final, and the result is the time the server named to come back (a
 * `Date`) or undefined. A server-requested wait above `maxRetryDelayMs` is not slept through.
 */
export function planRetry(
  status: number,
  h: ResponseHeaders,
  body: string,
  attempt: number,
  retries: number,
  r: RetryOptions | false,
  now: number,
): number | Date | undefined {
  // 500, 502, 503, 504 (a 501 stays so), and rate limits.
  if (!((status > 499 && status < 505 && status !== 501) || isRateLimited(status, h, body))) return undefined;
  const server = serverDelayMs(h, body, now);
  if (r && attempt <= retries) {
    if (server === undefined) return backoffMs(attempt, r);
    if (server <= (r.maxRetryDelayMs ?? 60_000)) return server;
  }
  return server === undefined ? server : new Date(now + server);
}

/** Resolves after `ms`, or rejects with `signal.reason` as soon as the caller aborts. */
export async function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  await new Promise<void>((resolve) => {
    // One handler for both ends: the timer firing and the caller aborting.
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, Math.min(ms, MAX_DELAY_MS));
    signal?.addEventListener("abort", done);
    if (signal?.aborted) done();
  });
  // The caller's reason as it is, whatever it is: what fetch rejects with on an abort.
  if (signal?.aborted) throw signal.reason;
}
