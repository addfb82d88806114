// What a media type means to the client, decided here once: every emitter reads the kind from the
// model (a request body's `kind`, a response's `kind`) rather than testing the media type again.
// Parameters (`; charset=utf-8`) and case do not change the kind.
import { isObject } from "../document/json.js";

/**
 * - json: written with JSON.stringify, read with JSON.parse (`application/json`, `*+json`, `*\/*`);
 * - text: a string as is (`text/*`);
 * - form, multipart: an object of fields that the runtime encodes (or a URLSearchParams, a FormData);
 * - binary: anything else, sent and read as bytes or a string the caller gives, such as
 *   `application/octet-stream` or `application/x-ndjson` (JSON lines are not one JSON value).
 */
export type MediaKind = "json" | "text" | "form" | "multipart" | "binary";

export function mediaKind(mediaType: string): MediaKind {
  const base = mediaType.split(";")[0]!.trim().toLowerCase();
  if (base === "application/json" || base.endsWith("+json") || base === "*/*") return "json";
  if (base.startsWith("text/")) return "text";
  if (base === "application/x-www-form-urlencoded") return "form";
  return base === "multipart/form-data" ? "multipart" : "binary";
}

/** The media type whose schema types the content: JSON first, else the first one listed. */
export function pickMediaType(content: unknown): string | undefined {
  if (!isObject(content)) return undefined;
  const types = Object.keys(content);
  return types.find((type) => mediaKind(type) === "json") ?? types[0];
}
