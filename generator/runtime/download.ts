// Safe download of what a redirecting operation points at (the log archives): the API call with
// credentials, then the storage URL it redirects to without them, over https only, streamed to a
// WritableStream chunk by chunk (never held whole), bounded in size and time.
import { GitHubSizeLimitError, GitHubTimeoutError, requestError, responseError } from "./errors.js";
import { checkLimit, MAX_DELAY_MS } from "./retry.js";
import type { Client, Operation, RedirectResponse } from "./types.js";

export interface DownloadTarget {
  /**
   * Largest archive, in bytes, counted as it streams; a larger one fails with `GitHubSizeLimitError`
   * (at once when `content-length` says so). Default 1 GiB (1,073,741,824); `Infinity`: none.
   * Separate from the client's `maxResponseBytes`, which bounds bodies held in memory.
   */
  readonly maxBytes?: number;
  /** For the whole download, API call included; a `GitHubTimeoutError` then. Default 600,000 ms (10 min); `0` or `Infinity`: none. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /**
   * Also accept `http:` targets on a loopback host (127.0.0.1, localhost, [::1]): for tests with a
   * local server. Any other non-https target is refused whatever this says.
   */
  readonly allowInsecureLoopback?: boolean;
}

export interface DownloadOptions extends DownloadTarget {
  /** Where the bytes go; closed on success, aborted (with the error) on failure. */
  readonly to: WritableStream<Uint8Array>;
}

export interface DownloadResult {
  /** Bytes written. */
  readonly bytes: number;
  readonly contentType: string | undefined;
}

/** An operation that answers with a redirect to what it serves (`downloadWorkflowRunLogs`, `downloadWorkflowRunAttemptLogs`). */
export type RedirectingOperation<P> = Operation<P, RedirectResponse<number>>;

/** Storage may redirect again (a CDN); each hop is checked like the first. */
const MAX_HOPS = 5;

/**
 * Streams what a redirecting operation points at into `options.to`. The API call carries the
 * token; the redirect target never does (a new request with no `Authorization`, no cookies, no
 * referrer). A target that is not https is refused, as is an error status or one more hop than 5.
 * Errors name the target's origin and path only: its query is a signature.
 *
 * ```ts
 * await download(gh, downloadWorkflowRunLogs, { owner, repo, run_id }, { to: writable });
 * ```
 */
export async function download<P>(
  client: Client,
  fn: RedirectingOperation<P>,
  params: NoInfer<P>,
  options: DownloadOptions,
): Promise<DownloadResult> {
  if (!fn.spec.redirect) throw new TypeError(`download: ${fn.spec.id} does not answer with a redirect`);
  const { to, maxBytes = 1_073_741_824, timeoutMs = 600_000, signal } = options;
  checkLimit("download: maxBytes", maxBytes);
  checkLimit("download: timeoutMs", timeoutMs);
  const ac = new AbortController();
  const forward = () => ac.abort(signal!.reason);
  signal?.addEventListener("abort", forward);
  const timer = timeoutMs > 0 && timeoutMs <= MAX_DELAY_MS ? setTimeout(() => ac.abort(), timeoutMs) : undefined;
  // What errors name: the API call, then each target without its query (a signature).
  let method: string = fn.spec.method;
  let url = fn.spec.path;
  try {
    signal?.throwIfAborted();
    let { location, status } = await fn(client, params, { signal: ac.signal });
    for (let hop = 1; ; hop++) {
      const target = checkTarget(location, options.allowInsecureLoopback, method, url, status);
      method = "GET";
      url = target.origin + target.pathname;
      const res = await (client.fetch ?? fetch)(target.href, {
        redirect: "manual",
        signal: ac.signal,
        credentials: "omit",
        referrerPolicy: "no-referrer",
        headers: { "user-agent": client.userAgent },
      });
      const h: Record<string, string> = {};
      res.headers.forEach((value, name) => (h[name] = value));
      status = res.status;
      if (status > 299 && status < 400 && h.location && hop < MAX_HOPS) {
        await res.body?.cancel();
        location = new URL(h.location, target).href;
        continue;
      }
      if (status < 200 || status > 299) {
        await res.body?.cancel();
        throw responseError(method, url, status, h, `download failed with status ${status}`);
      }
      if (+h["content-length"]! > maxBytes) {
        await res.body?.cancel();
        throw sizeError(url, status, h, maxBytes);
      }
      const bytes = await pipe(res, to, maxBytes, url, h);
      return { bytes, contentType: h["content-type"] };
    }
  } catch (e) {
    to.abort(e).catch(ignore);
    if (signal?.aborted) throw signal.reason;
    if (ac.signal.aborted) {
      throw requestError(GitHubTimeoutError, method, url, `: download not complete within ${timeoutMs} ms`, {
        timeoutMs,
      });
    }
    throw e;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", forward);
  }
}

/** Copies the body into `to` chunk by chunk, each write awaited, so memory holds one chunk at a time. */
async function pipe(
  res: Response,
  to: WritableStream<Uint8Array>,
  max: number,
  url: string,
  h: Record<string, string>,
): Promise<number> {
  const reader = res.body?.getReader();
  const writer = to.getWriter();
  let size = 0;
  try {
    for (;;) {
      const chunk = reader && (await reader.read());
      if (!chunk || chunk.done) break;
      if ((size += chunk.value.byteLength) > max) throw sizeError(url, res.status, h, max);
      await writer.write(chunk.value);
    }
    await writer.close();
    return size;
  } catch (e) {
    reader?.cancel().catch(ignore);
    writer.abort(e).catch(ignore);
    throw e;
  } finally {
    writer.releaseLock();
  }
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The target as a URL, or a `GitHubResponseError` (of the response that named it) when it is not one, or not https. */
function checkTarget(
  location: string,
  allowLoopback: boolean | undefined,
  method: string,
  from: string,
  status: number,
): URL {
  let url: URL | undefined;
  try {
    url = new URL(location);
  } catch {
    // Reported below.
  }
  const ok = url?.protocol === "https:" || (!!allowLoopback && url?.protocol === "http:" && LOOPBACK.has(url.hostname));
  if (!url || !ok || url.username || url.password) {
    throw responseError(
      method,
      from,
      status,
      {},
      `download target refused: ${url ? `${url.protocol}//${url.host}${url.pathname}` : "not a URL"}; only https (no credentials in the URL) is followed`,
    );
  }
  return url;
}

function sizeError(url: string, status: number, h: Record<string, string>, max: number): GitHubSizeLimitError {
  return responseError(
    "GET",
    url,
    status,
    h,
    `download larger than maxBytes (${max} bytes); not read further`,
    GitHubSizeLimitError,
    { maxResponseBytes: max },
  ) as GitHubSizeLimitError;
}

function ignore(): void {}
