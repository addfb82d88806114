// The client: options resolved once. The token lives only in a closure, never in a property,
// so JSON.stringify, util.inspect, String() and error objects cannot reveal it.
import type { Client, ClientOptions } from "./types.js";

const inspect = Symbol.for("nodejs.util.inspect.custom");

/**
 * Creates a client.
 *
 * ```ts
 * const gh = createClient({ token: process.env.GITHUB_TOKEN });
 * const { data } = await listWorkflowRunsForRepo(gh, { owner, repo });
 * ```
 */
export function createClient(options: ClientOptions = {}): Client {
  const { token, fetch: customFetch, timeoutMs } = options;
  const baseUrl = (options.baseUrl ?? "https://api.github.com").replace(/\/+$/, "");
  const userAgent = options.userAgent ?? "gh-actions-client";
  const retry = options.retry ?? {};
  // A token function is called per request so that a refreshed token (e.g. a GitHub App
  // installation token) is always the one sent; a fixed token becomes its header value once.
  const bearer = (t: string): string | undefined => (t ? "Bearer " + t : undefined);
  const fixed = typeof token === "string" ? bearer(token) : undefined;
  const authorization =
    typeof token === "function"
      ? (): string | undefined | Promise<string | undefined> => {
          const t = token();
          return typeof t === "string" ? bearer(t) : t.then(bearer);
        }
      : (): string | undefined => fixed;
  // What serialization and inspection show: everything but the token.
  const view = (): object => ({ baseUrl, userAgent, timeoutMs, retry, authenticated: !!token });
  const client = {
    baseUrl,
    userAgent,
    timeoutMs,
    retry,
    // Looked up per call, so a fetch installed or stubbed after createClient is used.
    get fetch(): typeof fetch {
      return customFetch ?? globalThis.fetch;
    },
    authorization,
    toJSON: view,
    [inspect]: view,
  };
  return Object.freeze(client);
}
