// Reduces a JSON schema of either OpenAPI version to the facts the drift check compares: its
// types, nullability, format, enum, default, and its fields and items, with refs followed.
// 3.0's `nullable: true`, 3.1's `type: [x, "null"]` and `oneOf: [x, {type: "null"}]` all read
// as `nullable`; `allOf` parts are merged; a union of several shapes reads as one shape whose
// fields are those of any alternative (required only where every alternative requires them).

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Shape {
  /** Sorted JSON types, without "null"; empty for "any value". */
  readonly types: readonly string[];
  readonly nullable: boolean;
  readonly format: string | null;
  /** Sorted, without null; null when the schema has no enum. */
  readonly enum: readonly Json[] | null;
  readonly default: Json | undefined;
  readonly properties: ReadonlyMap<string, Field>;
  readonly items: Shape | null;
  /** The component name of the schema, when it was reached through a ref to components/schemas. */
  readonly name: string | null;
}

export interface Field {
  readonly shape: Shape;
  readonly required: boolean;
}

const SCHEMA_REF = "#/components/schemas/";
/** Inline nesting deeper than any real response: stops a hostile document. */
export const MAX_DEPTH = 64;
const MAX_REF_HOPS = 32;

export const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === "object" && !Array.isArray(value);

/** Follows `$ref`s to `#/components/...` in `document`; the name is the last schema component passed. */
export function follow(document: JsonObject, node: Json | undefined): { node: Json | undefined; name: string | null } {
  let name: string | null = null;
  for (let hops = 0; isObject(node) && typeof node.$ref === "string"; hops++) {
    const ref = node.$ref;
    if (hops >= MAX_REF_HOPS) throw new Error(`$ref chain longer than ${MAX_REF_HOPS} at ${ref}`);
    if (!ref.startsWith("#/")) throw new Error(`$ref ${JSON.stringify(ref)} is not internal to the document`);
    if (ref.startsWith(SCHEMA_REF)) name = ref.slice(SCHEMA_REF.length);
    node = pointerValue(document, ref);
    if (node === undefined) throw new Error(`$ref ${JSON.stringify(ref)} points to nothing`);
  }
  return { node, name };
}

function pointerValue(document: JsonObject, ref: string): Json | undefined {
  let node: Json | undefined = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    node = isObject(node) && Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
  }
  return node;
}

/** Shapes of named schemas, once per document: a schema used in many places is read once. */
const named = new WeakMap<JsonObject, Map<string, Shape>>();

export function shapeOf(document: JsonObject, schema: Json | undefined, seen: readonly string[] = []): Shape {
  const { node, name } = follow(document, schema);
  if (name !== null) {
    const cache = named.get(document) ?? new Map<string, Shape>();
    named.set(document, cache);
    const cached = cache.get(name);
    if (cached) return cached;
    // A schema that contains itself is compared down to where it recurs, not beyond.
    if (seen.includes(name)) return { ...ANY, types: ["object"], name };
    const shape = { ...build(document, node, [...seen, name]), name };
    cache.set(name, shape);
    return shape;
  }
  if (seen.length > MAX_DEPTH) throw new Error(`schema nested deeper than ${MAX_DEPTH} levels inside ${seen.at(-1) ?? "an inline schema"}`);
  return build(document, node, [...seen, ""]);
}

function build(document: JsonObject, node: Json | undefined, seen: readonly string[]): Shape {
  if (!isObject(node)) return ANY;
  const own = ownShape(document, node, seen);
  const parts = Array.isArray(node.allOf) ? node.allOf.map((part) => shapeOf(document, part, seen)) : [];
  const alternatives = [node.oneOf, node.anyOf].flatMap((list) =>
    Array.isArray(list) ? list.map((alt) => shapeOf(document, alt, seen)) : [],
  );
  let shape = parts.reduce(intersect, own);
  if (alternatives.length) shape = intersect(shape, alternatives.reduce(unite));
  return shape;
}

const ANY: Shape = {
  types: [],
  nullable: false,
  format: null,
  enum: null,
  default: undefined,
  properties: new Map(),
  items: null,
  name: null,
};

function ownShape(document: JsonObject, node: JsonObject, seen: readonly string[]): Shape {
  const declared =
    typeof node.type === "string"
      ? [node.type]
      : Array.isArray(node.type)
        ? node.type.filter((t): t is string => typeof t === "string")
        : [];
  const values = Array.isArray(node.enum) ? node.enum : null;
  const required = new Set(Array.isArray(node.required) ? node.required.filter((r): r is string => typeof r === "string") : []);
  const properties = new Map<string, Field>();
  if (isObject(node.properties)) {
    for (const [key, value] of Object.entries(node.properties))
      properties.set(key, { shape: shapeOf(document, value, seen), required: required.has(key) });
  }
  let types = declared.filter((t) => t !== "null");
  if (!types.length && properties.size) types = ["object"];
  return {
    types: [...new Set(types)].sort(),
    nullable: declared.includes("null") || node.nullable === true || (values?.includes(null) ?? false),
    format: typeof node.format === "string" ? node.format : null,
    enum: values ? sortedValues(values.filter((v) => v !== null)) : null,
    default: node.default,
    properties,
    items: node.items === undefined ? null : shapeOf(document, node.items, seen),
    name: null,
  };
}

function sortedValues(values: readonly Json[]): Json[] {
  return [...values].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/** `allOf`: both hold. A part that says nothing about a fact leaves the other's. */
function intersect(a: Shape, b: Shape): Shape {
  const properties = new Map(a.properties);
  for (const [key, field] of b.properties) {
    const other = properties.get(key);
    properties.set(key, other ? { shape: intersect(other.shape, field.shape), required: other.required || field.required } : field);
  }
  return {
    types: a.types.length && b.types.length ? a.types.filter((t) => b.types.includes(t)) : a.types.length ? a.types : b.types,
    // 3.0 puts `nullable` beside an `allOf` of a non-nullable ref: nullable if either says so.
    nullable: a.nullable || b.nullable,
    format: a.format ?? b.format,
    enum: a.enum ?? b.enum,
    default: a.default ?? b.default,
    properties,
    items: a.items && b.items ? intersect(a.items, b.items) : (a.items ?? b.items),
    name: a.name ?? b.name,
  };
}

/** `oneOf` / `anyOf`: any may hold. `{type: "null"}` only adds nullability. */
function unite(a: Shape, b: Shape): Shape {
  if (isNullOnly(a)) return { ...b, nullable: true };
  if (isNullOnly(b)) return { ...a, nullable: true };
  const properties = new Map<string, Field>();
  for (const key of new Set([...a.properties.keys(), ...b.properties.keys()])) {
    const x = a.properties.get(key);
    const y = b.properties.get(key);
    properties.set(
      key,
      x && y ? { shape: unite(x.shape, y.shape), required: x.required && y.required } : { ...(x ?? y)!, required: false },
    );
  }
  return {
    types: a.types.length && b.types.length ? [...new Set([...a.types, ...b.types])].sort() : [],
    nullable: a.nullable || b.nullable,
    format: a.format === b.format ? a.format : null,
    enum: a.enum && b.enum ? sortedValues([...new Set([...a.enum, ...b.enum])]) : null,
    default: a.default,
    properties,
    items: a.items && b.items ? unite(a.items, b.items) : (a.items ?? b.items),
    name: null,
  };
}

function isNullOnly(shape: Shape): boolean {
  return shape.nullable && !shape.types.length && !shape.properties.size && !shape.items && !shape.enum;
}
