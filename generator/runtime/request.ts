// The request core: headers, body, per-attempt timeout, retries, response decoding, errors.
// This is the per-call hot path, so it avoids closures, regexes and AbortSignals unless needed.
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
  let headers: Headers_;
  let body: BodyInit | undefined;
  try {
    const p = (params ?? EMPTY) as Params;
    url = buildUrl(client.baseUrl, spec, p);
    headers = baseHeaders(client, spec);
    const hp = spec.headerParams;
    if (hp !== undefined) {
      for (let i = 0; i < hp.length; i++) {
        const v = p[hp[i]![0]];
        if (v !== undefined && v !== null) headers[hp[i]![1].toLowerCase()] = String(v);
      }
    }
    const bp = spec.bodyParams;
    if (bp === "body") {
      const v = p.body;
      const type = spec.bodyType;
      if (v !== undefined) {
        // A non-JSON media type (e.g. raw text or bytes) is sent as given.
        const json = type === undefined || type.includes("json");
        body = json ? JSON.stringify(v) : (v as BodyInit);
        headers["content-type"] = json ? "application/json" : type;
      }
    } else if (bp !== undefined) {
      // Only keys the caller set; an all-optional body with nothing set is still `{}`.
      const o: Record<string, unknown> = {};
      for (let i = 0; i < bp.length; i++) {
        const v = p[bp[i]!];
        if (v !== undefined) o[bp[i]!] = v;
      }
      body = JSON.stringify(o);
      headers["content-type"] = "application/json";
    }
    if (options?.headers) addHeaders(headers, options.headers);
  } catch (e) {
    return Promise.reject(e);
  }
  return execute(client, spec, spec.method, url, headers, body, options);
}

/**
 * GETs an absolute URL exactly as given (pagination's Link rel="next" targets), with the same
 * headers, retries and errors as `request`. Refuses a URL on another origin than `client.baseUrl`,
 * so that the token is never sent to another host.
 */
export function send(client: Client, spec: OperationSpec, url: string, options?: RequestOptions): Promise<ApiResponse> {
  let headers: Headers_;
  try {
    const origin = new URL(client.baseUrl).origin;
    if (new URL(url).origin !== origin) {
      throw new GitHubError(`${spec.id}: refusing to send credentials to ${url}: not on ${origin}`, {
        method: "GET",
        url,
      });
    }
    headers = baseHeaders(client, spec);
    if (options?.headers) addHeaders(headers, options.headers);
  } catch (e) {
    return Promise.reject(e);
  }
  return execute(client, spec, "GET", url, headers, undefined, options);
}

function baseHeaders(client: Client, spec: OperationSpec): Headers_ {
  const h: Headers_ = { accept: "application/vnd.github+json", "user-agent": client.userAgent };
  if (spec.apiVersion !== undefined) h["x-github-api-version"] = spec.apiVersion;
  return h;
}

// Caller headers are lower-cased so that they replace ours instead of being joined to them.
function addHeaders(h: Headers_, extra: Readonly<Record<string, string>>): void {
  for (const name in extra) h[name.toLowerCase()] = extra[name]!;
}

function setHeader(this: Headers_, value: string, name: string): void {
  this[name] = value;
}

/** Response headers as a plain object; `Headers` already yields lower-case names. */
function headersOf(h: Headers): ResponseHeaders {
  const o: Headers_ = {};
  h.forEach(setHeader, o);
  return o;
}

function abortTimer(ac: AbortController): void {
  ac.abort();
}

/** The path (and query) relative to the base URL, for messages. */
function pathOf(client: Client, url: string): string {
  return url.startsWith(client.baseUrl) ? url.slice(client.baseUrl.length) : url;
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
  const signal = options?.signal;
  const timeoutMs = options?.timeoutMs ?? client.timeoutMs;
  // 0 and Infinity mean "no timeout"; above 2^31-1 ms setTimeout would fire at once.
  const timed = timeoutMs !== undefined && timeoutMs > 0 && timeoutMs < 2147483648;
  const retry: RetryOptions | false = mergeRetry(client.retry, options?.retry);
  const retries = maxRetries(method, retry);
  const redirect = spec.redirect === true;
  const init: RequestInit = { method, headers, body, signal, redirect: redirect ? "manual" : undefined };
  const fetchFn = client.fetch;

  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    // Asked per attempt: a token function may hand out a refreshed token after a long wait.
    let auth = client.authorization();
    if (typeof auth === "object") auth = await auth;
    if (auth !== undefined) headers.authorization = auth;

    // Only a timeout needs a signal of our own; the caller's abort is forwarded into it.
    let ac: AbortController | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    if (timed) {
      const own = (ac = new AbortController());
      timer = setTimeout(abortTimer, timeoutMs, own);
      if (signal !== undefined) {
        onAbort = () => own.abort(signal.reason);
        signal.addEventListener("abort", onAbort);
      }
      init.signal = own.signal;
    }

    let res: Response | undefined;
    let text = "";
    let failed = false;
    let failure: unknown;
    try {
      res = await fetchFn(url, init);
      if (redirect && res.status >= 300 && res.status < 400) {
        // The target is the result; free the connection instead of reading the body.
        res.body?.cancel().catch(ignore);
      } else {
        text = await res.text();
      }
    } catch (e) {
      failed = true;
      failure = e;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      if (onAbort !== undefined) signal!.removeEventListener("abort", onAbort);
    }

    if (failed) {
      // A caller's abort wins over everything and is rethrown as its own reason.
      if (signal?.aborted) throw signal.reason;
      const path = pathOf(client, url);
      const props = { method, url, timeoutMs };
      const cause = (failure as { cause?: { message?: unknown } } | undefined)?.cause?.message;
      const err: GitHubError = ac?.signal.aborted
        ? new GitHubTimeoutError(`${method} ${path}: no complete response within ${timeoutMs} ms`, props)
        : new GitHubNetworkError(
            `${method} ${path}: ${res ? "connection failed while reading the response body" : "request failed"}: ${
              (failure as Error | undefined)?.message ?? failure
            }${cause ? ` (${cause})` : ""}`,
            { method, url },
            { cause: failure },
          );
      if (retry === false || attempt > retries) throw err;
      const delayMs = backoffMs(attempt, retry);
      retry.onRetry?.({ attempt, delayMs, method, url, error: err });
      await sleep(delayMs, signal);
      continue;
    }

    const status = res!.status;
    const h = headersOf(res!.headers);
    if (status >= 200 && status < 300) {
      let data: unknown;
      if (text !== "" && status !== 204 && status !== 205 && method !== "HEAD") {
        const type = h["content-type"];
        if (type !== undefined && type.includes("json")) {
          try {
            data = JSON.parse(text);
          } catch (e) {
            const id = h["x-github-request-id"];
            throw new GitHubResponseError(
              `${method} ${pathOf(client, url)}: response body is not valid JSON (truncated?): ${(e as Error).message}; ` +
                `${status}, ${type}, ${text.length} characters${id ? ` (request id ${id})` : ""}`,
              { method, url, status, contentType: type, requestId: id },
            );
          }
        } else {
          data = text;
        }
      }
      return { status, data, headers: h };
    }
    const location = h.location;
    if (redirect && location !== undefined && status >= 300 && status < 400) {
      return { status, data: undefined, headers: h, location } as ApiResponse;
    }
    if (res!.type === "opaqueredirect") {
      // Browsers hide manual redirects (status 0, no headers).
      throw new GitHubResponseError(`${method} ${pathOf(client, url)}: this fetch hides redirect targets`, {
        method,
        url,
        status,
      });
    }
    const plan = planRetry(status, h, text, attempt, retries, retry, Date.now());
    if (plan.delayMs === undefined) {
      throw apiError(method, url, pathOf(client, url), status, res!.statusText, h, text, plan.rateLimited, plan.retryAt);
    }
    (retry as RetryOptions).onRetry?.({ attempt, delayMs: plan.delayMs, method, url, status });
    await sleep(plan.delayMs, signal);
  }
}

function ignore(): void {}
