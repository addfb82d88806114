// The request core: headers, body, per-attempt timeout, retries, response decoding, errors.
// This is the per-call hot path: one async function, no closures, regexes or AbortSignals
// unless a timeout asks for them.
import { apiError, GitHubError, GitHubNetworkError, GitHubResponseError, GitHubTimeoutError } from "./errors.js";
import { backoffMs, maxRetries, mergeRetry, planRetry, sleep } from "./retry.js";
import type { ApiResponse, Client, OperationSpec, RequestOptions, ResponseHeaders, RetryOptions } from "./types.js";
import { buildUrl } from "./url.js";

type Params = Readonly<Record<string, unknown>>;
type Headers_ = Record<string, string>;

const EMPTY: Params = {};

/** Calls an operation: fills path, query, headers and body from the flat `params`. */
export function request(
  client: Client,
  spec: OperationSpec,
  params: object | undefined,
  options?: RequestOptions,
): Promise<ApiResponse> {
  let url: string;
  let body: BodyInit | undefined;
  let headers: Headers_;
  try {
    const p = (params ?? EMPTY) as Params;
    url = buildUrl(client.baseUrl, spec, p);
    headers = baseHeaders(client, spec);
    const hp = spec.headerParams;
    if (hp) {
      for (const [key, name] of hp) if (isSet(p[key])) headers[name.toLowerCase()] = simpleValue(p[key]);
    }
    const cp = spec.cookieParams;
    if (cp) {
      // One `Cookie` header, `a=1; b=2`. (Browsers refuse to let fetch set it; servers and Node do not.)
      let cookie = "";
      for (const key of cp) {
        if (isSet(p[key])) cookie += (cookie ? "; " : "") + key + "=" + encodeURIComponent(simpleValue(p[key]));
      }
      if (cookie) headers.cookie = cookie;
    }
    const bp = spec.bodyParams;
    if (bp === "body") {
      const type = spec.bodyType;
      const b = p.body;
      if (b !== undefined) {
        if (type === undefined || type.includes("json")) {
          body = JSON.stringify(b);
          headers["content-type"] = type ?? "application/json";
        } else if (type.startsWith("multipart/form-data")) {
          // No content-type of ours: fetch writes it, with the boundary between the parts.
          body = b instanceof FormData ? b : formFields(new FormData(), b as object);
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
          body = b instanceof URLSearchParams ? b : formFields(new URLSearchParams(), b as object);
          headers["content-type"] = type;
        } else {
          // Any other media type (text, bytes) is sent as given: string, Blob, ArrayBuffer, typed array.
          body = b as BodyInit;
          headers["content-type"] = type;
        }
      }
    } else if (bp) {
      // Only the keys the caller set; with none set (all optional), no body at all.
      let o: Record<string, unknown> | undefined;
      for (const key of bp) if (p[key] !== undefined) (o ??= {})[key] = p[key];
      if (o) {
        body = JSON.stringify(o);
        headers["content-type"] = "application/json";
      }
    }
  } catch (e) {
    // Bad params reject like every other failure instead of throwing synchronously.
    return Promise.reject(e);
  }
  return execute(client, spec, spec.method, url, headers, body, options);
}

/** Whether a params value is given. A function is not: it is what an unset key named `constructor` reads. */
function isSet(v: unknown): boolean {
  return v !== undefined && v !== null && typeof v !== "function";
}

/** A header or cookie value in OpenAPI's `simple` style: arrays and objects (`k,v`) comma-joined. */
function simpleValue(v: unknown): string {
  if (typeof v !== "object") return String(v);
  return (Array.isArray(v) ? v : Object.entries(v as object).flat()).join(",");
}

/**
 * A plain object as form fields: an array repeats its key, a Blob stays a file part (FormData),
 * a nested object is sent as JSON (OpenAPI's default for object parts); null and undefined are
 * left out.
 */
function formFields<F extends FormData | URLSearchParams>(form: F, o: object): F {
  for (const [key, value] of Object.entries(o)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      const field = item instanceof Blob ? item : typeof item === "object" ? JSON.stringify(item) : String(item);
      // URLSearchParams takes strings only; a Blob can only be in a FormData's fields.
      (form as FormData).append(key, field);
    }
  }
  return form;
}

/**
 * GETs an absolute URL exactly as given (pagination's Link rel="next" targets), with the same
 * headers, retries and errors as `request`. Refuses a URL on another origin than `client.baseUrl`,
 * so that the token is never sent to another host.
 */
export function send(client: Client, spec: OperationSpec, url: string, options?: RequestOptions): Promise<ApiResponse> {
  try {
    const origin = originOf(client.baseUrl);
    // Fast path: a URL that literally starts with `origin/` cannot parse to another origin.
    if (!url.startsWith(origin + "/") && new URL(url).origin !== origin) {
      throw new GitHubError(`${spec.id}: refusing to send credentials to ${url}: not on ${origin}`, {
        method: "GET",
        url,
      });
    }
  } catch (e) {
    return Promise.reject(e);
  }
  return execute(client, spec, "GET", url, baseHeaders(client, spec), undefined, options);
}

// Pagination sends many pages for one base URL: remember the last origin computed.
let lastBase = "";
let lastOrigin = "";
function originOf(baseUrl: string): string {
  if (baseUrl !== lastBase) {
    lastOrigin = new URL(baseUrl).origin;
    lastBase = baseUrl;
  }
  return lastOrigin;
}

function baseHeaders(client: Client, spec: OperationSpec): Headers_ {
  const h: Headers_ = { accept: "application/vnd.github+json", "user-agent": client.userAgent };
  if (spec.apiVersion) h["x-github-api-version"] = spec.apiVersion;
  return h;
}

function setHeader(this: Headers_, value: string, name: string): void {
  this[name] = value;
}

function abortTimer(ac: AbortController): void {
  ac.abort();
}

function ignore(): void {}

/** A 2xx with a body that is neither JSON nor text, as the generator classifies media types. */
function readsBytes(status: number, method: string, headers: Headers): boolean {
  if (status < 200 || status > 299 || status === 204 || status === 205 || method === "HEAD") return false;
  const type = headers.get("content-type")?.toLowerCase();
  return type === undefined || !(type.includes("json") || type.startsWith("text/"));
}

/** `GET /repos/o/r/…`: the method and the URL relative to the base URL, for messages. */
function describe(method: string, url: string, baseUrl: string): string {
  return method + " " + (url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url);
}

async function execute(
  client: Client,
  spec: OperationSpec,
  method: string,
  url: string,
  headers: Headers_,
  body: BodyInit | undefined,
  options: RequestOptions | undefined,
): Promise<ApiResponse> {
  const baseUrl = client.baseUrl;
  // Caller headers are lower-cased so that they replace ours instead of being joined to them.
  const extra = options?.headers;
  if (extra) for (const name in extra) headers[name.toLowerCase()] = extra[name]!;

  const signal = options?.signal;
  const timeoutMs = options?.timeoutMs ?? client.timeoutMs;
  // 0 and Infinity mean "no timeout"; above 2^31-1 ms setTimeout would fire at once.
  const timed = timeoutMs! > 0 && timeoutMs! < 2147483648;
  const retry = mergeRetry(client.retry, options?.retry);
  const retries = maxRetries(method, retry);
  const redirect = spec.redirect;
  const init: RequestInit = { method, headers, body, signal, redirect: redirect ? "manual" : undefined };
  const fetchFn = client.fetch;

  for (let attempt = 1; ; attempt++) {
    // Asked per attempt: a token function may hand out a refreshed token after a long wait.
    let auth = client.authorization();
    if (typeof auth === "object") auth = await auth;
    if (auth) headers.authorization = auth;
    // Checked after the token await, before our listener: an abort already past would not fire it.
    signal?.throwIfAborted();

    // Only a timeout needs a signal of our own; the caller's abort is forwarded into it.
    let ac: AbortController | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    if (timed) {
      const own = (ac = new AbortController());
      timer = setTimeout(abortTimer, timeoutMs, own);
      if (signal) signal.addEventListener("abort", (onAbort = () => own.abort(signal.reason)));
      init.signal = own.signal;
    }

    let res: Response | undefined;
    let text = "";
    let bytes: ArrayBuffer | undefined;
    let failure: unknown;
    let failed = false;
    try {
      res = await fetchFn(url, init);
      // With a redirect, the target is the result: free the connection instead of reading the body.
      const status = res.status;
      if (redirect && status > 299 && status < 400) res.body?.cancel().catch(ignore);
      // Bytes read as text would be corrupted: a binary success is read as an ArrayBuffer.
      else if (spec.binary && readsBytes(status, method, res.headers)) bytes = await res.arrayBuffer();
      else text = await res.text();
    } catch (e) {
      failed = true;
      failure = e;
    } finally {
      clearTimeout(timer);
      if (onAbort) signal!.removeEventListener("abort", onAbort);
    }

    let error: GitHubError | undefined;
    let delay: number | Date | undefined;
    if (failed) {
      // A caller's abort wins and is rethrown as its own reason.
      if (signal?.aborted) throw signal.reason;
      const where = describe(method, url, baseUrl);
      error = ac?.signal.aborted
        ? new GitHubTimeoutError(`${where}: no complete response within ${timeoutMs} ms`, { method, url, timeoutMs })
        : new GitHubNetworkError(
            `${where}: network error${res ? " while reading the body" : ""}: ${(failure as Error)?.message}` +
              ((failure as { cause?: Error })?.cause?.message ? ` (${(failure as { cause: Error }).cause.message})` : ""),
            { method, url },
            { cause: failure },
          );
      if (attempt <= retries) delay = backoffMs(attempt, retry as RetryOptions);
    } else {
      const status = res!.status;
      const h: Headers_ = {};
      res!.headers.forEach(setHeader, h);
      if (status > 199 && status < 300) {
        let data: unknown = bytes;
        if (text && status !== 204 && status !== 205 && method !== "HEAD") {
          const type = h["content-type"];
          if (type?.includes("json")) {
            try {
              data = JSON.parse(text);
            } catch (e) {
              const requestId = h["x-github-request-id"];
              throw new GitHubResponseError(
                `${describe(method, url, baseUrl)}: response body is not valid JSON (truncated?): ${(e as Error).message}` +
                  (requestId ? ` (request id ${requestId})` : ""),
                { method, url, status, contentType: type, requestId },
              );
            }
          } else {
            data = text;
          }
        }
        return { status, data, headers: h as ResponseHeaders };
      }
      const location = h.location;
      if (redirect && location && status < 400) {
        return { status, data: undefined, headers: h, location } as ApiResponse;
      }
      if (status === 0) {
        // Browsers hide the target of a manual redirect behind an opaque response.
        throw new GitHubResponseError(`${describe(method, url, baseUrl)}: this fetch hides the redirect target`, {
          method,
          url,
          status,
        });
      }
      delay = planRetry(status, h, text, attempt, retries, retry, Date.now());
      if (typeof delay !== "number") throw apiError(method, url, describe(method, url, baseUrl), res!, h, text, delay);
    }
    if (typeof delay !== "number") throw error;
    (retry as RetryOptions).onRetry?.({ attempt, delayMs: delay, method, url, status: error ? undefined : res!.status, error });
    await sleep(delay, signal);
  }
}
