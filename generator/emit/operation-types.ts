// The type expressions of one operation: params, result union, item and error types. They index
// into openapi-typescript's `paths`, so that every schema is written once, in src/types.ts.
import type { BodyModel, OperationModel } from "../model/types.js";
import type { TypeNode } from "./ts.js";
import { arrayType, generic, indexed, indexedBy, intersection, keyOf, literalType, mapped, typeLiteral, typeName, union } from "./ts.js";

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
export function operationType(op: OperationModel): TypeNode {
  return indexed(typeName("paths"), op.path, op.method.toLowerCase());
}

export function paramsType(op: OperationModel, names: OperationTypeNames): TypeNode {
  const parts: TypeNode[] = [];
  for (const location of ["path", "query", "header", "cookie"] as const) {
    const params = op.params[location];
    if (!params.length) continue;
    const part = indexed(typeName(names.op), "parameters", location);
    parts.push(params.some((p) => p.required) ? part : generic("NonNullable", part));
  }
  if (op.body) {
    const content = indexed(generic("NonNullable", indexed(typeName(names.op), "requestBody")), "content", op.body.mediaType);
    if (op.body.flatKeys) parts.push(op.body.required ? content : generic("Partial", content));
    else parts.push(typeLiteral([{ key: "body", optional: !op.body.required, type: wholeBody(op.body, content) }]));
  }
  return intersection(parts);
}

/**
 * The type of a body passed whole, by how the runtime sends it (the writer operation-spec.ts
 * names for the same kind). JSON and text: the schema's type. A form: a FormData or
 * URLSearchParams as is, or an object of the schema's fields that the runtime converts, where
 * a multipart field may be a file (openapi-typescript types `format: binary` as a string).
 * Any other media type is sent as given: raw bytes, or a string.
 */
function wholeBody(body: BodyModel, content: TypeNode): TypeNode {
  const blob = typeName("Blob");
  switch (body.kind) {
    case "json":
    case "text":
      return content;
    case "multipart":
      return union([typeName("FormData"), mapped("K", keyOf(content), union([indexedBy(content, typeName("K")), blob, arrayType(blob)]))]);
    case "form":
      return union([typeName("URLSearchParams"), content]);
    case "binary":
      return union(["Blob", "ArrayBuffer", "ArrayBufferView", "string"].map(typeName));
  }
}

export function responseType(op: OperationModel, names: OperationTypeNames): TypeNode {
  const outcomes = op.responses
    .filter((r) => r.status >= 200 && r.status < 400)
    .map((r) => {
      const status = literalType(r.status);
      if (r.kind === "redirect") return generic("RedirectResponse", status);
      const data =
        r.kind === "json"
          ? indexed(typeName(names.op), "responses", r.status, "content", r.mediaType!)
          : r.kind === "text"
            ? typeName("string")
            : r.kind === "binary"
              ? typeName("ArrayBuffer")
              : typeName("undefined");
      return generic("ApiResponse", status, data);
    });
  return union(outcomes, generic("ApiResponse", typeName("number"), typeName("unknown")));
}

/** The element type of the items array, from the first JSON success response. */
export function itemType(op: OperationModel, names: OperationTypeNames): TypeNode | undefined {
  if (!op.pagination) return undefined;
  const ok = op.responses.find((r) => r.status >= 200 && r.status < 300 && r.kind === "json");
  if (!ok) return undefined;
  const data = indexed(typeName(names.op), "responses", ok.status, "content", ok.mediaType!);
  // An items array may be optional in the schema; its element type is the same either way.
  const list = op.pagination.itemsKey === null ? data : generic("NonNullable", indexed(data, op.pagination.itemsKey));
  return indexedBy(list, typeName("number"));
}

/**
 * One `GitHubApiError<status, body>` per documented error status, so that checking `status`
 * narrows `body` to the spec's schema for it; `GitHubApiError<number>` when none is documented.
 * An error body is read as text when not JSON (a binary one too), and is undefined when empty.
 */
export function errorType(op: OperationModel, names: OperationTypeNames): TypeNode {
  const errors = op.responses.filter((r) => r.status >= 400);
  if (!errors.length) return generic("GitHubApiError", typeName("number"));
  return union(
    errors.map((r) => {
      const body =
        r.kind === "json"
          ? indexed(typeName(names.op), "responses", r.status, "content", r.mediaType!)
          : typeName(r.kind === "empty" ? "undefined" : "string");
      return generic("GitHubApiError", literalType(r.status), body);
    }),
  );
}
