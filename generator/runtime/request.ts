// The request core: headers, per-attempt timeout, retries, response decoding, errors. What only
// some operations need (bodies, cookies, binary responses, redirects) is a function their spec
// names. This is the per-call hot path: one async function, no closures, regexes or AbortSignals
// unless a timeout asks for them.
import {
  apiError,
  GitHubError,
  GitHubNetworkError,
  GitHubTimeoutError,
  requestError,
  responseError,
} from "./errors.js";
import { backoffMs, maxRetries, mergeRetry, planRetry, sleep } from "./retry.js";
import type { ApiResponse, Client, OperationSpec, RequestOptions, RetryOptions } from "./types.js";
import { buildUrl, isSet, simpleValue } from "./url.js";

type Params = Readonly<Record<string, unknown>>;
type Headers_ = Record<string, string>;

/**
 * Calls an operation: fills path, query, headers and body from the flat `params`. With `next`
 * (pagination's Link targets), GETs that absolute URL exactly as given instead, refusing one on
 * another origin than `client.baseUrl` so that the token is never sent to another host.
 */
export async function request(
  client: Client,
  spec: OperationSpec,
  params: object | undefined,
  options?: RequestOptions,
  next?: string,
): Promise<ApiResponse> {
  const headers: Headers_ = { accept: "application/vnd.github+json", "user-agent": client.userAgent };
  if (spec.apiVersion) headers["x-github-api-version"] = spec.apiVersion;
  let method: string = spec.method;
  let url = next!;
  let body: RequestInit["body"];
  if (next) {
    method = "GET";
    if (new URL(next).origin !== new URL(client.baseUrl).origin) {
      throw requestError(GitHubError, method, url, ": refusing to send credentials to another origin");
    }
  } else {
    const p = (params ?? {}) as Params;
    url = buildUrl(client.baseUrl, spec, p);
    for (const name of spec.headerParams ?? []) if (isSet(p[name])) headers[name.toLowerCase()] = simpleValue(p[name]);
    spec.cookies?.(p, headers);
    body = spec.writeBody?.(p, headers, spec);
  }
  // Caller headers are lower-cased so that they replace ours instead of being joined to them.
  const extra = options?.headers ?? {};
  for (const name in extra) headers[name.toLowerCase()] = extra[name]!;

  const signal = options?.signal;
  const timeoutMs = options?.timeoutMs ?? client.timeoutMs;
  // 0 and Infinity mean "no timeout"; above 2^31-1 ms setTimeout would fire at once.
  const timed = timeoutMs! > 0 && timeoutMs! < 2147483648;
  const retry = mergeRetry(client.retry, options?.retry);
  const retries = maxRetries(method, retry);
  const init: RequestInit = { method, headers, body, signal, redirect: spec.redirect && "manual" };

  for (let attempt = 1; ; attempt++) {
    // Asked per attempt: a token function may hand out a refreshed token after a long wait.
    let auth = client.authorization();
    if (typeof auth === "object") auth = await auth;
    if (auth) headers.authorization = auth;
    // Checked after the token await, before our listener: an abort already past would not fire it.
    signal?.throwIfAborted();

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
    let text = "";
    let bytes: ArrayBuffer | undefined;
    let error: GitHubError | undefined;
    try {
      // Looked up per call, so that a fetch installed or stubbed after createClient is used.
      res = await (client.fetch ?? fetch)(url, init);
      const reading = spec.binary?.(res, method);
      if (reading) bytes = await reading;
      else text = await res.text();
    } catch (e) {
      // A caller's abort wins and is rethrown as its own reason.
      if (signal?.aborted) throw signal.reason;
      const cause = (e as { cause?: Error } | undefined)?.cause?.message;
      error = own?.signal.aborted
        ? requestError(GitHubTimeoutError, method, url, `: no complete response within ${timeoutMs} ms`, { timeoutMs })
        : requestError(
            GitHubNetworkError,
            method,
            url,
            `: network error${res ? " while reading the body" : ""}: ${(e as Error)?.message}${cause ? ` (${cause})` : ""}`,
            {},
            { cause: e },
          );
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", forward!);
    }

    let delay: number | Date | undefined;
    if (error) {
      if (attempt <= retries) delay = backoffMs(attempt, retry as RetryOptions);
    } else {
      const status = res!.status;
      const h: Headers_ = {};
      res!.headers.forEach(setHeader, h);
      if (status > 199 && status < 300) {
        let data: unknown = bytes;
        if (text && method !== "HEAD") {
          try {
            data = h["content-type"]?.includes("json") ? JSON.parse(text) : text;
          } catch (e) {
            throw responseError(method, url, status, h, `invalid JSON (truncated?): ${(e as Error).message}`);
          }
        }
        return { status, data, headers: h };
      }
      const redirected = spec.redirect?.(status, h, method, url);
      if (redirected) return redirected;
      delay = planRetry(status, h, text, attempt, retries, retry, Date.now());
      if (typeof delay !== "number") throw apiError(method, url, status, h, text, delay);
    }
    if (typeof delay !== "number") throw error;
    (retry as RetryOptions).onRetry?.({
      attempt,
      delayMs: delay,
      method,
      url,
      status: error ? undefined : res!.status,
      error,
    });
    await sleep(delay, signal);
  }
}

function setHeader(this: Headers_, value: string, name: string): void {
  this[name] = value;
}

function abortTimer(ac: AbortController): void {
  ac.abort();
}
