// Error classes of the client. None of them ever holds request headers, so the token cannot
// leak through a message, a stack, `toJSON()` or `util.inspect`.
import { brand } from "./brand.js";
import { permissionOf, type RequiredPermission } from "./permissions.js";
import { isRateLimited, rateLimitOf, requestIdOf } from "./profile.js";
import type { OperationSpec, ResponseHeaders } from "./types.js";

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
  /** When the window resets (`x-ratelimit-reset`, epoch seconds); an Invalid Date when the header is not digits. */
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
    Object.assign(this, props);
  }

  /** A plain, serializable view: name, message and the error's own fields (`cause` is not enumerable). */
  toJSON(): Record<string, unknown> {
    return Object.assign({ name: this.name, message: this.message }, this as object);
  }
}

/** GitHub answered with a status the operation does not treat as success. */
export class GitHubApiError<S extends number = number, B = GitHubErrorBody | string | undefined> extends GitHubError {
  declare readonly status: S;
  /** The parsed `{ message, documentation_url, errors }` body, or the raw text when it is not JSON. */
  declare readonly body: B;
  /** The spec's operationId of the call that failed, e.g. `actions/cancel-workflow-run`. */
  declare readonly operationId: string | undefined;
  /**
   * On a 403 (not a rate limit) or 404 of an operation that documents a permission: what the
   * workflow's `permissions:` must grant, e.g. `{ scope: "actions", access: "write" }` (the first,
   * when it needs several; the message names them all).
   */
  declare readonly requiredPermission: RequiredPermission | undefined;
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

/** No complete response, body included, within `timeoutMs` (per attempt). */
export class GitHubTimeoutError extends GitHubError {
  declare readonly timeoutMs: number;
}

/** A response the client could not use (invalid or truncated JSON, unexpected shape, too large). */
export class GitHubResponseError extends GitHubError {
  declare readonly status: number;
  declare readonly contentType: string | undefined;
  declare readonly requestId: string | undefined;
}

/** A response body above the client's `maxResponseBytes`; never retried, and read no further than the limit. */
export class GitHubSizeLimitError extends GitHubResponseError {
  declare readonly maxResponseBytes: number;
}

// Names live on the prototypes (not as instance fields) so that stacks read `GitHubApiError: …`
// and the names survive minification.
for (const [error, name] of [
  [GitHubError, "GitHubError"],
  [GitHubApiError, "GitHubApiError"],
  [GitHubRateLimitError, "GitHubRateLimitError"],
  [GitHubNetworkError, "GitHubNetworkError"],
  [GitHubTimeoutError, "GitHubTimeoutError"],
  [GitHubResponseError, "GitHubResponseError"],
  [GitHubSizeLimitError, "GitHubSizeLimitError"],
] as const) {
  error.prototype.name = name;
}
// `instanceof` also holds for errors of another copy of this runtime (the CommonJS build next to the ESM one).
brand(GitHubError);

/**
 * An error about one request: the message is `METHOD url` and `detail`, then the response's
 * request id when `props` has one (`x-github-request-id`: quote it when asking GitHub support),
 * and the error has the request's `method` and `url` besides `props`.
 */
export function requestError<E extends GitHubError>(
  Class: new (message: string, props: object, options?: ErrorOptions) => E,
  method: string,
  url: string,
  detail: string,
  props?: { readonly requestId?: string | undefined; readonly [key: string]: unknown },
  cause?: ErrorOptions,
): E {
  const requestId = props?.requestId;
  return new Class(
    `${method} ${url}${detail}${requestId ? ` (request id ${requestId})` : ""}`,
    { method, url, ...props },
    cause,
  );
}

/** A response the client cannot use (not JSON, no items array, an opaque redirect, too large): `Class` and `props` for a subclass. */
export function responseError(
  method: string,
  url: string,
  status: number,
  headers: ResponseHeaders,
  detail: string,
  Class: typeof GitHubResponseError = GitHubResponseError,
  props?: object,
): GitHubResponseError {
  return requestError(Class, method, url, ": " + detail, {
    status,
    contentType: headers["content-type"],
    requestId: requestIdOf(headers),
    ...props,
  });
}

/**
 * Server text in a message, cut at 500 characters (a 50 MB `message` stays in `body`), its control
 * characters and line separators escaped as `escape` does (LF → `%0A`, ESC → `%1B`; the shortest
 * code): a CR, LF or ESC from the server cannot forge a log line or drive a terminal.
 */
export function clip(text: string): string {
  return (text.length > 500 ? text.slice(0, 500) + "…" : text).replace(/[\p{Cc}\u2028\u2029]/gu, escape);
}

/**
 * Builds the error for a failed response, e.g.
 * `GET https://api.github.com/repos/o/r/actions/runs/1 → 404: Not Found (request id ABCD:1234)`.
 * `retryAt`, when the server named a time to come back, joins the message. A redirect the operation
 * does not document (not followed: non-GET requests use `redirect: "manual"`) names its target.
 */
export function apiError(
  method: string,
  url: string,
  status: number,
  headers: ResponseHeaders,
  text: string,
  retryAt?: Date,
  spec?: OperationSpec,
): GitHubApiError {
  let body: GitHubErrorBody | string | undefined = text || undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object") body = parsed as GitHubErrorBody;
  } catch {
    // Not JSON (an HTML error page, a proxy's text): keep the raw text.
  }
  const location = headers.location;
  const message = typeof body === "object" ? body.message : body;
  const detail =
    status < 400 && (location || !status)
      ? `: unexpected redirect${location ? " to " + location : ""}, not followed`
      : (message ? ": " + message : "") +
        (typeof body === "object" && body.errors ? " " + JSON.stringify(body.errors) : "");
  const limited = isRateLimited(status, headers, text);
  // A rate limit stays a rate limit. GitHub answers 404 rather than 403 when the token may not see a
  // private repository: both name the operation's permissions.
  const needed = !limited && (status === 403 || status === 404) && spec?.permissions;
  return requestError(
    limited ? GitHubRateLimitError : GitHubApiError,
    method,
    url,
    ` → ${status}` +
      clip(detail) +
      (needed ? `; missing permission? add "${needed}" to the workflow's permissions:` : "") +
      (retryAt ? "; retry after " + retryAt.toISOString() : ""),
    {
      status,
      body,
      headers,
      requestId: requestIdOf(headers),
      rateLimit: rateLimitOf(headers),
      retryAt,
      operationId: spec?.id,
      requiredPermission: needed ? permissionOf(needed) : undefined,
    },
  );
}
