// Documented responses by status, each classified by what the client does with its body.
import type { ResponseKind, ResponseModel } from "./types.js";
import { deref } from "../document/deref.js";
import { isObject, stringField, type Json } from "../document/json.js";
import { mediaKind, pickMediaType } from "./media-type.js";
import { sortBy } from "./order.js";

// changes/surface.ts picks the same media type as the model.
export { pickMediaType } from "./media-type.js";

function kindOf(status: number, response: Json): { kind: ResponseKind; mediaType?: string } {
  // 304 Not Modified answers a conditional request: nothing to follow, and no body.
  if (status === 304) return { kind: "empty" };
  if (status >= 300 && status < 400) return { kind: "redirect" };
  const mediaType = pickMediaType(response.content);
  if (!mediaType || status === 204 || status === 205) return { kind: "empty" };
  const kind = mediaKind(mediaType);
  // A form is not something a response is read as: it is bytes like any other.
  return { kind: kind === "json" || kind === "text" ? kind : "binary", mediaType };
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
