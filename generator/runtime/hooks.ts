// The seam around one attempt: the client's hooks, throttle, cache and logger, in that order.
// The request core reaches `openAttempt` and `closeAttempt` only through a client's `seams(...)`
// (never by import), so a client without them neither bundles this module nor pays more than one
// property check per attempt.
import { apiError } from "./errors.js";
import type {
  ApiResponse,
  AttemptInfo,
  AttemptOutcome,
  CacheTicket,
  Hooks,
  ResponseHeaders,
  SeamOptions,
  Seams,
} from "./types.js";

/** One attempt in flight: what `closeAttempt` needs to finish it. */
export interface OpenAttempt {
  readonly info: AttemptInfo;
  readonly hooks: readonly Hooks[];
  readonly client: Seams;
  readonly ticket: CacheTicket | undefined;
  /** Gives the throttle's slot back (the request core calls it once, when the response is read). */
  readonly release: (() => void) | undefined;
}

/**
 * Hooks, logger, throttle and cache for `createClient({ seams: seams({ ... }) })`, checked now so
 * that a wrong one is a TypeError here rather than a failure mid-call. The result carries the code
 * that runs them: a client without seams bundles none of this module.
 */
export function seams({ hooks, logger, throttle, cache }: SeamOptions = {}): Seams {
  const list = hooks ? ([] as Hooks[]).concat(hooks) : [];
  const members: [string, unknown][] = [
    ["logger.debug (pass a console-like logger, e.g. console)", logger && (logger.debug ?? 0)],
    ["throttle.acquire (pass what throttle() returns)", throttle && (throttle.acquire ?? 0)],
    ["cache.prepare (pass what memoryCache() or responseCache(store) returns)", cache && (cache.prepare ?? 0)],
  ];
  for (const hook of list)
    for (const name of ["onRequest", "onResponse", "onError"]) members.push([`hooks.${name}`, (hook as never)?.[name]]);
  for (const [what, member] of members)
    if (member !== undefined && typeof member !== "function") throw new TypeError(`seams: ${what} must be a function`);
  return Object.freeze({ hooks: list, logger, throttle, cache, open: openAttempt, close: closeAttempt });
}

/**
 * Before an attempt is sent: runs the `onRequest` hooks on a copy of `headers` (the attempt's own,
 * without the token), then waits for the throttle (abort-aware) and adds the cache's validators.
 * The request core sends `sent`: that copy with the credentials (what `authorized`, the headers
 * after authorization, adds to `headers`) on top, in the `authorized` object itself. The cache keys
 * by that whole request as sent, after the hooks, and the URL with any query credential (`target`).
 */
export async function openAttempt(
  client: Seams,
  own: Hooks | readonly Hooks[] | undefined,
  operationId: string,
  method: string,
  url: string,
  attempt: number,
  headers: Record<string, string>,
  authorized: Record<string, string>,
  target: string,
  signal: AbortSignal | undefined,
): Promise<OpenAttempt> {
  const credentials = addedBy(headers, authorized);
  // A call's own hooks replace the client's.
  const hooks = own ? ([] as Hooks[]).concat(own) : client.hooks;
  const copy = { ...headers };
  const info: AttemptInfo = { operationId, method, url, attempt, headers: copy, startedAt: Date.now() };
  client.logger?.debug(`${operationId}: ${method} ${url} (attempt ${attempt})`);
  // Before the throttle's slot: a hook that calls this client would otherwise wait for the slot its
  // own call holds (a deadlock under `concurrency: 1`). Awaited only when a hook returns something.
  for (const hook of hooks) {
    const done = hook.onRequest?.(info);
    if (done) await done;
  }
  // Into the very object `authorize` filled: the profile knows the credentials it holds by it (a
  // generic API's redirects drop them on another origin).
  for (const name in authorized) if (!(name in copy) && !(name in credentials)) delete authorized[name];
  // `authorized` is the object the request core sends: the hooks' copy with the credentials on top.
  Object.assign(authorized, copy, credentials);
  let release: (() => void) | undefined;
  try {
    release = client.throttle && (await client.throttle.acquire(method, signal));
    // A validator of the caller's or a hook's is a conditional request of their own: not cached.
    const ticket =
      client.cache && method === "GET" && !("if-none-match" in authorized || "if-modified-since" in authorized)
        ? await client.cache.prepare(url, requestIdentity(target, authorized), authorized)
        : undefined;
    // Timed from here: the hooks' and the throttle's time is not the request's.
    (info as { startedAt: number }).startedAt = Date.now();
    return { info, hooks, client, ticket, release };
  } catch (e) {
    release?.();
    // Every onRequest has its end: a call that left the queue (abort, maxQueue) or whose store failed.
    await closeAttempt(
      { info, hooks, client, ticket: undefined, release },
      undefined,
      e,
      undefined,
      {},
      "",
      0,
      undefined,
    );
    throw e;
  }
}

/**
 * What tells one request from another for the cache: the URL sent (a query credential in it) and
 * every header sent, credentials and cookies included, whoever set them, in name order. A header a
 * hook adds per call (a trace id) thus means no hit, never another caller's entry.
 */
function requestIdentity(target: string, sent: Record<string, string>): string {
  return JSON.stringify([target, Object.entries(sent).sort(([a], [b]) => (a < b ? -1 : 1))]);
}

/**
 * After an attempt: answers a 304 from the cache, stores a cacheable 2xx, logs the outcome and
 * runs `onResponse` (success) or `onError` (anything else, retried or not). Returns the call's
 * result, if the attempt has one. The request core passes what it knows as arguments: the keys of
 * one object would be in every bundle, since the core makes the call (24 B gzip).
 *
 * @param result The call's result when the attempt succeeded (a 2xx, a redirect result).
 * @param text The body as text: what the cache keeps of a 2xx, and the error of a status that is
 *   retried (built only here, for the hooks).
 * @param _size Bytes of the body as read (the cache counts what it keeps itself).
 * @param delay The retry's delay, or when the server said to come back (not retried then).
 */
export async function closeAttempt(
  open: OpenAttempt,
  result: ApiResponse | undefined,
  error: unknown,
  status: number | undefined,
  headers: ResponseHeaders,
  text: string,
  _size: number,
  delay: number | Date | undefined,
): Promise<ApiResponse | undefined> {
  const { info, client } = open;
  const retryInMs = typeof delay === "number" ? delay : undefined;
  // The request core resolves a 304 as a bodiless result; with a validator this cache sent, it is the cached data.
  if (status === 304 && open.ticket?.notModified) [result, error] = [open.ticket.notModified(headers), undefined];
  if (result && open.ticket && status! > 199 && status! < 300) result = open.ticket.keep(result, text);
  // A status that will be retried has no error object yet; hooks get the one it would throw.
  if (!result && !error && status) error = apiError(info.method, info.url, status, headers, text, undefined);
  const outcome: AttemptOutcome = {
    ...info,
    durationMs: Date.now() - info.startedAt,
    status,
    responseHeaders: status === undefined ? undefined : headers,
    error: result ? undefined : error,
    retryInMs,
  };
  client.logger?.debug(describe(outcome));
  for (const hook of open.hooks) {
    // Called as methods: a hook object may use `this`.
    const done = result ? hook.onResponse?.(outcome) : hook.onError?.(outcome);
    if (done) await done;
  }
  return result;
}

/**
 * One log line. Our errors' messages never quote a token (request.ts cuts it from a fetch's).
 * Every error the request core hands over is one of ours (a GitHubError).
 */
function describe({ operationId, method, url, attempt, status, durationMs, error, retryInMs }: AttemptOutcome): string {
  return `${operationId}: ${method} ${url} (attempt ${attempt}) ${error ? `failed: ${(error as Error).message}` : status} in ${durationMs} ms${retryInMs === undefined ? "" : `; retry ${attempt} in ${retryInMs} ms`}`;
}

/** The entries of `after` that `before` does not have, or has with another value. */
function addedBy(before: Record<string, string>, after: Record<string, string>): Record<string, string> {
  const added: Record<string, string> = {};
  for (const name in after) if (after[name] !== before[name]) added[name] = after[name]!;
  return added;
}
