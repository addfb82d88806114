// The runtime's description of one operation (an OperationSpec literal): only what the request
// core and the pagination helpers read at run time. Optional fields are left out when they hold
// the runtime's default, which keeps the literals, and the bundle, small.
import type { OperationSpec } from "../runtime/types.js";
import type { OperationModel, ParamModel } from "../model/types.js";
import { isJsonMediaType } from "../model/responses.js";

export function operationSpec(op: OperationModel): OperationSpec & { redirect?: true } {
  const names = (list: readonly { name: string }[]) => list.map((p) => p.name);
  const headers = [...op.params.header.map((p) => [p.name, p.name] as const)];
  const spec: Record<string, unknown> = { id: op.id, method: op.method, path: op.path };
  if (op.params.path.length) spec.pathParams = names(op.params.path);
  const pathStyles = styles(op.params.path);
  if (pathStyles) spec.pathStyles = pathStyles;
  if (op.params.query.length) spec.queryParams = names(op.params.query);
  const queryStyles = styles(op.params.query);
  if (queryStyles) spec.queryStyles = queryStyles;
  if (headers.length) spec.headerParams = headers;
  if (op.params.cookie.length) spec.cookieParams = names(op.params.cookie);
  if (op.body) {
    spec.bodyParams = op.body.flatKeys ?? "body";
    if (!isJsonMediaType(op.body.mediaType)) spec.bodyType = op.body.mediaType;
  }
  // Only a binary 2xx is read as bytes; every other operation reads text, as before.
  if (op.responses.some((r) => r.kind === "binary" && r.status >= 200 && r.status < 300)) spec.binary = true;
  if (op.apiVersion) spec.apiVersion = op.apiVersion;
  if (op.responses.some((r) => r.kind === "redirect")) spec.redirect = true;
  if (op.pagination) spec.pagination = op.pagination;
  return spec as unknown as OperationSpec & { redirect?: true };
}

/** `{ name: style }` for the params that have a style other than the runtime's default. */
function styles(params: readonly ParamModel[]): Record<string, string> | undefined {
  const styled = params.filter((p) => p.style);
  return styled.length ? Object.fromEntries(styled.map((p) => [p.name, p.style!])) : undefined;
}
