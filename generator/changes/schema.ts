// Schemas seen the way the API surface needs them: a type name, nullability, enum values, and
// the properties and items to descend into. `$ref`s are followed within the bundled document;
// `allOf` merges, `oneOf`/`anyOf` unite. Recursion stops at a `$ref` already on the way (and at
// MAX_DEPTH levels of nesting), so a self-referencing schema gives a finite list of fields.
import { createHash } from "node:crypto";
import { getAt, parsePointer } from "../load/json-pointer.js";
import { MAX_REF_HOPS } from "../document/deref.js";
import { isObject, type Json } from "../document/json.js";
import { compareText } from "../model/order.js";

/** Nesting levels of a field path (`a.b[].c` is 3) beyond which fields are not listed. */
export const MAX_DEPTH = 8;

/**
 * Fields listed for one body or response at most, and for the whole surface. Without a bound,
 * objects that nest other large objects grow the lists exponentially with MAX_DEPTH: Stripe's
 * description ran for minutes and gigabytes (issue 14's corpus). GitHub's largest list has 1,219
 * fields, and its surface 83,665. Past a bound the surface lists no more fields, so a change
 * there is not seen as an API change.
 */
export const MAX_FIELDS = 2_000;
export const MAX_SURFACE_FIELDS = 150_000;

/** One field of a body or response, flattened: `workflow_runs[].head_commit.message`. */
export interface SurfaceField {
  readonly name: string;
  /** `string`, `integer`, `object`, `string[]`, `integer | string`, `unknown`, … */
  readonly type: string;
  readonly required: boolean;
  readonly nullable: boolean;
  readonly enum?: readonly string[];
  /** A short hash of the description: enough to tell that the docs changed. */
  readonly doc?: string;
}

/** A schema and the `$ref`s followed to reach it. */
interface Node {
  readonly schema: unknown;
  readonly refs: ReadonlySet<string>;
}

interface View {
  readonly types: Set<string>;
  nullable: boolean;
  readonly enumValues: Set<string>;
  readonly properties: Map<string, { nodes: Node[]; required: boolean }>;
  readonly items: Node[];
  description?: string;
}

const emptyView = (): View => ({
  types: new Set(),
  nullable: false,
  enumValues: new Set(),
  properties: new Map(),
  items: [],
});

const enumText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** Short, stable fingerprint of a description. */
export function docHash(text: string | undefined): string | undefined {
  return text ? createHash("sha256").update(text).digest("hex").slice(0, 10) : undefined;
}

function lookup(document: Json, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  const got = getAt(document, parsePointer(ref.slice(1)));
  return got.found ? got.value : undefined;
}

/** The view of several schemas that may each apply (oneOf, anyOf, a property in several branches). */
export function viewOf(document: Json, nodes: readonly Node[]): View {
  if (nodes.length === 1) return collect(document, nodes[0]!, emptyView(), true);
  return unite(nodes.map((node) => collect(document, node, emptyView(), true)));
}

/** Adds what `node` says to `into`. `expand: false` keeps the types but not the children (recursion). */
function collect(document: Json, { schema, refs }: Node, into: View, expand: boolean): View {
  if (schema === true || (isObject(schema) && Object.keys(schema).length === 0)) {
    into.types.add("unknown");
    return into;
  }
  if (!isObject(schema)) return into;
  if (typeof schema.description === "string") into.description ??= schema.description;
  if (typeof schema.$ref === "string") {
    const ref = schema.$ref;
    const target = lookup(document, ref);
    if (target === undefined) into.types.add("unknown");
    else if (!refs.has(ref) && refs.size < MAX_REF_HOPS)
      collect(document, { schema: target, refs: new Set(refs).add(ref) }, into, expand); // a bound on the stack too
    else if (expand) collect(document, { schema: target, refs }, into, false); // recursion: its type, not its fields
    return into;
  }
  if (schema.nullable === true) into.nullable = true;
  for (const type of Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type]) {
    if (type === "null") into.nullable = true;
    else if (typeof type === "string") into.types.add(type);
  }
  const values = Array.isArray(schema.enum) ? schema.enum : "const" in schema ? [schema.const] : [];
  for (const value of values) {
    if (value === null) into.nullable = true;
    else into.enumValues.add(enumText(value));
  }
  if (isObject(schema.properties)) {
    if (schema.type === undefined) into.types.add("object");
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    if (expand) {
      for (const [name, property] of Object.entries(schema.properties)) {
        const entry = into.properties.get(name) ?? { nodes: [], required: false };
        entry.nodes.push({ schema: property, refs });
        entry.required ||= required.has(name);
        into.properties.set(name, entry);
      }
    }
  }
  if (schema.items !== undefined && expand) into.items.push({ schema: schema.items, refs });
  if (Array.isArray(schema.allOf)) for (const part of schema.allOf) collect(document, { schema: part, refs }, into, expand);
  const choices = [schema.oneOf, schema.anyOf].filter(Array.isArray).flat();
  if (choices.length) merge(into, unite(choices.map((part) => collect(document, { schema: part, refs }, emptyView(), expand))));
  return into;
}

/** A union: any type, any value; a property is required only where every object branch requires it. */
function unite(views: View[]): View {
  const out = emptyView();
  const objects = views.filter((v) => v.properties.size > 0);
  for (const view of views) merge(out, view);
  for (const [name, entry] of out.properties) {
    entry.required = objects.every((v) => v.properties.get(name)?.required === true);
  }
  return out;
}

function merge(into: View, from: View): void {
  for (const type of from.types) into.types.add(type);
  into.nullable ||= from.nullable;
  for (const value of from.enumValues) into.enumValues.add(value);
  for (const [name, entry] of from.properties) {
    const mine = into.properties.get(name);
    if (mine) {
      mine.nodes.push(...entry.nodes);
      mine.required ||= entry.required;
    } else into.properties.set(name, { nodes: [...entry.nodes], required: entry.required });
  }
  into.items.push(...from.items);
  into.description ??= from.description;
}

/** `integer`, `string[]`, `(integer | string)[]`, `boolean | string`; `unknown` when the schema says nothing. */
export function typeName(document: Json, view: View, depth = 0): string {
  const names = [...view.types].map((type) => {
    if (type !== "array") return type;
    const items = view.items.length && depth < MAX_DEPTH ? typeName(document, viewOf(document, view.items), depth + 1) : "unknown";
    return `${items.includes(" | ") ? `(${items})` : items}[]`;
  });
  return names.length ? names.sort(compareText).join(" | ") : "unknown";
}

export function enumOf(view: View): readonly string[] | undefined {
  return view.enumValues.size ? [...view.enumValues].sort(compareText) : undefined;
}

/** The fields of a body or response schema, as flattened paths, sorted. */
export function flattenFields(document: Json, schema: unknown, maxFields = MAX_FIELDS): SurfaceField[] {
  const fields: SurfaceField[] = [];
  const descend = (view: View, path: string, depth: number): void => {
    if (depth >= MAX_DEPTH) return;
    for (const [name, property] of view.properties) {
      if (fields.length >= maxFields) return;
      const child = viewOf(document, property.nodes);
      const fieldPath = path ? `${path}.${name}` : name;
      const values = enumOf(child);
      const doc = docHash(child.description);
      fields.push({
        name: fieldPath,
        type: typeName(document, child),
        required: property.required,
        nullable: child.nullable,
        ...(values ? { enum: values } : {}),
        ...(doc ? { doc } : {}),
      });
      descend(child, fieldPath, depth + 1);
    }
    // Array items: `runs[].id`; arrays of arrays: `matrix[][]`.
    if (view.types.has("array") && view.items.length) descend(viewOf(document, view.items), `${path}[]`, depth + 1);
  };
  descend(viewOf(document, [{ schema, refs: new Set() }]), "", 0);
  return fields.sort((a, b) => compareText(a.name, b.name));
}

/** Type, nullability and enum of one schema (a parameter's), without its fields. */
export function describeSchema(document: Json, schema: unknown): { type: string; nullable: boolean; enum?: readonly string[] } {
  const view = viewOf(document, [{ schema, refs: new Set() }]);
  // An array parameter's enum is its items' enum (`?status=a&status=b`).
  const values = enumOf(view) ?? (view.types.has("array") && view.items.length ? enumOf(viewOf(document, view.items)) : undefined);
  return { type: typeName(document, view), nullable: view.nullable, ...(values ? { enum: values } : {}) };
}
