/** Base class of every error this client throws (caller aborts excepted: those reject with `signal.reason`). */
export class GitHubError extends Error {
    // Fields are assigned from `props` rather than declared with initializers so that subclasses
    // need no constructors of their own (smaller bundle) and fields stay plain own properties.
    constructor(message, props, options) {
        super(message, options);
        if (props)
            Object.assign(this, props);
    }
    /** A plain, serializable view: name, message and the error's own fields (`cause` is left out). */
    toJSON() {
        return Object.assign({ name: this.name, message: this.message }, this);
    }
}
/** GitHub answered with a status the operation does not treat as success. */
export class GitHubApiError extends GitHubError {
}
/** A primary or secondary rate limit (429, or 403 with rate-limit signals); see `retryAt`. */
export class GitHubRateLimitError extends GitHubApiError {
}
/** The request failed before a complete response arrived (DNS, refused, reset mid-body, …); see `cause`. */
export class GitHubNetworkError extends GitHubError {
}
/** No complete response within `timeoutMs` (per attempt). */
export class GitHubTimeoutError extends GitHubError {
}
/** A success status with a body the client could not use (invalid or truncated JSON, unexpected shape). */
export class GitHubResponseError extends GitHubError {
}
// Names live on the prototypes (not as instance fields) so that stacks read `GitHubApiError: …`
// and the names survive minification.
GitHubError.prototype.name = "GitHubError";
GitHubApiError.prototype.name = "GitHubApiError";
GitHubRateLimitError.prototype.name = "GitHubRateLimitError";
GitHubNetworkError.prototype.name = "GitHubNetworkError";
GitHubTimeoutError.prototype.name = "GitHubTimeoutError";
GitHubResponseError.prototype.name = "GitHubResponseError";
/** Parses the `x-ratelimit-*` headers, or returns undefined when the response has none. */
export function parseRateLimit(h) {
    const limit = h["x-ratelimit-limit"];
    if (limit === undefined)
        return undefined;
    const used = h["x-ratelimit-used"];
    return {
        limit: +limit,
        remaining: +(h["x-ratelimit-remaining"] ?? NaN),
        reset: new Date(+(h["x-ratelimit-reset"] ?? NaN) * 1000),
        used: used === undefined ? undefined : +used,
        resource: h["x-ratelimit-resource"],
    };
}
const SECONDARY = /secondary rate limit/i;
/** A secondary rate limit announces itself only in the body's message. */
export function isSecondaryRateLimit(body) {
    return SECONDARY.test(body);
}
/** 429, or a 403 that is GitHub's rate limit rather than a permission error. */
export function isRateLimited(status, h, body) {
    return (status === 429 ||
        (status === 403 && (h["retry-after"] != null || h["x-ratelimit-remaining"] === "0" || SECONDARY.test(body))));
}
/**
 * Builds the error for a failed response, e.g.
 * `GET /repos/o/r/actions/runs/1 → 404 Not Found: Not Found (request id ABCD:1234)`.
 * `where` is `METHOD /path`; `retryAt`, when the server named a time to come back, joins the message.
 */
export function apiError(method, url, where, res, headers, text, retryAt) {
    const status = res.status;
    let body = text || undefined;
    try {
        const parsed = JSON.parse(text);
        if (parsed && typeof parsed === "object")
            body = parsed;
    }
    catch {
        // Not JSON (an HTML error page, a proxy's text): keep the raw text.
    }
    const requestId = headers["x-github-request-id"];
    let message = `${where} → ${status} ${res.statusText}`.trimEnd();
    const detail = typeof body === "object" ? body.message : body?.slice(0, 200);
    if (detail)
        message += ": " + detail;
    if (typeof body === "object" && body.errors)
        message += " " + JSON.stringify(body.errors);
    if (retryAt)
        message += "; retry after " + retryAt.toISOString();
    if (requestId)
        message += ` (request id ${requestId})`;
    return new (isRateLimited(status, headers, text) ? GitHubRateLimitError : GitHubApiError)(message, {
        method,
        url,
        status,
        body,
        headers,
        requestId,
        rateLimit: parseRateLimit(headers),
        retryAt,
    });
}
