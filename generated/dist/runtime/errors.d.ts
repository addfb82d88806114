import type { ResponseHeaders } from "./types.js";
/** GitHub's error body: `{ message, documentation_url, errors }`. */
export interface GitHubErrorBody {
    readonly message?: string;
    readonly documentation_url?: string;
    readonly errors?: readonly unknown[];
    readonly status?: string;
    readonly [key: string]: unknown;
}
/** The `x-ratelimit-*` headers of a response, parsed. */
export interface RateLimit {
    readonly limit: number;
    readonly remaining: number;
    /** When the window resets (`x-ratelimit-reset` is in epoch seconds). */
    readonly reset: Date;
    readonly used: number | undefined;
    readonly resource: string | undefined;
}
/** Base class of every error this client throws (caller aborts excepted: those reject with `signal.reason`). */
export declare class GitHubError extends Error {
    /** Request method, e.g. `GET`. */
    readonly method: string;
    /** Request URL; URLs never carry credentials. */
    readonly url: string;
    constructor(message: string, props?: object, options?: ErrorOptions);
    /** A plain, serializable view: name, message and the error's own fields (`cause` is left out). */
    toJSON(): Record<string, unknown>;
}
/** GitHub answered with a status the operation does not treat as success. */
export declare class GitHubApiError<S extends number = number> extends GitHubError {
    readonly status: S;
    /** The parsed `{ message, documentation_url, errors }` body, or the raw text when it is not JSON. */
    readonly body: GitHubErrorBody | string | undefined;
    readonly headers: ResponseHeaders;
    /** `x-github-request-id`: quote it when asking GitHub support. */
    readonly requestId: string | undefined;
    readonly rateLimit: RateLimit | undefined;
    /** When the server said to come back (`retry-after`, `x-ratelimit-reset`), if it did and the client gave up. */
    readonly retryAt: Date | undefined;
}
/** A primary or secondary rate limit (429, or 403 with rate-limit signals); see `retryAt`. */
export declare class GitHubRateLimitError extends GitHubApiError<403 | 429> {
}
/** The request failed before a complete response arrived (DNS, refused, reset mid-body, …); see `cause`. */
export declare class GitHubNetworkError extends GitHubError {
}
/** No complete response within `timeoutMs` (per attempt). */
export declare class GitHubTimeoutError extends GitHubError {
    readonly timeoutMs: number;
}
/** A success status with a body the client could not use (invalid or truncated JSON, unexpected shape). */
export declare class GitHubResponseError extends GitHubError {
    readonly status: number;
    readonly contentType: string | undefined;
    readonly requestId: string | undefined;
}
/** Parses the `x-ratelimit-*` headers, or returns undefined when the response has none. */
export declare function parseRateLimit(h: ResponseHeaders): RateLimit | undefined;
/** A secondary rate limit announces itself only in the body's message. */
export declare function isSecondaryRateLimit(body: string): boolean;
/** 429, or a 403 that is GitHub's rate limit rather than a permission error. */
export declare function isRateLimited(status: number, h: ResponseHeaders, body: string): boolean;
/**
 * Builds the error for a failed response, e.g.
 * `GET /repos/o/r/actions/runs/1 → 404 Not Found: Not Found (request id ABCD:1234)`.
 * `where` is `METHOD /path`; `retryAt`, when the server named a time to come back, joins the message.
 */
export declare function apiError(method: string, url: string, where: string, res: Response, headers: ResponseHeaders, text: string, retryAt?: Date): GitHubApiError;
