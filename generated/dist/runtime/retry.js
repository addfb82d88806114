/** Methods whose repetition does not repeat an effect. */
export function isIdempotent(method) {
    return method === "GET" || method === "HEAD" || method === "PUT" || method === "DELETE" || method === "OPTIONS";
}
/** Per-call options over the client's. A per-call object turns retries on even if the client has `false`. */
export function mergeRetry(client, call) {
    if (call === undefined)
        return client;
    return call === false || client === false ? call : { ...client, ...call };
}
/** Retries a call may make: none for POST/PATCH unless `retryNonIdempotent` (a repeated POST repeats its effect). */
export function maxRetries(method, r) {
    return r === false || (!r.retryNonIdempotent && !isIdempotent(method)) ? 0 : (r.retries ?? 3);
}
const SECONDARY = /secondary rate limit/i;
/** 429, or a 403 that is GitHub's rate limit rather than a permission error. */
export function isRateLimited(status, h, body) {
    return (status === 429 ||
        (status === 403 && (h["retry-after"] !== undefined || h["x-ratelimit-remaining"] === "0" || SECONDARY.test(body))));
}
/**
 * The wait the server asks for, in ms: `retry-after` (seconds or an HTTP date); else
 * `x-ratelimit-reset` (epoch seconds) when `x-ratelimit-remaining` is 0; else 60 s for a secondary
 * rate limit that names no time (GitHub documents "wait at least one minute"). Undefined: no ask.
 */
export function serverDelayMs(h, body, now) {
    const after = h["retry-after"];
    if (after !== undefined) {
        const seconds = Number(after);
        const ms = Number.isNaN(seconds) ? Date.parse(after) - now : seconds * 1000;
        if (!Number.isNaN(ms))
            return Math.max(0, ms);
    }
    const reset = h["x-ratelimit-reset"];
    if (reset !== undefined && h["x-ratelimit-remaining"] === "0")
        return Math.max(0, +reset * 1000 - now);
    return SECONDARY.test(body) ? 60_000 : undefined;
}
/** Exponential backoff with full jitter: uniform in [0, min(maxDelayMs, baseDelayMs·2^(attempt-1))). */
export function backoffMs(attempt, r) {
    return Math.floor(Math.random() * Math.min(r.maxDelayMs ?? 20_000, (r.baseDelayMs ?? 500) * 2 ** (attempt - 1)));
}
/**
 * Plans the next step after a failed response. `attempt` is the number the retry would have (1 for
 * the first); `retries` the most allowed. A server-requested wait above `maxRetryDelayMs` is not
 * slept through: the plan is final and carries `retryAt`.
 */
export function planRetry(status, h, body, attempt, retries, r, now) {
    const rateLimited = isRateLimited(status, h, body);
    const retryable = rateLimited || status === 500 || status === 502 || status === 503 || status === 504;
    const server = retryable ? serverDelayMs(h, body, now) : undefined;
    if (retryable && r !== false && attempt <= retries) {
        if (server === undefined)
            return { delayMs: backoffMs(attempt, r), retryAt: undefined, rateLimited };
        if (server <= (r.maxRetryDelayMs ?? 60_000))
            return { delayMs: server, retryAt: undefined, rateLimited };
    }
    return { delayMs: undefined, retryAt: server === undefined ? undefined : new Date(now + server), rateLimited };
}
/** Resolves after `ms`, or rejects with `signal.reason` as soon as the caller aborts. */
export function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
        }, ms);
        signal?.addEventListener("abort", onAbort, { once: true });
    });
}
