// The type expressions of one operation: params, result union, item and error types. They index
// into openapi-typescript's `paths`, so that every schema is written once, in src/types.ts.
import type { OperationModel } from "../model/types.js";
import { isJsonMediaType } from "../model/responses.js";
import { generic, indexed, intersection, union } from "./ts.js";

export interface OperationTypeNames {
  readonly op: string;
  readonly params: string;
  readonly response: string;
  readonly item: string;
  readonly error: string;
}

export function typeNames(op: OperationModel): OperationTypeNames {
  const t = op.typeName;
  return { op: `${t}Operation`, params: `${t}Params`, response: `${t}Response`, item: `${t}Item`, error: `${t}Error` };
}

/** `paths["/repos/{owner}/{repo}"]["get"]`: the operation in openapi-typescript's output. */
export function operationType(op: OperationModel): string {
  return indexed("paths", op.path, op.method.toLowerCase());
}

export function paramsType(op: OperationModel, names: OperationTypeNames): string {
  const parts: string[] = [];
  for (const location of ["path", "query", "header", "cookie"] as const) {
    const params = op.params[location];
    if (!params.length) continue;
    const part = indexed(names.op, "parameters", location);
    parts.push(params.some((p) => p.required) ? part : generic("NonNullable", part));
  }
  if (op.body) {
    const content = indexed(generic("NonNullable", indexed(names.op, "requestBody")), "content", op.body.mediaType);
    if (op.body.flatKeys) parts.push(op.body.required ? content : generic("Partial", content));
    else parts.push(`{ body${op.body.required ? "" : "?"}: ${wholeBody(op.body.mediaType, content)} }`);
  }
  return intersection(parts);
}

/**
 * The type of a body passed whole, by how the runtime sends it (request.ts, which tells the
 * media types apart the same way). JSON and text: the schema's type. A form: a FormData or
 * URLSearchParams as is, or an object of the schema's fields that the runtime converts, where
 * a multipart field may be a file (openapi-typescript types `format: binary` as a string).
 * Any other media type is sent as given: raw bytes, or a string.
 */
function wholeBody(mediaType: string, content: string): string {
  if (isJsonMediaType(mediaType) || mediaType.includes("json") || mediaType.startsWith("text/")) return content;
  if (mediaType.startsWith("multipart/form-data")) return `FormData | { [K in keyof ${content}]: ${content}[K] | Blob | Blob[] }`;
  if (mediaType.startsWith("application/x-www-form-urlencoded")) return `URLSearchParams | ${content}`;
  return "Blob | ArrayBuffer | ArrayBufferView | string";
}

export function responseType(op: OperationModel, names: OperationTypeNames): string {
  const outcomes = op.responses
    .filter((r) => r.status >= 200 && r.status < 400)
    .map((r) => {
      if (r.kind === "redirect") return generic("RedirectResponse", String(r.status));
      const data =
        r.kind === "json" ? indexed(names.op, "responses", r.status, "content", r.mediaType!)
        : r.kind === "text" ? "string"
        : r.kind === "binary" ? "ArrayBuffer"
        : "undefined";
      return generic("ApiResponse", String(r.status), data);
    });
  return union(outcomes, generic("ApiResponse", "number", "unknown"));
}

/** The element type of the items array, from the first JSON success response. */
export function itemType(op: OperationModel, names: OperationTypeNames): string | undefined {
  if (!op.pagination) return undefined;
  const ok = op.responses.find((r) => r.status >= 200 && r.status < 300 && r.kind === "json");
  if (!ok) return undefined;
  const data = indexed(names.op, "responses", ok.status, "content", ok.mediaType!);
  // An items array may be optional in the schema; its element type is the same either way.
  const list = op.pagination.itemsKey === null ? data : generic("NonNullable", indexed(data, op.pagination.itemsKey));
  return `${list}[number]`;
}

export function errorType(op: OperationModel): string {
  const statuses = op.responses.filter((r) => r.status >= 400).map((r) => String(r.status));
  return generic("GitHubApiError", statuses.length ? union(statuses) : "number");
}
