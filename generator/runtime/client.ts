// The client: options resolved and checked once. The token lives only in a closure, never in a
// property, so JSON.stringify, util.inspect, String() and error objects cannot reveal it.
import { checkHeaderValue } from "./headers.js";
import { checkSeams } from "./hooks.js";
import { checkLimit } from "./retry.js";
import type { Client, ClientOptions } from "./types.js";

/**
 * Creates a client. Bounded by default: each attempt has 30 s for the whole response
 * (`timeoutMs`), a response body may have 64 MiB (`maxResponseBytes`), and `paginate`/`collect`
 * fetch at most 1,000 pages (`maxPages`). Throws a TypeError, before any request, for a token that
 * cannot be a header value, a `baseUrl` with credentials (neither message quotes the value), or a
 * limit that is not a number ≥ 0.
 *
 * ```ts
 * const gh = createClient({ token: process.env.GITHUB_TOKEN });
 * const { data } = await listWorkflowRunsForRepo(gh, { owner, repo });
 * ```
 */
export function createClient({
  token,
  baseUrl = "https://api.github.com",
  userAgent = "gh-actions-client",
  timeoutMs = 30_000,
  maxResponseBytes = 67_108_864,
  retry = {},
  fetch,
  hooks,
  logger,
  throttle,
  cache,
}: ClientOptions = {}): Client {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    // Reported below, without the text: a malformed URL may still hold a credential.
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new TypeError(
      "createClient: baseUrl must be an http(s) URL with no user:password@, query or fragment (not shown: it may hold a credential)",
    );
  }
  checkHeaderValue("createClient: userAgent", userAgent);
  checkLimit("createClient: timeoutMs", timeoutMs);
  checkLimit("createClient: maxResponseBytes", maxResponseBytes);
  const bearer = (t: unknown): string | undefined => {
    if (typeof t !== "string") throw new TypeError("token: the token function returned " + typeof t);
    checkHeaderValue("token", t);
    return t ? "Bearer " + t : undefined;
  };
  const fixed = typeof token === "string" ? bearer(token) : undefined;
  return Object.freeze({
    // Normalised (dot segments resolved, host lower-cased), so that Link targets compare against it.
    baseUrl: (url.origin + url.pathname).replace(/\/+$/, ""),
    userAgent,
    timeoutMs,
    maxResponseBytes,
    retry,
    fetch,
    authenticated: !!token,
    hooks: checkSeams({ hooks, logger, throttle, cache }),
    logger,
    throttle,
    cache,
    // A token function is called per request so that a refreshed token (e.g. a GitHub App
    // installation token) is always the one sent; a fixed token becomes its header value once.
    authorization: typeof token === "function" ? async () => bearer(await token()) : () => fixed,
  });
}
