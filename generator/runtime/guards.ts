// `isErrorOf(error, operation)`: the type guard that turns a caught `unknown` into the operation's
// documented errors, a union discriminated by `status` with the spec's body type for each.
import { GitHubApiError } from "./errors.js";
import type { ErrorOf, OperationSpec } from "./types.js";

/**
 * Whether `error` is a `GitHubApiError` thrown by a call of `operation` with one of the statuses
 * it documents (and, for a JSON body, a parsed body). An operation that documents no error status
 * matches any of its `GitHubApiError`s.
 * @example if (isErrorOf(e, cancelWorkflowRun) && e.status === 409) console.log(e.body.message);
 */
export function isErrorOf<O extends { readonly spec: OperationSpec }>(
  error: unknown,
  operation: O,
): error is ErrorOf<O> {
  const { id, errors } = operation.spec;
  if (!(error instanceof GitHubApiError) || error.operationId !== id) return false;
  const { status, body } = error;
  return !errors || (errors.includes(status) && typeof body === "object") || errors.includes("" + status);
}
