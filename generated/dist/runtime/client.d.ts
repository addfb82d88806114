import type { Client, ClientOptions } from "./types.js";
/**
 * Creates a client.
 *
 * ```ts
 * const gh = createClient({ token: process.env.GITHUB_TOKEN });
 * const { data } = await listWorkflowRunsForRepo(gh, { owner, repo });
 * ```
 */
export declare function createClient(options?: ClientOptions): Client;
