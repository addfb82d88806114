// The request body: merged into the flat params when it is a JSON object whose property names
// are free; otherwise passed whole as `params.body`.
import type { BodyModel, ParamModel } from "./types.js";
import { deref } from "../document/deref.js";
import { isObject, type Json } from "../document/json.js";
import { mediaKind, pickMediaType } from "./media-type.js";
import { sortBy } from "./order.js";

export function bodyModel(document: Json, requestBody: unknown, params: readonly ParamModel[]): BodyModel | undefined {
  const body = deref(document, requestBody);
  if (!body) return undefined;
  const mediaType = pickMediaType(body.content);
  if (!mediaType) return undefined;
  const required = body.required === true;
  const kind = mediaKind(mediaType);
  const schema = deref(document, (body.content as Json)[mediaType] && ((body.content as Json)[mediaType] as Json).schema);
  const keys = kind === "json" ? flatKeys(schema) : undefined;
  const taken = new Set(params.map((p) => p.name));
  if (!keys || keys.length === 0 || keys.some((k) => taken.has(k))) return { mediaType, kind, required };
  return { mediaType, kind, required, flatKeys: sortBy(keys, (k) => k) };
}

/** Property names of a plain object schema; undefined for unions, arrays, maps and scalars. */
function flatKeys(schema: Json | undefined): string[] | undefined {
  if (!schema || schema.oneOf || schema.anyOf || schema.allOf || schema.not) return undefined;
  if (schema.additionalProperties && schema.additionalProperties !== false) return undefined;
  const type = schema.type;
  if (type !== undefined && type !== "object") return undefined;
  return isObject(schema.properties) ? Object.keys(schema.properties) : undefined;
}
