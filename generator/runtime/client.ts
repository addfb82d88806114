// The client: options resolved once. The token lives only in a closure, never in a property,
// so JSON.stringify, util.inspect, String() and error objects cannot reveal it.
import type { Client, ClientOptions } from "./types.js";

/**
 * Creates a client.
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
  timeoutMs,
  retry = {},
  fetch,
}: ClientOptions = {}): Client {
  const bearer = (t: string): string | undefined => (t ? "Bearer " + t : undefined);
  const fixed = typeof token === "string" ? bearer(token) : undefined;
  return Object.freeze({
    baseUrl: baseUrl.replace(/\/+$/, ""),
    userAgent,
    timeoutMs,
    retry,
    fetch,
    authenticated: !!token,
    // A token function is called per request so that a refreshed token (e.g. a GitHub App
    // installation token) is always the one sent; a fixed token becomes its header value once.
    authorization: typeof token === "function" ? async () => bearer(await token()) : () => fixed,
  });
}
