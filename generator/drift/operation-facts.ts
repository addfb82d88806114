// Flattens one operation of a description into facts keyed by where they are, so that two
// descriptions of the same operation compare key by key: its method and path, each parameter,
// the request body, each status with its media types and headers, and every field of every
// body, recursively. Keys read as text: `parameter status`, `response 200 body.workflow_runs[].id`.
import { follow, isObject, shapeOf, type Json, type JsonObject, type Shape } from "./schema-shape.js";

/** The aspects compared; a fact has those that apply to it. */
export type Aspect = "presence" | "path" | "in" | "required" | "type" | "nullable" | "format" | "enum" | "default" | "media";
export const ASPECTS: readonly Aspect[] = ["presence", "path", "in", "required", "type", "nullable", "format", "enum", "default", "media"];

export interface Fact {
  readonly key: string;
  /** The fact this one is nested in; a missing parent already says that its children are missing. */
  readonly parent: string | null;
  readonly values: Partial<Record<Exclude<Aspect, "presence">, Json>>;
  /**
   * Where a deviation names this fact: `<schema>.<field path>` inside a named component schema,
   * `parameter <component>` for a shared parameter, or `<operationId> <key>` otherwise.
   */
  readonly anchor: string;
  /** What the anchors of its fields start with: the schema's name when it is a named one. */
  readonly inside?: string;
}

export interface OperationFacts {
  readonly operationId: string;
  readonly facts: ReadonlyMap<string, Fact>;
}

export const MAX_FACTS = 20_000;
const LOCATIONS = ["path", "query", "header", "cookie"];
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/** Every operation of the document by operationId, with its method and path. */
export function operationsById(
  document: JsonObject,
): Map<string, { method: string; path: string; operation: JsonObject; pathItem: JsonObject }> {
  const found = new Map<string, { method: string; path: string; operation: JsonObject; pathItem: JsonObject }>();
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const pathItem = follow(document, rawItem).node;
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (isObject(operation) && typeof operation.operationId === "string")
        found.set(operation.operationId, { method, path, operation, pathItem });
    }
  }
  return found;
}

export function operationFacts(document: JsonObject, operationId: string): OperationFacts | undefined {
  const entry = operationsById(document).get(operationId);
  if (!entry) return undefined;
  const facts = new Map<string, Fact>();
  const add = (fact: Fact) => {
    // A few hundred for a real operation; a document whose refs fan out is stopped here.
    if (facts.size >= MAX_FACTS)
      throw new Error(`${operationId} has more than ${MAX_FACTS} fields; is a schema referring to itself through many paths?`);
    facts.set(fact.key, fact);
  };
  const own = (key: string) => `${operationId} ${key}`;

  add({ key: "operation", parent: null, values: { path: `${entry.method.toUpperCase()} ${entry.path}` }, anchor: own("operation") });
  const params = parametersOf(document, entry.pathItem, entry.operation);
  // Keyed by name, so that a parameter that moved (query → header) reads as one change of `in`.
  // A name used again in another location (path `id` and query `id`) is keyed with that location.
  const nameOf = (p: Parameter) => (p.in === "header" ? p.name.toLowerCase() : p.name);
  const rank = (p: Parameter) => {
    const index = LOCATIONS.indexOf(p.in);
    return index < 0 ? LOCATIONS.length : index;
  };
  const seen = new Set<string>();
  for (const param of [...params].sort((a, b) => rank(a.value) - rank(b.value))) {
    const name = nameOf(param.value);
    const key = seen.has(name) ? `parameter ${param.value.in} ${name}` : `parameter ${name}`;
    seen.add(name);
    const schema = shapeOf(document, param.value.schema);
    add({
      key,
      parent: null,
      values: { in: param.value.in, required: param.value.required === true, ...schemaValues(schema) },
      anchor: param.component ? `parameter ${param.component}` : own(key),
    });
  }

  const body = follow(document, entry.operation.requestBody).node;
  if (isObject(body)) {
    const content = isObject(body.content) ? body.content : {};
    add({
      key: "request body",
      parent: null,
      values: { required: body.required === true, media: Object.keys(content).sort() },
      anchor: own("request body"),
    });
    const json = jsonSchemaOf(content);
    if (json !== undefined) addShape(add, "request body", "request body", shapeOf(document, json), own("request body"));
  }

  const responses = isObject(entry.operation.responses) ? entry.operation.responses : {};
  for (const [status, raw] of Object.entries(responses)) {
    const response = follow(document, raw).node;
    if (!isObject(response)) continue;
    const statusKey = `status ${status}`;
    const content = isObject(response.content) ? response.content : {};
    add({ key: statusKey, parent: null, values: { media: Object.keys(content).sort() }, anchor: own(statusKey) });
    for (const [name, rawHeader] of Object.entries(isObject(response.headers) ? response.headers : {})) {
      const header = follow(document, rawHeader).node;
      if (!isObject(header)) continue;
      // Header names are case-insensitive; the key uses lower case so `Link` meets `link`.
      const key = `${statusKey} header ${name.toLowerCase()}`;
      add({
        key,
        parent: statusKey,
        values: { required: header.required === true, ...schemaValues(shapeOf(document, header.schema)) },
        anchor: own(key),
      });
    }
    const json = jsonSchemaOf(content);
    if (json !== undefined) addShape(add, `response ${status} body`, statusKey, shapeOf(document, json), own(`response ${status} body`));
  }
  return { operationId, facts };
}

/** A parameter object with the name and location that identify it. */
type Parameter = JsonObject & { readonly name: string; readonly in: string };

/** Path-item parameters overridden by the operation's own (by name and location); one without a name or location is left out. */
function parametersOf(document: JsonObject, pathItem: JsonObject, operation: JsonObject): { value: Parameter; component: string | null }[] {
  const merged = new Map<string, { value: Parameter; component: string | null }>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const ref = isObject(raw) && typeof raw.$ref === "string" ? raw.$ref : "";
      const value = follow(document, raw).node;
      if (!isParameter(value)) continue;
      const component = ref.startsWith("#/components/parameters/") ? ref.slice("#/components/parameters/".length) : null;
      merged.set(`${value.in} ${value.in === "header" ? value.name.toLowerCase() : value.name}`, { value, component });
    }
  }
  return [...merged.values()];
}

function isParameter(value: Json | undefined): value is Parameter {
  return isObject(value) && typeof value.name === "string" && typeof value.in === "string";
}

function jsonSchemaOf(content: JsonObject): Json | undefined {
  const media = Object.entries(content).find(([type]) => /^application\/(.+\+)?json\b/.test(type))?.[1];
  return isObject(media) ? media.schema : undefined;
}

export function schemaValues(shape: Shape): Fact["values"] {
  return {
    type: shape.types.length ? shape.types.join("|") : "any",
    nullable: shape.nullable,
    format: shape.format,
    enum: shape.enum ? [...shape.enum] : null,
    ...(shape.default === undefined ? {} : { default: shape.default }),
  };
}

/** One fact for the schema at `key`, then one per field and items, depth first. */
function addShape(add: (fact: Fact) => void, key: string, parent: string, shape: Shape, anchor: string, required?: boolean): void {
  const values = { ...schemaValues(shape), ...(required === undefined ? {} : { required }) };
  // The fact itself is about the field (`workflow-run.actor` is required); what is inside a
  // named schema is about that schema (`simple-user.login`), wherever it is used.
  const here = shape.name ?? anchor;
  add({ key, parent, values, anchor, inside: here });
  for (const [name, field] of [...shape.properties].sort(([a], [b]) => (a < b ? -1 : 1))) {
    addShape(add, `${key}.${name}`, key, field.shape, `${here}.${name}`, field.required);
  }
  if (shape.items) addShape(add, `${key}[]`, key, shape.items, `${here}[]`);
}
