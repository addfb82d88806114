const inspect = Symbol.for("nodejs.util.inspect.custom");
/**
 * Creates a client.
 *
 * ```ts
 * const gh = createClient({ token: process.env.GITHUB_TOKEN });
 * const { data } = await listWorkflowRunsForRepo(gh, { owner, repo });
 * ```
 */
export function createClient(options = {}) {
    const { token, fetch: customFetch, timeoutMs } = options;
    const baseUrl = (options.baseUrl ?? "https://api.github.com").replace(/\/+$/, "");
    const userAgent = options.userAgent ?? "gh-actions-client";
    const retry = options.retry ?? {};
    // A token function is called per request so that a refreshed token (e.g. a GitHub App
    // installation token) is always the one sent; a fixed token becomes its header value once.
    const bearer = (t) => (t ? "Bearer " + t : undefined);
    const fixed = typeof token === "string" ? bearer(token) : undefined;
    const authorization = typeof token === "function"
        ? () => {
            const t = token();
            return typeof t === "string" ? bearer(t) : t.then(bearer);
        }
        : () => fixed;
    // What serialization and inspection show: everything but the token.
    const view = () => ({ baseUrl, userAgent, timeoutMs, retry, authenticated: !!token });
    const client = {
        baseUrl,
        userAgent,
        timeoutMs,
        retry,
        // Looked up per call, so a fetch installed or stubbed after createClient is used.
        get fetch() {
            return customFetch ?? globalThis.fetch;
        },
        authorization,
        toJSON: view,
        [inspect]: view,
    };
    return Object.freeze(client);
}
