// Request validation the way GitHub answers it: 415 for a non-JSON content type, 400 for unparsable
// JSON, 422 for a schema violation (missing required field, wrong type, value outside an enum).
import { githubError, invalidRequest } from "./errors.js";
import type { ApiResponse } from "./types.js";

export interface FieldSpec {
  type: "boolean" | "string" | "integer" | "integer[]";
  required?: boolean;
  enum?: readonly string[];
}

export interface BodySpec {
  fields: Record<string, FieldSpec>;
  /** At least one of these fields must be present (GitHub's oneOf bodies, e.g. state-or-comment). */
  requireOneOf?: readonly string[];
}

export type BodyCheck = { ok: true; value: Record<string, unknown> } | { ok: false; response: ApiResponse };

const JSON_CONTENT_TYPE = /^application\/([\w.+-]*\+)?json\b/i;

/** Parses a raw body leniently for recording: JSON when it parses, raw text otherwise. */
export function parseForRecord(rawBody: string): unknown {
  if (rawBody === "") return undefined;
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return rawBody;
  }
}

function typeError(name: string, value: unknown, spec: FieldSpec): string | undefined {
  const shown = JSON.stringify(value);
  switch (spec.type) {
    case "boolean":
      return typeof value === "boolean" ? undefined : `For 'properties/${name}', ${shown} is not a boolean.`;
    case "string":
      if (typeof value !== "string") return `For 'properties/${name}', ${shown} is not a string.`;
      if (spec.enum && !spec.enum.includes(value)) {
        return `For 'properties/${name}', ${shown} is not one of ${JSON.stringify(spec.enum)}.`;
      }
      return undefined;
    case "integer":
      return Number.isInteger(value) ? undefined : `For 'properties/${name}', ${shown} is not an integer.`;
    case "integer[]":
      if (!Array.isArray(value)) return `For 'properties/${name}', ${shown} is not an array.`;
      return value.every((item) => Number.isInteger(item))
        ? undefined
        : `For 'items', ${JSON.stringify(value.find((item) => !Number.isInteger(item)))} is not an integer.`;
  }
}

function missingMessage(names: string[]): string {
  const quoted = names.map((name) => `"${name}"`).join(", ");
  return names.length === 1 ? `${quoted} wasn't supplied.` : `${quoted} weren't supplied.`;
}

export function checkJsonBody(rawBody: string, contentType: string | undefined, spec: BodySpec, documentationUrl: string): BodyCheck {
  let value: Record<string, unknown> = {};
  if (rawBody.trim() !== "") {
    if (contentType !== undefined && !JSON_CONTENT_TYPE.test(contentType)) {
      return {
        ok: false,
        response: githubError(415, `Unsupported 'Content-Type' header: ${contentType}. Send application/json.`, documentationUrl),
      };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody);
    } catch {
      return { ok: false, response: githubError(400, "Problems parsing JSON", documentationUrl) };
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      return { ok: false, response: githubError(400, "Body should be a JSON object", documentationUrl) };
    }
    value = parsed as Record<string, unknown>;
  }

  const missing = Object.entries(spec.fields)
    .filter(([name, field]) => field.required && value[name] === undefined)
    .map(([name]) => name);
  if (missing.length > 0) return { ok: false, response: invalidRequest(documentationUrl, missingMessage(missing)) };

  for (const [name, field] of Object.entries(spec.fields)) {
    if (value[name] === undefined) continue;
    const error = typeError(name, value[name], field);
    if (error) return { ok: false, response: invalidRequest(documentationUrl, error) };
  }

  if (spec.requireOneOf && !spec.requireOneOf.some((name) => value[name] !== undefined)) {
    return { ok: false, response: invalidRequest(documentationUrl, `${missingMessage([...spec.requireOneOf])} (one of them is required)`) };
  }
  return { ok: true, value };
}

/** A non-negative integer written in decimal, else undefined (path ids, attempt numbers, query ids). */
export function parseId(text: string | null | undefined): number | undefined {
  if (text == null || !/^\d{1,16}$/.test(text)) return undefined;
  return Number(text);
}
