import type { ResponseHeaders, RetryOptions } from "./types.js";
/** Methods whose repetition does not repeat an effect. */
export declare function isIdempotent(method: string): boolean;
/** Per-call options over the client's. A per-call object turns retries on even if the client has `false`. */
export declare function mergeRetry(client: RetryOptions | false, call: RetryOptions | false | undefined): RetryOptions | false;
/** Retries a call may make: none for POST/PATCH unless `retryNonIdempotent` (a repeated POST repeats its effect). */
export declare function maxRetries(method: string, r: RetryOptions | false): number;
/**
 * The wait the server asks for, in ms: `retry-after` (seconds or an HTTP date); else
 * `x-ratelimit-reset` (epoch seconds) when `x-ratelimit-remaining` is 0; else 60 s for a secondary
 * rate limit that names no time (GitHub documents "wait at least one minute"). Undefined: no ask.
 */
export declare function serverDelayMs(h: ResponseHeaders, body: string, now: number): number | undefined;
/** Exponential backoff with full jitter: uniform in [0, min(maxDelayMs, baseDelayMs·2^(attempt-1))). */
export declare function backoffMs(attempt: number, r: RetryOptions): number;
/**
 * Decides after a failed response. Returns the ms to wait before retry `attempt` (1 for the first);
 * otherwise the failure is final, and the result is the time the server named to come back (a
 * `Date`) or undefined. A server-requested wait above `maxRetryDelayMs` is not slept through.
 */
export declare function planRetry(status: number, h: ResponseHeaders, body: string, attempt: number, retries: number, r: RetryOptions | false, now: number): number | Date | undefined;
/** Resolves after `ms`, or rejects with `signal.reason` as soon as the caller aborts. */
export declare function sleep(ms: number, signal: AbortSignal | undefined): Promise<void>;
