// The runtime's description of one operation (an OperationSpec literal): only what the request
// core and the pagination helpers read at run time.
import type { OperationSpec } from "../runtime/types.js";
import type { OperationModel } from "../model/types.js";
import { isJsonMediaType } from "../model/responses.js";

export function operationSpec(op: OperationModel): OperationSpec & { redirect?: true } {
  const names = (list: readonly { name: string }[]) => list.map((p) => p.name);
  const headers = [...op.params.header.map((p) => [p.name, p.name] as const)];
  const spec: Record<string, unknown> = { id: op.id, method: op.method, path: op.path };
  if (op.params.path.length) spec.pathParams = names(op.params.path);
  if (op.params.query.length) spec.queryParams = names(op.params.query);
  if (headers.length) spec.headerParams = headers;
  if (op.params.cookie.length) spec.cookieParams = names(op.params.cookie);
  if (op.body) {
    spec.bodyParams = op.body.flatKeys ?? "body";
    if (!isJsonMediaType(op.body.mediaType)) spec.bodyType = op.body.mediaType;
  }
  if (op.apiVersion) spec.apiVersion = op.apiVersion;
  if (op.responses.some((r) => r.kind === "redirect")) spec.redirect = true;
  if (op.pagination) spec.pagination = op.pagination;
  return spec as unknown as OperationSpec & { redirect?: true };
}
