// The document has the shape the generator walks: path items, operations, parameters, request
// bodies, responses, media types, headers and schemas are objects where the rest of the pipeline
// expects objects, lists where it expects lists. A value of the wrong kind is reported where it
// is written, instead of surfacing as a TypeError deep inside openapi-typescript or the model.
// Only what the generator reads is checked; a full OpenAPI validation is Redocly's job.
import type { Check, CheckContext } from "./context.js";
import { isObject, type Json } from "../document/json.js";
import { METHODS } from "../document/operations.js";
import { checkSchema, checkText, kindOf } from "./schema-structure.js";

type Report = CheckContext["report"];
type Pointer = (string | number)[];

const LOCATIONS = ["path", "query", "header", "cookie"];
/** What a value of each kind looks like, for the hint under "must be an object". */
const EXAMPLES: Record<string, string> = {
  "a path item": "map methods to operations, e.g. `get: { operationId: ..., responses: ... }`",
  "an operation": 'e.g. `{ operationId: list-things, responses: { "200": { description: OK } } }`',
  "a parameter": "e.g. `{ name: page, in: query, schema: { type: integer } }`",
  "a response": "e.g. `{ description: OK, content: { application/json: { schema: ... } } }`",
  "a request body": "e.g. `{ required: true, content: { application/json: { schema: ... } } }`",
  "a header": "e.g. `{ schema: { type: string } }`",
  "a media type": "e.g. `application/json: { schema: { type: object } }`",
};
const STATUS = /^([1-5]\d\d|[1-5][Xx][Xx]|default)$/;

export const checkStructure: Check = ({ document, report }) => {
  const walk = new Walker(report);
  if (document.paths !== undefined && isObject(document.paths)) {
    for (const [path, item] of Object.entries(document.paths)) {
      if (!path.startsWith("/")) report(["paths", path], `path "${path}" must start with "/"`, "write it as `/things/{id}`");
      walk.pathItem(item, ["paths", path]);
    }
  } else if (document.paths !== undefined && isObject(document.webhooks)) {
    report(
      ["paths"],
      `paths must be an object, not ${kindOf(document.paths)}`,
      "map each path to its path item, e.g. `/things: { get: ... }`",
    );
  }
  if (isObject(document.webhooks)) for (const [name, item] of Object.entries(document.webhooks)) walk.pathItem(item, ["webhooks", name]);
  if (document.components !== undefined) walk.components(document.components);
};

class Walker {
  constructor(private readonly report: Report) {}

  /** An object, or a `{ $ref }` to one; returns the object when its fields should be checked. */
  private object(value: unknown, at: Pointer, what: string): Json | undefined {
    if (!isObject(value)) {
      this.report(at, `${what} must be an object, not ${kindOf(value)}`, EXAMPLES[what] ?? "write it as a mapping of keys to values");
      return undefined;
    }
    if (value.$ref === undefined) {
      checkText(value, at, this.report);
      return value;
    }
    if (typeof value.$ref !== "string")
      this.report([...at, "$ref"], `$ref must be a string, not ${kindOf(value.$ref)}`, 'e.g. `$ref: "#/components/schemas/Name"`');
    return undefined; // the target is checked where it is written
  }

  private map(value: unknown, at: Pointer, what: string, each: (entry: unknown, at: Pointer) => void): void {
    if (value === undefined) return;
    if (!isObject(value)) {
      this.report(at, `${what} must be an object, not ${kindOf(value)}`, "write it as a mapping of keys to values");
      return;
    }
    for (const [key, entry] of Object.entries(value)) each(entry, [...at, key]);
  }

  components(components: unknown): void {
    const c = this.object(components, ["components"], "components");
    if (!c) return;
    const at = (kind: string): Pointer => ["components", kind];
    this.map(c.schemas, at("schemas"), "components/schemas", (s, p) => checkSchema(s, p, this.report));
    this.map(c.parameters, at("parameters"), "components/parameters", (v, p) => this.parameter(v, p));
    this.map(c.responses, at("responses"), "components/responses", (v, p) => this.response(v, p));
    this.map(c.requestBodies, at("requestBodies"), "components/requestBodies", (v, p) => this.requestBody(v, p));
    this.map(c.headers, at("headers"), "components/headers", (v, p) => this.header(v, p));
    this.map(c.pathItems, at("pathItems"), "components/pathItems", (v, p) => this.pathItem(v, p));
    this.map(c.callbacks, at("callbacks"), "components/callbacks", (v, p) => this.callback(v, p));
    for (const kind of ["examples", "links", "securitySchemes"])
      this.map(c[kind], at(kind), `components/${kind}`, (v, p) => this.object(v, p, "a component"));
  }

  pathItem(value: unknown, at: Pointer): void {
    const item = this.object(value, at, "a path item");
    if (!item) return;
    this.parameters(item.parameters, [...at, "parameters"]);
    for (const method of METHODS) if (item[method] !== undefined) this.operation(item[method], [...at, method]);
  }

  private operation(value: unknown, at: Pointer): void {
    const op = this.object(value, at, "an operation");
    if (!op) return;
    this.parameters(op.parameters, [...at, "parameters"]);
    if (op.requestBody !== undefined) this.requestBody(op.requestBody, [...at, "requestBody"]);
    this.map(op.responses, [...at, "responses"], "responses", (response, p) => {
      const status = String(p[p.length - 1]);
      if (!STATUS.test(status))
        this.report(p, `response status "${status}" is not a status code`, "use a code such as 200, a range such as 4XX, or default");
      this.response(response, p);
    });
    this.map(op.callbacks, [...at, "callbacks"], "callbacks", (v, p) => this.callback(v, p));
  }

  private callback(value: unknown, at: Pointer): void {
    const callback = this.object(value, at, "a callback");
    if (callback) for (const [expression, item] of Object.entries(callback)) this.pathItem(item, [...at, expression]);
  }

  private parameters(value: unknown, at: Pointer): void {
    if (value === undefined) return;
    if (!Array.isArray(value)) {
      this.report(
        at,
        `parameters must be a list, not ${kindOf(value)}`,
        "write each parameter as a list item: `- { name: page, in: query }`",
      );
      return;
    }
    value.forEach((param, i) => this.parameter(param, [...at, i]));
  }

  private parameter(value: unknown, at: Pointer): void {
    const param = this.object(value, at, "a parameter");
    if (!param) return;
    if (typeof param.name !== "string")
      this.report([...at, "name"], `a parameter's name must be a string, not ${kindOf(param.name)}`, "e.g. `name: page`");
    if (!LOCATIONS.includes(param.in as string)) {
      this.report(
        [...at, "in"],
        `a parameter's "in" must be one of ${LOCATIONS.join(", ")}, not ${JSON.stringify(param.in ?? null)}`,
        "a request body is described by `requestBody`, not by a parameter",
      );
    }
    this.schemaAndContent(param, at);
  }

  private header(value: unknown, at: Pointer): void {
    const header = this.object(value, at, "a header");
    if (header) this.schemaAndContent(header, at);
  }

  private requestBody(value: unknown, at: Pointer): void {
    const body = this.object(value, at, "a request body");
    if (body) this.content(body.content, [...at, "content"]);
  }

  private response(value: unknown, at: Pointer): void {
    const response = this.object(value, at, "a response");
    if (!response) return;
    this.map(response.headers, [...at, "headers"], "headers", (v, p) => this.header(v, p));
    this.content(response.content, [...at, "content"]);
    this.map(response.links, [...at, "links"], "links", (v, p) => this.object(v, p, "a link"));
  }

  private schemaAndContent(holder: Json, at: Pointer): void {
    if (holder.schema !== undefined) checkSchema(holder.schema, [...at, "schema"], this.report);
    this.content(holder.content, [...at, "content"]);
  }

  private content(value: unknown, at: Pointer): void {
    this.map(value, at, "content", (media, p) => {
      if (!isObject(media)) return void this.report(p, `a media type must be an object, not ${kindOf(media)}`, EXAMPLES["a media type"]);
      checkText(media, p, this.report);
      if (media.schema !== undefined) checkSchema(media.schema, [...p, "schema"], this.report);
      this.map(media.encoding, [...p, "encoding"], "encoding", (encoding, e) => {
        const object = this.object(encoding, e, "an encoding");
        if (object) this.map(object.headers, [...e, "headers"], "headers", (h, hp) => this.header(h, hp));
      });
    });
  }
}
