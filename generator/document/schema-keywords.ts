// Where a JSON Schema (OpenAPI 3.1) holds other schemas: the one table that the loader (which
// hoists schemas reached through a $ref) and the checks (which walk every schema) both read.

/** Keywords whose value is one schema: `items: { type: string }`. */
export const SUBSCHEMA_KEYWORDS: readonly string[] = [
  "items",
  "additionalProperties",
  "not",
  "contains",
  "if",
  "then",
  "else",
  "propertyNames",
  "unevaluatedItems",
  "unevaluatedProperties",
  "additionalItems",
  "contentSchema",
];

/** Keywords whose value maps names to schemas: `properties: { id: { type: integer } }`. */
export const SCHEMA_MAP_KEYWORDS: readonly string[] = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];

/** Keywords whose value is a list of schemas: `oneOf: [{ type: string }, { type: integer }]`. */
export const SCHEMA_LIST_KEYWORDS: readonly string[] = ["allOf", "anyOf", "oneOf", "prefixItems"];
