// Shared types of the client runtime. Emitted operations, the request core and the
// pagination helpers all speak in these terms, so this file is the runtime's contract.
import type { GitHubApiError } from "./errors.js";
import type { ProfileOptions } from "./profile.js";
import type { closeAttempt, openAttempt } from "./hooks.js";

export type HttpMethod = "GET" | "HEAD" | "PUT" | "DELETE" | "POST" | "PATCH" | "OPTIONS" | "TRACE";

/** How a list operation pages, as declared by `x-pagination` or inferred by the generator. */
export interface PaginationSpec {
  /** `page`: page/per_page numbers and Link rel="next"; `cursor`: after/before cursors from the Link header. */
  readonly style: "page" | "cursor";
  /** The property that holds the items, or `null` when the response body is the array itself. */
  readonly itemsKey: string | null;
  /** Whether the operation accepts a `before` cursor, so that it can be paged backward. */
  readonly backward?: boolean;
  /**
   * Filters under which GitHub stops at `resultCap` results (list-runs: actor, branch, … at 1,000).
   * When one of them is set and `total_count` is above the cap, pages report `capped: true`.
   */
  readonly cappedBy?: readonly string[];
  readonly resultCap?: number;
  /** The date filter a capped listing can be split by into windows under the cap (`splitCapped`). */
  readonly splitBy?: "created";
}

/**
 * How an array or object query value is written, when not the runtime's default, which is
 * OpenAPI's `form` with `explode: false` and GitHub's convention: `tag=a,b`, `point=x,1,y,2`.
 * `form` (exploded, OpenAPI's default): `tag=a&tag=b`, `x=1&y=2`. `space` and `pipe`
 * (spaceDelimited, pipeDelimited): `tag=a%20b`, `tag=a|b`. `deepObject`: `filter[color]=red`.
 * Scalars are written `key=value` in every style. The generator's names; the runtime's writers
 * are the functions of serializers.ts.
 */
export type QueryStyle = "form" | "space" | "pipe" | "deepObject";

/**
 * How a path value is written, when not `simple` (`a,b` for an array, `k,v` for an object).
 * `simpleExplode`: objects as `k=v,k2=v2`. `label`: `.a,b` (exploded: `.a.b`). `matrix`:
 * `;id=a,b` (exploded: `;id=a;id=b`, objects `;k=v;k2=v2`).
 */
export type PathStyle = "simpleExplode" | "label" | "labelExplode" | "matrix" | "matrixExplode";

/** Writes an array or object query value in a style: `key=…` parts joined by `&`, or "" for nothing. */
export type QueryWriter = (key: string, value: object) => string;

/** Writes a path value in a style (a scalar comes as a one-item array). */
export type PathWriter = (name: string, value: object) => string;

/** Writes some params into the request headers (cookies). */
export type HeaderWriter = (params: Readonly<Record<string, unknown>>, headers: Record<string, string>) => void;

/**
 * Writes the request body from the params (and the spec's `bodyParams`, `bodyType`), setting its
 * content type. (`RequestInit["body"]` rather than `BodyInit`: Node's types have no global `BodyInit`.)
 */
export type BodyWriter = (
  params: Readonly<Record<string, unknown>>,
  headers: Record<string, string>,
  spec: OperationSpec,
) => RequestInit["body"];

/** Whether a response's body is kept as bytes (an ArrayBuffer) rather than read as text. */
export type BytesReader = (res: Response, method: string) => boolean;

/** Turns a 3xx (or a browser's opaque 0) into the call's result; undefined leaves it an error. */
export type RedirectReader = (
  status: number,
  headers: ResponseHeaders,
  method: string,
  url: string,
) => RedirectResponse<number> | undefined;

/**
 * Everything the request core needs to know about one operation; emitted as a literal per
 * operation. What GitHub's operations use (path and form query params, JSON bodies) is built
 * in; anything else is a function of serializers.ts that the literal names, so that a bundle
 * only carries the serializers of the operations it imports.
 */
export interface OperationSpec {
  /** The spec's operationId, e.g. `actions/list-workflow-runs-for-repo`. */
  readonly id: string;
  readonly method: HttpMethod;
  /** Path template as in the spec, e.g. `/repos/{owner}/{repo}/actions/runs/{run_id}`: each `{name}` is a params key. */
  readonly path: string;
  /** Params keys sent in the query string. */
  readonly queryParams?: readonly string[];
  /** Writers of the path params not written `simple`. */
  readonly pathStyles?: Readonly<Record<string, PathWriter>>;
  /** Writers of the query params whose arrays or objects are not written the default way. */
  readonly queryStyles?: Readonly<Record<string, QueryWriter>>;
  /** Params keys sent as request headers; the key is the header's name. */
  readonly headerParams?: readonly string[];
  /** Writes the cookie params into one `Cookie` header: `cookies("a", "b")` of serializers.ts. */
  readonly cookies?: HeaderWriter;
  /**
   * How the body is formed: a list of params keys gathered into a JSON object (flat params),
   * or `"body"` when the caller passes the whole body as `params.body`.
   */
  readonly bodyParams?: readonly string[] | "body";
  /** Media type of the request body, when not `application/json`. */
  readonly bodyType?: string;
  /** Writes the body: `jsonBody`, `multipartBody`, `urlEncodedBody` or `rawBody` of serializers.ts. */
  readonly writeBody?: BodyWriter;
  /** A documented success response is binary: reads a 2xx that is not JSON or text as an ArrayBuffer. */
  readonly binary?: BytesReader;
  /** Value for X-GitHub-Api-Version. */
  readonly apiVersion?: string;
  /** `Accept`, when the documented successes are not all JSON (the generic profile sends it). */
  readonly accept?: string;
  /**
   * The operation's own security requirement, when it has one (else the description's): the
   * alternatives, each the names of the schemes sent together; `[]` sends no credentials at all.
   */
  readonly security?: readonly (readonly string[])[];
  readonly pagination?: PaginationSpec;
  /**
   * The operation answers with a redirect whose target is the result (e.g. a logs download URL):
   * `manualRedirect` of serializers.ts. The request then uses `redirect: "manual"` and a 3xx
   * resolves to a `RedirectResponse` `{ status, data: undefined, headers, location }`; the target
   * is never fetched with credentials. When absent, a GET lets fetch follow redirects (it drops
   * the token on another origin); any other method uses `redirect: "manual"` and a 3xx is a
   * `GitHubApiError` naming its location, so a POST is never re-sent or turned into a GET
   * elsewhere. Browsers hide manual redirect targets (an opaque response), so there such a call
   * fails with a `GitHubResponseError`.
   */
  readonly redirect?: RedirectReader;
  /** Permissions the operation needs, as a workflow names them: `actions: write`, several joined by `, ` (permissions.ts). */
  readonly permissions?: string;
  /** Documented error statuses: a number when the body is JSON, a string otherwise (guards.ts). */
  readonly errors?: readonly (number | string)[];
}

/** Response headers as a plain object with lower-case names; the ones GitHub documents are typed. */
export interface ResponseHeaders {
  readonly link?: string;
  readonly location?: string;
  readonly etag?: string;
  readonly "retry-after"?: string;
  readonly "x-github-request-id"?: string;
  readonly "x-ratelimit-limit"?: string;
  readonly "x-ratelimit-remaining"?: string;
  readonly "x-ratelimit-reset"?: string;
  readonly "x-ratelimit-used"?: string;
  readonly "x-ratelimit-resource"?: string;
  readonly [name: string]: string | undefined;
}

/** One documented outcome of a call. `data` is `undefined` for bodiless statuses (204, 302). */
export interface ApiResponse<S extends number = number, D = unknown> {
  readonly status: S;
  readonly data: D;
  readonly headers: ResponseHeaders;
  /**
   * Set on a GET answered `304 Not Modified` under a client `cache`: `status` and `data` are the
   * cached response's (so code that checks `status === 200` keeps working), `headers` the 304's
   * over the cached ones. The wire status, 304, is what hooks and the logger see.
   */
  readonly fromCache?: true;
}

/** A 3xx outcome: the client returns the target and never follows it with credentials. */
export interface RedirectResponse<S extends number = 302> extends ApiResponse<S, undefined> {
  readonly location: string;
}

export interface RetryInfo {
  /** 1 for the first retry. */
  readonly attempt: number;
  readonly delayMs: number;
  readonly method: string;
  readonly url: string;
  /** The status that caused the retry, or undefined for a network failure. */
  readonly status?: number;
  readonly error?: unknown;
}

export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  readonly retries?: number;
  /** First backoff step; doubles each retry, with full jitter. Default 500 ms. */
  readonly baseDelayMs?: number;
  /** Ceiling of one computed backoff step. Default 20 s. */
  readonly maxDelayMs?: number;
  /**
   * Ceiling on a wait the server asks for (retry-after, x-ratelimit-reset). A longer wait is not
   * slept through: the call fails at once with an error that says when to come back. Default 60 s.
   */
  readonly maxRetryDelayMs?: number;
  /** Also retry non-idempotent methods (POST, PATCH). Off by default: a repeated POST repeats its effect. */
  readonly retryNonIdempotent?: boolean;
  readonly onRetry?: (info: RetryInfo) => void;
}

export type TokenSource = string | (() => string | Promise<string>);

/** `createClient`'s options: these, and those of the API's profile (`token` or `auth`, `baseUrl`). */
export interface ClientOptions extends ProfileOptions {
  readonly userAgent?: string;
  /**
   * Per-attempt timeout for the whole response, body included (a body that trickles in is cut
   * off too); a `GitHubTimeoutError` then. Default 30,000 ms (GitHub itself stops a request after
   * 10 s). `0` or `Infinity`: none.
   */
  readonly timeoutMs?: number;
  /**
   * Largest response body read, in bytes, counted as it streams in (after decompression); a
   * larger one fails with `GitHubSizeLimitError` as soon as it passes the limit (at once when
   * `content-length` says so) and is not retried. Default 64 MiB (67,108,864); `Infinity`: none.
   */
  readonly maxResponseBytes?: number;
  /** Retry options, or `false` to never retry. */
  readonly retry?: RetryOptions | false;
  /** A fetch implementation; default `globalThis.fetch`, looked up per call. */
  readonly fetch?: typeof fetch;
  /**
   * Hooks, logger, throttle and conditional GETs: `seams({ hooks, logger, throttle, cache })`.
   * An import, so that a client without them bundles none of their code.
   */
  readonly seams?: Seams;
}

/** What `seams()` takes. */
export interface SeamOptions {
  /** Called around every attempt of every call (hooks.ts); a call's own `hooks` replace these. */
  readonly hooks?: Hooks | readonly Hooks[];
  /** Logs each attempt, its outcome and each retry at debug level; never a header, so never the token. */
  readonly logger?: Logger;
  /** Shared by every call of the client: `throttle({ concurrency, mutationSpacingMs })` of throttle.ts. */
  readonly throttle?: Throttle;
  /** Conditional GETs (If-None-Match / If-Modified-Since): `memoryCache()` or `responseCache(store)` of cache.ts. */
  readonly cache?: ResponseCache;
}

/** What `seams()` returns: the options checked, and the code that runs them (carried here, not imported by the request core). */
export interface Seams {
  /** The hooks, as a list (empty when none). */
  readonly hooks: readonly Hooks[];
  readonly logger: Logger | undefined;
  readonly throttle: Throttle | undefined;
  readonly cache: ResponseCache | undefined;
  readonly open: typeof openAttempt;
  readonly close: typeof closeAttempt;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  /** Overrides the client's retry options for this call (merged), or `false`. */
  readonly retry?: RetryOptions | false;
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Hooks for this call only, in place of the client's (the client's logger still logs). The
   * client must have been created with `seams(...)` (a TypeError otherwise).
   */
  readonly hooks?: Hooks | readonly Hooks[];
}

/** What a hook learns about an attempt. Never the token: `headers` has no `authorization` we add. */
export interface AttemptInfo {
  /** The spec's operationId, e.g. `actions/get-workflow-run` (pagination's next pages keep it). */
  readonly operationId: string;
  readonly method: string;
  /** The URL as sent, without credentials (the token goes in a header, never in the URL). */
  readonly url: string;
  /** 1 for the first attempt, 2 for the first retry. */
  readonly attempt: number;
  /** The request headers; `onRequest` may change them (a name must be lower-case to replace ours). */
  readonly headers: Record<string, string>;
  /**
   * When the attempt was sent (`Date.now()`, after any throttle wait). `onRequest` runs before that
   * wait, and sees when the hooks started.
   */
  readonly startedAt: number;
}

/** The end of an attempt: a response (`status`) or a failure (`error`), with its timing. */
export interface AttemptOutcome extends AttemptInfo {
  /** Milliseconds from `startedAt` to the end of the body (or of the failure). */
  readonly durationMs: number;
  /** The wire status, e.g. 304 for a response answered from the cache; undefined when none came. */
  readonly status?: number;
  readonly responseHeaders?: ResponseHeaders;
  /** The error of a failed attempt: network, timeout, size limit or an error status (`GitHubApiError`). */
  readonly error?: unknown;
  /** Set when the call will retry: the wait before the next attempt. */
  readonly retryInMs?: number;
}

/**
 * Called around each attempt, in order; an async hook is awaited (a slow hook slows the call).
 * `onResponse` sees the responses a call accepts (2xx, a 304 from the cache, a redirect result);
 * `onError` every other end of an attempt, retried or final. A hook that throws fails the call.
 */
export interface Hooks {
  onRequest?(info: AttemptInfo): void | Promise<void>;
  onResponse?(outcome: AttemptOutcome): void | Promise<void>;
  onError?(outcome: AttemptOutcome): void | Promise<void>;
}

/** Console-like: `seams({ logger: console })`. */
export interface Logger {
  debug(message: string): void;
}

/**
 * A limit shared by every call of a client (`throttle()` of throttle.ts). `acquire` resolves, in
 * the order of the calls, with the function that gives the slot back; it rejects with the
 * signal's reason as soon as the caller aborts.
 */
export interface Throttle {
  acquire(method: string, signal: AbortSignal | undefined): Promise<() => void>;
}

/** A cached GET response, as a `CacheStore` keeps it. */
export interface CachedResponse {
  readonly etag?: string;
  readonly lastModified?: string;
  readonly status: number;
  /** The body as text (parsed again on each hit: JSON by its content type). */
  readonly body: string;
  readonly headers: ResponseHeaders;
  /** Bytes the entry may take (2 a character of body and headers), for stores that bound their memory. */
  readonly size: number;
}

/**
 * Where a `responseCache` keeps responses. Keys hold an HMAC of the request sent, never a credential.
 * A store may be async (e.g. a database) and may forget entries at any time.
 */
export interface CacheStore {
  get(key: string): CachedResponse | undefined | Promise<CachedResponse | undefined>;
  set(key: string, value: CachedResponse): void | Promise<void>;
}

/** Conditional GETs for the request core (cache.ts). */
export interface ResponseCache {
  /**
   * Before a GET attempt: adds the validators of the cached response, if any, to `headers`, and
   * returns what turns the attempt's result into the call's (a 304 into the cached response; a
   * 2xx with a validator is stored). `request` is the request as sent (every header, credentials
   * included), which the key holds hashed; `headers` are the headers that go out.
   */
  prepare(url: string, request: string, headers: Record<string, string>): Promise<CacheTicket | undefined>;
}

export interface CacheTicket {
  /** The call's result for a 304, when there is a cached entry. */
  readonly notModified: ((headers: ResponseHeaders) => ApiResponse) | undefined;
  /** Stores a 2xx that carries a validator (`text`: its body as read); returns it unchanged. */
  keep(response: ApiResponse, text: string): ApiResponse;
}

declare const errorType: unique symbol;

/**
 * A callable operation; `spec` lets the pagination helpers re-issue it. `E` is the error it throws
 * for a documented error status (what `isErrorOf` narrows to).
 */
export interface Operation<P, R, E = GitHubApiError> {
  (client: Client, params: P, options?: RequestOptions): Promise<R>;
  readonly spec: OperationSpec;
  /** Type-level only: carries the error type to `isErrorOf`. */
  readonly [errorType]?: E;
}

/** The error type an operation declares (see `isErrorOf`). */
export type ErrorOf<O> = O extends { readonly [errorType]?: infer E } ? E : never;

declare const itemType: unique symbol;

/** An operation that pages. `Item` is the element type of its items array. */
export interface PaginatedOperation<P, R, Item, E = GitHubApiError> extends Operation<P, R, E> {
  readonly spec: OperationSpec & { readonly pagination: PaginationSpec };
  /** Type-level only: carries the item type to `paginate` and `collect`. */
  readonly [itemType]?: Item;
}

/** The client: options resolved once, the token kept out of sight (in a closure, never a property). */
export interface Client {
  readonly baseUrl: string;
  readonly userAgent: string;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly retry: RetryOptions | false;
  /** The fetch given to `createClient` (the generic profile wraps it to follow redirects itself); undefined means `globalThis.fetch` at call time. */
  readonly fetch: typeof fetch | undefined;
  /** Whether credentials were given. */
  readonly authenticated: boolean;
  /** The client's `seams(...)`, if any. */
  readonly seams: Seams | undefined;
  /** Adds the credentials an operation asks for (see `Authorize`); asked before each attempt. */
  readonly authorize: Authorize;
}

/**
 * Writes the credentials `spec` asks for into `headers`, and returns the URL to send: `url` with
 * any query credential added (`url` itself, without it, is what errors show).
 */
export type Authorize = (spec: OperationSpec, headers: Record<string, string>, url: string) => string | Promise<string>;

/** `createClient`'s arguments: the options may be left out unless one of them is required. */
export type ClientArgs =
  Partial<ClientOptions> extends ClientOptions ? [options?: ClientOptions] : [options: ClientOptions];
