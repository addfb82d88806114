// The client: options resolved and checked once. Credentials live only in a closure (profile.ts),
// never in a property, so JSON.stringify, util.inspect, String() and error objects cannot reveal them.
import { checkHeaderValue } from "./headers.js";
import { credentials, DEFAULT_BASE_URL, DEFAULT_USER_AGENT } from "./profile.js";
import { checkLimit } from "./retry.js";
import type { Client, ClientArgs } from "./types.js";

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
// The assertion is needed where the options are required (an API without servers): never defaulted there.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
export function createClient(...[options = {} as NonNullable<ClientArgs[0]>]: ClientArgs): Client {
  // First: in an API whose description names no server, it reports a missing baseUrl.
  const auth = credentials(options);
  const {
    baseUrl = DEFAULT_BASE_URL,
    userAgent = DEFAULT_USER_AGENT,
    timeoutMs = 30_000,
    maxResponseBytes = 67_108_864,
    retry = {},
    seams,
  } = options;
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
  // These were createClient options before seams(): ignored silently, a throttle would be lost.
  for (const name of ["hooks", "logger", "throttle", "cache"])
    if (name in options) throw new TypeError(`createClient: ${name} goes into seams({ ${name} })`);
  return Object.freeze({
    // Normalised (dot segments resolved, host lower-cased), so that Link targets compare against it.
    baseUrl: (url.origin + url.pathname).replace(/\/+$/, ""),
    userAgent,
    timeoutMs,
    maxResponseBytes,
    retry,
    // `authenticated`, `authorize` and `fetch`: the profile's.
    ...auth,
    seams,
  });
}
