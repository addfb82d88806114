// Error classes of the client. None of them ever holds request headers, so the token cannot
// leak through a message, a stack, `toJSON()` or `util.inspect`.
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
export class GitHubError extends Error {
  /** Request method, e.g. `GET`. */
  declare readonly method: string;
  /** Request URL; URLs never carry credentials. */
  declare readonly url: string;

  // Fields are assigned from `props` rather than declared with initializers so that subclasses
  // need no constructors of their own (smaller bundle) and fields stay plain own properties.
  constructor(message: string, props?: object, options?: ErrorOptions) {
    super(message, options);
    if (props) Object.assign(this, props);
  }

  /** A plain, serializable view: name, message and the error's own fields (`cause` is left out). */
  toJSON(): Record<string, unknown> {
    return Object.assign({ name: this.name, message: this.message }, this as object);
  }
}

/** GitHub answered with a status the operation does not treat as success. */
export class GitHubApiError<S extends number = number> extends GitHubError {
  declare readonly status: S;
  /** The parsed `{ message, documentation_url, errors }` body, or the raw text when it is not JSON. */
  declare readonly body: GitHubErrorBody | string | undefined;
  declare readonly headers: ResponseHeaders;
  /** `x-github-request-id`: quote it when asking GitHub support. */
  declare readonly requestId: string | undefined;
  declare readonly rateLimit: RateLimit | undefined;
  /** When the server said to come back (`retry-after`, `x-ratelimit-reset`), if it did and the client gave up. */
  declare readonly retryAt: Date | undefined;
}

/** A primary or secondary rate limit (429, or 403 with rate-limit signals); see `retryAt`. */
export class GitHubRateLimitError extends GitHubApiError<403 | 429> {}

/** The request failed before a complete response arrived (DNS, refused, reset mid-body, …); see `cause`. */
export class GitHubNetworkError extends GitHubError {}

/** No complete response within `timeoutMs` (per attempt). */
export class GitHubTimeoutError extends GitHubError {
  declare readonly timeoutMs: number;
}

/** A success status with a body the client could not use (invalid or truncated JSON, unexpected shape). */
export class GitHubResponseError extends GitHubError {
  declare readonly status: number;
  declare readonly contentType: string | undefined;
  declare readonly requestId: string | undefined;
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
export function parseRateLimit(h: ResponseHeaders): RateLimit | undefined {
  const limit = h["x-ratelimit-limit"];
  if (limit === undefined) return undefined;
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
export function isSecondaryRateLimit(body: string): boolean {
  return SECONDARY.test(body);
}

/** 429, or a 403 that is GitHub's rate limit rather than a permission error. */
export function isRateLimited(status: number, h: ResponseHeaders, body: string): boolean {
  return (
    status === 429 ||
    (status === 403 && (h["retry-after"] != null || h["x-ratelimit-remaining"] === "0" || SECONDARY.test(body)))
  );
}

/**
 * Builds the error for a failed response, e.g.
 * `GET /repos/o/r/actions/runs/1 → 404 Not Found: Not Found (request id ABCD:1234)`.
 * `where` is `METHOD /path`; `retryAt`, when the server named a time to come back, joins the message.
 */
export function apiError(
  method: string,
  url: string,
  where: string,
  res: Response,
  headers: ResponseHeaders,
  text: string,
  retryAt?: Date,
): GitHubApiError {
  const status = res.status;
  let body: GitHubErrorBody | string | undefined = text || undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object") body = parsed as GitHubErrorBody;
  } catch {
    // Not JSON (an HTML error page, a proxy's text): keep the raw text.
  }
  const requestId = headers["x-github-request-id"];
  let message = `${where} → ${status} ${res.statusText}`.trimEnd();
  const detail = typeof body === "object" ? body.message : body?.slice(0, 200);
  if (detail) message += ": " + detail;
  if (typeof body === "object" && body.errors) message += " " + JSON.stringify(body.errors);
  if (retryAt) message += "; retry after " + retryAt.toISOString();
  if (requestId) message += ` (request id ${requestId})`;
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
