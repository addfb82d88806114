// Loads the JSON response examples extracted from the GitHub docs (fixtures/docs-examples.json).
// Read with fs rather than a JSON import so the module typechecks without resolveJsonModule.
import { readFileSync } from "node:fs";

export type JsonObject = Record<string, unknown>;

const FIXTURE = new URL("./fixtures/docs-examples.json", import.meta.url);

let cache: Record<string, unknown> | undefined;

/** The docs' example for an operation, keyed "METHOD /template"; a fresh deep copy on every call. */
export function docsExample<T = JsonObject>(key: string): T {
  cache ??= JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown>;
  const example = cache[key];
  if (example === undefined) throw new Error(`no docs example for ${key}`);
  return structuredClone(example) as T;
}

export const EXAMPLE = {
  listRuns: "GET /repos/{owner}/{repo}/actions/runs",
  getRun: "GET /repos/{owner}/{repo}/actions/runs/{run_id}",
  approvals: "GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals",
  pendingDeployments: "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments",
  reviewPendingDeployments: "POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments",
  timing: "GET /repos/{owner}/{repo}/actions/runs/{run_id}/timing",
  listGroups: "GET /repos/{owner}/{repo}/actions/concurrency_groups",
  getGroup: "GET /repos/{owner}/{repo}/actions/concurrency_groups/{concurrency_group_name}",
  runGroups: "GET /repos/{owner}/{repo}/actions/runs/{run_id}/concurrency_groups",
} as const;
