// Turns an emitted operation spec into a callable. Kept out of index.ts: only generated code uses it.
import { request } from "./request.js";
import type { ApiResponse, Client, Operation, OperationSpec, RequestOptions } from "./types.js";

/**
 * `operation(spec)` returns `(client, params, options) => request(client, spec, params, options)`
 * with `spec` attached. The precise type comes from the declaration it is assigned to:
 * `export const listRuns: PaginatedOperation<P, R, Item> = operation({ ... })`.
 */
export function operation<
  O extends Operation<never, unknown, unknown> = Operation<Record<string, unknown>, ApiResponse>,
>(spec: OperationSpec): O {
  const call = (client: Client, params?: object, options?: RequestOptions): Promise<ApiResponse> =>
    request(client, spec, params, options);
  return Object.assign(call, { spec }) as unknown as O;
}
