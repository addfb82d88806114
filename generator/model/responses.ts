// Documented responses by status, each classified by what the client does with its body.
import type { ResponseKind, ResponseModel } from "./types.js";
import { deref } from "../document/deref.js";
import { isObject, stringField, type Json } from "../document/json.js";
import { sortBy } from "./order.js";

export function isJsonMediaType(mediaType: string): boolean {
  const base = mediaType.split(";")[0]!.trim().toLowerCase();
  return base === "application/json" || base.endsWith("+json") || base === "*/*";
}

/** The media type whose schema types the result: JSON first, else the first one listed. */
export function pickMediaType(content: unknown): string | undefined {
  if (!isObject(content)) return undefined;
  const types = Object.keys(content);
  return types.find(isJsonMediaType) ?? types[0];
}

function kindOf(status: number, response: Json): { kind: ResponseKind; mediaType?: string } {
  if (status >= 300 && status < 400) return { kind: "redirect" };
  const mediaType = pickMediaType(response.content);
  if (!mediaType || status === 204 || status === 205) return { kind: "empty" };
  if (isJsonMediaType(mediaType)) return { kind: "json", mediaType };
  return { kind: /^text\//i.test(mediaType) ? "text" : "binary", mediaType };
}

export function responseModels(document: Json, responses: unknown): ResponseModel[] {
  if (!isObject(responses)) return [];
  const models: ResponseModel[] = [];
  for (const [code, entry] of Object.entries(responses)) {
    const status = Number(code);
    if (!Number.isInteger(status)) continue; // `default` and `2XX` ranges describe errors or are unused
    const response = deref(document, entry) ?? {};
    const description = stringField(response, "description");
    models.push({ status, ...kindOf(status, response), ...(description ? { description } : {}) });
  }
  return sortBy(models, (r) => r.status);
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 400;
}
