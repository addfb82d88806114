// How a list operation pages: from `x-pagination` when the spec says, otherwise inferred from a
// `page` or `after`/`before` parameter and a response that is, or holds, one array.
import type { PaginationSpec } from "../runtime/types.js";
import type { ParamModel, ResponseModel } from "./types.js";
import { deref } from "../document/deref.js";
import { isObject, type Json } from "../document/json.js";

export const PAGINATION_STYLES: readonly string[] = ["page", "cursor"];

export function successSchema(document: Json, operation: Json, responses: readonly ResponseModel[]): Json | undefined {
  const ok = responses.find((r) => r.status >= 200 && r.status < 300 && r.kind === "json");
  if (!ok?.mediaType) return undefined;
  const response = deref(document, (operation.responses as Json)[String(ok.status)]);
  const media = response && isObject(response.content) ? (response.content[ok.mediaType] as Json | undefined) : undefined;
  return deref(document, media?.schema);
}

export function isArraySchema(document: Json, schema: unknown): boolean {
  const resolved = deref(document, schema);
  const type = resolved?.type;
  return type === "array" || (Array.isArray(type) && type.includes("array"));
}

export function paginationOf(
  document: Json,
  operation: Json,
  query: readonly ParamModel[],
  responses: readonly ResponseModel[],
): PaginationSpec | undefined {
  const names = new Set(query.map((p) => p.name));
  const backward = names.has("before");
  const declared = operation["x-pagination"];
  if (isObject(declared)) {
    const cap =
      typeof declared.resultCap === "number"
        ? {
            resultCap: declared.resultCap,
            cappedBy: (declared.cappedBy as string[] | undefined) ?? [],
            ...(declared.splitBy === "created" ? { splitBy: "created" as const } : {}),
          }
        : {};
    return {
      style: declared.style as PaginationSpec["style"],
      itemsKey: typeof declared.itemsKey === "string" ? declared.itemsKey : null,
      ...(backward ? { backward } : {}),
      ...cap,
    };
  }
  if (operation["x-pagination"] === false) return undefined;
  const style = names.has("page") ? "page" : names.has("after") || backward ? "cursor" : undefined;
  if (!style) return undefined;
  const schema = successSchema(document, operation, responses);
  if (!schema) return undefined;
  if (isArraySchema(document, schema)) return { style, itemsKey: null, ...(backward ? { backward } : {}) };
  const properties = isObject(schema.properties) ? schema.properties : {};
  const arrays = Object.keys(properties).filter((k) => isArraySchema(document, properties[k]));
  if (arrays.length !== 1 || !("total_count" in properties || Object.keys(properties).length === 1)) return undefined;
  return { style, itemsKey: arrays[0]!, ...(backward ? { backward } : {}) };
}
