// The request core: headers, per-attempt timeout, retries, bounded response reading, errors. What
// only some operations need (bodies, cookies, binary responses, redirects) is a function their spec
// names. This is the per-call hot path: one async function, few closures and no regexes.
import {
  apiError,
  GitHubError,
  GitHubNetworkError,
  GitHubSizeLimitError,
  GitHubTimeoutError,
  requestError,
  responseError,
} from "./errors.js";
import { setHeader } from "./headers.js";
import { requestHeaders } from "./profile.js";
import { backoffMs, checkLimit, MAX_DELAY_MS, maxRetries, mergeRetry, planRetry, sleep } from "./retry.js";
import type { ApiResponse, Client, OperationSpec, RequestOptions, RetryOptions } from "./types.js";
import { buildUrl, isSet, simpleValue } from "./url.js";

type Params = Readonly<Record<string, unknown>>;
type Headers_ = Record<string, string>;

const decoder = /* @__PURE__ */ new TextDecoder();

/**
 * Calls an operation: fills path, query, headers and body from the flat `params`. With `next`
 * (pagination's Link targets, checked there against `client.baseUrl`), GETs that absolute URL instead.
 * Bad params and header values throw a TypeError before any request; they are never retried.
 */
export async function request(
  client: Client,
  spec: OperationSpec,
  params: object | undefined,
  options?: RequestOptions,
  next?: string,
): Promise<ApiResponse> {
  const headers = requestHeaders(spec, client.userAgent);
  let method: string = spec.method;
  let url = next!;
  let body: RequestInit["body"];
  if (next) method = "GET";
  else {
    const p = (params ?? {}) as Params;
    url = buildUrl(client.baseUrl, spec, p);
    for (const name of spec.headerParams ?? []) if (isSet(p[name])) setHeader(headers, name, simpleValue(p[name]));
    spec.cookies?.(p, headers);
    body = spec.writeBody?.(p, headers, spec);
  }
  // Caller headers are lower-cased so that they replace ours instead of being joined to them.
  const extra = options?.headers ?? {};
  for (const name in extra) setHeader(headers, name, extra[name]!);

  const signal = options?.signal;
  const timeoutMs = options?.timeoutMs ?? client.timeoutMs;
  checkLimit("timeoutMs", timeoutMs);
  // 0 and Infinity mean "no timeout"; beyond MAX_DELAY_MS setTimeout would fire at once.
  const timed = timeoutMs > 0 && timeoutMs <= MAX_DELAY_MS;
  const retry = mergeRetry(client.retry, options?.retry);
  const retries = maxRetries(method, retry);
  // The seam (hooks.ts), reached only through the client's `seams(...)`.
  const seamed = client.seams;
  const callHooks = options?.hooks;
  if (callHooks && !seamed)
    throw new TypeError("options.hooks: create the client with seams (createClient({ seams: seams() }))");
  // Only a GET follows redirects (fetch drops the token on another origin). Any other method stops
  // at a 3xx, so that a POST is never re-sent elsewhere or turned into a GET there.
  const init: RequestInit = {
    method,
    headers,
    body,
    signal,
    redirect: spec.redirect || method !== "GET" ? "manual" : undefined,
  };

  for (let attempt = 1; ; attempt++) {
    // Asked per attempt: a token function may hand out a refreshed token after a long wait.
    // The credentials an operation asks for go into `sent`, a fresh copy of the call's headers each
    // attempt, so that a credential function that now returns "" sends nothing (not the last one);
    // a query credential comes back in `target`.
    const sent = (init.headers = { ...headers });
    let target = client.authorize(spec, sent, url);
    if (typeof target === "object") target = await target;
    // Checked after the token await, before our listener: an abort already past would not fire it.
    signal?.throwIfAborted();
    // Hooks see and may change their own copy of the headers without credentials; the cache keys
    // by the credentials (hashed); the credentials go on top of what the hooks left, into `sent`.
    const seam =
      seamed && (await seamed.open(seamed, callHooks, spec.id, method, url, attempt, headers, sent, target, signal));

    // Only a timeout needs a signal of our own; the caller's abort is forwarded into it.
    let own: AbortController | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let forward: (() => void) | undefined;
    if (timed) {
      const ac = (own = new AbortController());
      timer = setTimeout(abortTimer, timeoutMs, ac);
      signal?.addEventListener("abort", (forward = () => ac.abort(signal.reason)));
      init.signal = ac.signal;
    }

    let res: Response | undefined;
    const h: Headers_ = {};
    let text = "";
    let bytes: ArrayBuffer | undefined;
    let size = 0;
    let error: GitHubError | undefined;
    let retriable = true;
    try {
      // Looked up per call, so that a fetch installed or stubbed after createClient is used.
      res = await (client.fetch ?? fetch)(target, init);
      res.headers.forEach(setHeaderOf, h);
      // The timer runs on while the body is read: it bounds the whole response.
      const raw = await readBody(res, client.maxResponseBytes, method, url, h);
      size = raw.byteLength;
      // A copy: a chunk may be a view into a larger buffer.
      if (spec.binary?.(res, method)) bytes = raw.slice().buffer;
      else text = decoder.decode(raw);
    } catch (e) {
      // A caller's abort wins and is rethrown as its own reason.
      if (signal?.aborted) throw signal.reason;
      // Our own errors (size) as they are, and not retried.
      if (e instanceof GitHubError) retriable = !(error = e);
      else {
        const cause = (e as { cause?: Error } | undefined)?.cause?.message;
        let detail = `${(e as Error)?.message}${cause ? ` (${cause})` : ""}`;
        // A fetch that quotes request headers in its errors would reveal the token: cut it from the
        // message and keep no such cause.
        const token = sent.authorization?.slice(7);
        const leaked = token && leaks(e, token);
        if (leaked) detail = detail.split(token).join("[token]");
        error = own?.signal.aborted
          ? requestError(GitHubTimeoutError, method, url, `: no complete response within ${timeoutMs} ms`, {
              timeoutMs,
            })
          : requestError(
              GitHubNetworkError,
              method,
              url,
              `: network error${res ? " while reading the body" : ""}: ${detail}`,
              {},
              leaked ? undefined : { cause: e },
            );
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", forward!);
      // The throttle's slot is free as soon as the response is read (or failed).
      seam?.release?.();
    }

    let delay: number | Date | undefined;
    let result: ApiResponse | undefined;
    const status = error ? undefined : res!.status;
    if (error) {
      if (retriable && attempt <= retries) delay = backoffMs(attempt, retry as RetryOptions);
    } else if ((status! > 199 && status! < 300) || status === 304) {
      // A 304 Not Modified answers a conditional request the caller made: no body, so no data. The
      // seam's cache may answer it with its entry instead.
      let data: unknown = bytes;
      if (text && method !== "HEAD") {
        try {
          data = h["content-type"]?.includes("json") ? JSON.parse(text) : text;
        } catch (e) {
          error = responseError(method, url, status!, h, `invalid JSON (truncated?): ${(e as Error).message}`);
        }
      }
      if (!error) result = { status: status!, data, headers: h };
    } else {
      result = spec.redirect?.(status!, h, method, url);
      if (!result) {
        delay = planRetry(status!, h, text, attempt, retries, retry, Date.now());
        if (typeof delay !== "number") error = apiError(method, url, status!, h, text, delay, spec);
      }
    }
    // The seam may answer a 304 with its cached response.
    if (seam) result = await seamed.close(seam, result, error, status, h, text, size, delay);
    if (result) return result;
    if (typeof delay !== "number") throw error!;
    (retry as RetryOptions).onRetry?.({
      attempt,
      delayMs: delay,
      method,
      url,
      status,
      error,
    });
    await sleep(delay, signal);
  }
}

/**
 * Reads a body, counting bytes as they arrive (decompressed), and refuses it with a
 * GitHubSizeLimitError once it passes `max`: nothing beyond the limit is kept, and the connection
 * is dropped. `content-length` serves only to refuse early; the count bounds what is read whatever
 * it says.
 */
async function readBody(res: Response, max: number, method: string, url: string, h: Headers_): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  // A HEAD response announces the length of a body it does not have.
  let size = method === "HEAD" ? 0 : +h["content-length"]! || 0;
  const reader = size > max ? undefined : res.body?.getReader();
  if (reader) {
    size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done || (size += value.byteLength) > max) break;
      chunks.push(value);
    }
  }
  if (size > max) {
    (reader ?? res.body)?.cancel().catch(ignore);
    throw responseError(
      method,
      url,
      res.status,
      h,
      `response body larger than maxResponseBytes (${max} bytes); not read further`,
      GitHubSizeLimitError,
      {
        maxResponseBytes: max,
      },
    );
  }
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(size);
  size = 0;
  for (const c of chunks) {
    all.set(c, size);
    size += c.byteLength;
  }
  return all;
}

/**
 * Whether an error, or a cause under it, quotes `secret` in its message or stack. The message is
 * read as a field, not through String(): a thrown non-Error object prints as "[object Object]" but
 * its `message` is what our own error quotes.
 */
export function leaks(e: unknown, secret: string): boolean {
  for (let i = 0; e && i < 5; i++, e = (e as Error).cause) {
    const { message, stack } = e as Partial<Error>;
    if ([typeof e === "string" ? e : message, stack].some((text) => String(text).includes(secret))) return true;
  }
  return false;
}

function setHeaderOf(this: Headers_, value: string, name: string): void {
  this[name] = value;
}

function abortTimer(ac: AbortController): void {
  ac.abort();
}

function ignore(): void {}
