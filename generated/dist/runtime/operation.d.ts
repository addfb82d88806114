import type { ApiResponse, Operation, OperationSpec } from "./types.js";
/**
 * `operation(spec)` returns `(client, params, options) => request(client, spec, params, options)`
 * with `spec` attached. The precise type comes from the declaration it is assigned to:
 * `export const listRuns: PaginatedOperation<P, R, Item> = operation({ ... })`.
 */
export declare function operation<O extends Operation<never, unknown> = Operation<Record<string, unknown>, ApiResponse>>(spec: OperationSpec): O;
