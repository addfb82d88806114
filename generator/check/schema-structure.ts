// The shape of one schema and every schema inside it: a schema is an object or a boolean, its
// subschemas are schemas, its lists are lists. openapi-typescript throws a bare TypeError on
// most of these (`items is not iterable`), so they are reported here first, positioned.
import type { CheckContext } from "./context.js";
import { isObject } from "../document/json.js";
import { SCHEMA_LIST_KEYWORDS, SCHEMA_MAP_KEYWORDS, SUBSCHEMA_KEYWORDS } from "../document/schema-keywords.js";

type Report = CheckContext["report"];
type Pointer = (string | number)[];

const TYPES = new Set(["string", "number", "integer", "boolean", "array", "object", "null"]);

/** `a list`, `null`, `a number`: what a value is, for messages. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "missing";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * Titles, summaries and descriptions are text: openapi-typescript calls `.trim()` on them for
 * the JSDoc it writes, and the model reads them as strings.
 */
export function checkText(holder: Record<string, unknown>, at: Pointer, report: Report): void {
  for (const key of ["title", "summary", "description"]) {
    const value = holder[key];
    if (value !== undefined && typeof value !== "string")
      report([...at, key], `${key} must be text, not ${kindOf(value)}`, "quote it if it is meant as text");
  }
}

export function checkSchema(value: unknown, at: Pointer, report: Report): void {
  if (typeof value === "boolean") return;
  if (!isObject(value)) {
    report(
      at,
      `a schema must be an object or a boolean, not ${kindOf(value)}`,
      "e.g. `{ type: integer }`, or `{ type: array, items: { type: integer } }` for a list",
    );
    return;
  }
  if (value.$ref !== undefined) {
    if (typeof value.$ref !== "string")
      report([...at, "$ref"], `$ref must be a string, not ${kindOf(value.$ref)}`, 'e.g. `$ref: "#/components/schemas/Name"`');
    return; // the target is checked where it is written
  }
  checkText(value, at, report);
  const type = value.type;
  if (
    type !== undefined &&
    !(typeof type === "string" ? TYPES.has(type) : Array.isArray(type) && type.length > 0 && type.every((t) => TYPES.has(t as string)))
  ) {
    report([...at, "type"], `unknown schema type ${JSON.stringify(type)}`, `use one of ${[...TYPES].join(", ")}, or a list of them`);
  }
  for (const key of SUBSCHEMA_KEYWORDS) if (value[key] !== undefined) checkSchema(value[key], [...at, key], report);
  for (const key of SCHEMA_MAP_KEYWORDS) {
    const map = value[key];
    if (map === undefined) continue;
    if (!isObject(map)) report([...at, key], `${key} must be an object, not ${kindOf(map)}`, "map each name to its schema");
    else for (const [name, schema] of Object.entries(map)) checkSchema(schema, [...at, key, name], report);
  }
  for (const key of SCHEMA_LIST_KEYWORDS) {
    const list = value[key];
    if (list === undefined) continue;
    if (!Array.isArray(list))
      report(
        [...at, key],
        `${key} must be a list of schemas, not ${kindOf(list)}`,
        `e.g. \`${key}: [{ type: string }, { type: integer }]\``,
      );
    else list.forEach((schema, i) => checkSchema(schema, [...at, key, i], report));
  }
  if (value.enum !== undefined && !Array.isArray(value.enum))
    report([...at, "enum"], `enum must be a list, not ${kindOf(value.enum)}`, "e.g. `enum: [queued, completed]`");
  const required = value.required;
  if (required !== undefined && !(Array.isArray(required) && required.every((r) => typeof r === "string"))) {
    report([...at, "required"], "required must be a list of property names", "e.g. `required: [id, name]`");
  }
  const discriminator = value.discriminator;
  if (
    discriminator !== undefined &&
    !(
      isObject(discriminator) &&
      typeof discriminator.propertyName === "string" &&
      (discriminator.mapping === undefined ||
        (isObject(discriminator.mapping) && Object.values(discriminator.mapping).every((m) => typeof m === "string")))
    )
  ) {
    report(
      [...at, "discriminator"],
      "discriminator must be an object with a string propertyName (and a mapping of strings)",
      "e.g. `discriminator: { propertyName: kind }`",
    );
  }
}
