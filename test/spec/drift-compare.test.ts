// The comparison on small documents: what counts as the same (3.0 and 3.1 spellings of null,
// allOf, unions, key order), what is reported and where, and the bounds on hostile documents.
import { describe, expect, it } from "vitest";
import { compareOperation } from "../../generator/drift/compare.js";
import { MAX_FACTS, operationFacts } from "../../generator/drift/operation-facts.js";
import { MAX_DEPTH, shapeOf, type JsonObject } from "../../generator/drift/schema-shape.js";

/** A document with one GET operation `op` whose 200 body is `schema`, plus `schemas` as components. */
function doc(schema: JsonObject, schemas: JsonObject = {}, operation: JsonObject = {}): JsonObject {
  return {
    openapi: "3.1.0",
    paths: {
      "/things/{id}": {
        get: { operationId: "op", responses: { "200": { description: "OK", content: { "application/json": { schema } } } }, ...operation },
      },
    },
    components: { schemas },
  };
}
const differences = (spec: JsonObject, upstream: JsonObject) =>
  compareOperation(operationFacts(spec, "op")!, operationFacts(upstream, "op")!).map(
    (d) => `${d.key} [${d.anchor}] ${d.aspect}: ${JSON.stringify(d.spec)} / ${JSON.stringify(d.upstream)}`,
  );

describe("what counts as the same", () => {
  const ref = { $ref: "#/components/schemas/thing" };
  const thing = { type: "object", required: ["id"], properties: { id: { type: "integer" } } };

  it.each([
    ["3.0 nullable", { type: "string", nullable: true }],
    ["3.1 type array", { type: ["null", "string"] }],
    ["oneOf with null", { oneOf: [{ type: "string" }, { type: "null" }] }],
    ["anyOf, null first", { anyOf: [{ type: "null" }, { type: "string" }] }],
  ])("a nullable string written as %s", (_name, spelling) => {
    expect(
      differences(
        doc({ type: "object", properties: { name: spelling } }),
        doc({ type: "object", properties: { name: { type: ["string", "null"] } } }),
      ),
    ).toEqual([]);
  });

  it("a null among the enum values of 3.0 is nullability, not a value", () => {
    const upstream = doc({ type: "object", properties: { s: { type: "string", nullable: true, enum: ["a", null] } } });
    expect(differences(doc({ type: "object", properties: { s: { type: ["string", "null"], enum: ["a"] } } }), upstream)).toEqual([]);
  });

  it("a nullable object: 3.0 allOf with nullable beside it, 3.1 oneOf with null", () => {
    const upstream = doc({ type: "object", properties: { t: { allOf: [ref], nullable: true } } }, { thing });
    const spec = doc({ type: "object", properties: { t: { oneOf: [ref, { type: "null" }] } } }, { thing });
    expect(differences(spec, upstream)).toEqual([]);
  });

  it("enums in another order, and properties in another order", () => {
    const a = doc({ type: "object", properties: { s: { type: "string", enum: ["b", "a"] }, n: { type: "integer" } } });
    const b = doc({ type: "object", properties: { n: { type: "integer" }, s: { type: "string", enum: ["a", "b"] } } });
    expect(differences(a, b)).toEqual([]);
  });
});

describe("what is reported, and where", () => {
  const thing = {
    type: "object",
    required: ["id"],
    properties: { id: { type: "integer" }, inner: { type: "object", properties: { x: { type: "string" } } } },
  };

  it("a field upstream only, once at its outermost key, named after the spec/ schema that lacks it", () => {
    const spec = doc(
      { $ref: "#/components/schemas/thing" },
      { thing: { type: "object", required: ["id"], properties: { id: { type: "integer" } } } },
    );
    const upstream = doc({ $ref: "#/components/schemas/other-name" }, { "other-name": thing });
    expect(differences(spec, upstream)).toEqual(['response 200 body.inner [thing.inner] presence: "absent" / "present"']);
  });

  it("required, nullable, format, enum and default of a field, each as its own difference", () => {
    const spec = doc({ type: "object", required: ["a"], properties: { a: { type: "string", format: "uri", enum: ["x"], default: "x" } } });
    const upstream = doc({ type: "object", properties: { a: { type: "string", nullable: true, enum: ["x", "y"] } } });
    expect(differences(spec, upstream)).toEqual([
      "response 200 body.a [op response 200 body.a] required: true / false",
      "response 200 body.a [op response 200 body.a] nullable: false / true",
      'response 200 body.a [op response 200 body.a] format: "uri" / null',
      'response 200 body.a [op response 200 body.a] enum: ["x"] / ["x","y"]',
      'response 200 body.a [op response 200 body.a] default: "x" / null',
    ]);
  });

  it("parameters by location and name, statuses, media types and headers (case-insensitive names)", () => {
    const spec = doc(
      { type: "object" },
      {},
      {
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "integer" } },
          { name: "q", in: "query", schema: { type: "string", enum: ["a"] } },
        ],
        responses: {
          "200": {
            description: "OK",
            headers: { Link: { schema: { type: "string" } } },
            content: { "application/json": { schema: { type: "object" } } },
          },
          "404": { description: "x" },
        },
      },
    );
    const upstream = doc(
      { type: "object" },
      {},
      {
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "q", in: "query", schema: { type: "string", enum: ["a", "b"] } },
        ],
        responses: {
          "200": {
            description: "OK",
            headers: { link: { schema: { type: "string" } } },
            content: { "application/json": { schema: { type: "object" } } },
          },
          "422": { description: "x" },
        },
      },
    );
    expect(differences(spec, upstream)).toEqual([
      'parameter id [op parameter id] type: "integer" / "string"',
      'parameter q [op parameter q] enum: ["a"] / ["a","b"]',
      'status 404 [op status 404] presence: "present" / "absent"',
      'status 422 [op status 422] presence: "absent" / "present"',
    ]);
  });

  it("a parameter that moved is one change of `in`; a name used in two locations is told apart by location", () => {
    const param = (name: string, where: string) => ({ name, in: where, schema: { type: "string" } });
    const spec = doc(
      { type: "object" },
      {},
      { parameters: [param("v", "query"), param("id", "path"), param("id", "query"), param("X-Trace", "header")] },
    );
    const upstream = doc({ type: "object" }, {}, { parameters: [param("v", "header"), param("id", "path"), param("x-trace", "header")] });
    expect(differences(spec, upstream)).toEqual([
      'parameter query id [op parameter query id] presence: "present" / "absent"',
      'parameter v [op parameter v] in: "query" / "header"',
    ]);
  });

  it("a parameter without a location is left out, as the model leaves it out: it reads as absent", () => {
    const spec = doc({ type: "object" }, {}, { parameters: [{ name: "v", in: "query", schema: { type: "string" } }] });
    const upstream = doc({ type: "object" }, {}, { parameters: [{ name: "v", schema: { type: "string" } }] });
    expect(differences(spec, upstream)).toEqual(['parameter v [op parameter v] presence: "present" / "absent"']);
  });

  it("a union of objects reads as the fields of either, required where both require them", () => {
    const user = { type: "object", required: ["login", "id"], properties: { login: { type: "string" }, id: { type: "integer" } } };
    const team = { type: "object", required: ["slug", "id"], properties: { slug: { type: "string" }, id: { type: "integer" } } };
    const union = { oneOf: [{ $ref: "#/components/schemas/user" }, { $ref: "#/components/schemas/team" }] };
    const spec = doc(union, { user, team });
    const upstream = doc({ anyOf: [team, user] });
    expect(differences(spec, upstream)).toEqual([]);
    const shape = shapeOf(spec, union);
    expect([...shape.properties].map(([name, field]) => [name, field.required])).toEqual([
      ["login", false],
      ["id", true],
      ["slug", false],
    ]);
  });
});

describe("hostile documents", () => {
  it("a schema that contains itself is compared down to where it recurs", () => {
    const node = { type: "object", properties: { child: { $ref: "#/components/schemas/node" }, name: { type: "string" } } };
    const facts = operationFacts(doc({ $ref: "#/components/schemas/node" }, { node }), "op")!;
    expect([...facts.facts.keys()].filter((k) => k.startsWith("response"))).toEqual([
      "response 200 body",
      "response 200 body.child",
      "response 200 body.name",
    ]);
  });

  it("refs that fan out exponentially stop at the fact limit with a clear error", () => {
    const schemas: JsonObject = { l0: { type: "string" } };
    for (let i = 1; i <= 24; i++)
      schemas[`l${i}`] = {
        type: "object",
        properties: { a: { $ref: `#/components/schemas/l${i - 1}` }, b: { $ref: `#/components/schemas/l${i - 1}` } },
      };
    expect(() => operationFacts(doc({ $ref: "#/components/schemas/l24" }, schemas), "op")).toThrow(`op has more than ${MAX_FACTS} fields`);
  });

  it("inline nesting deeper than the limit, a ref loop and a dangling or external ref are errors, not hangs", () => {
    let deep: JsonObject = { type: "string" };
    for (let i = 0; i <= MAX_DEPTH + 1; i++) deep = { type: "object", properties: { x: deep } };
    expect(() => operationFacts(doc(deep), "op")).toThrow(/nested deeper than/);
    expect(() =>
      operationFacts(
        doc({ $ref: "#/components/schemas/a" }, { a: { $ref: "#/components/schemas/b" }, b: { $ref: "#/components/schemas/a" } }),
        "op",
      ),
    ).toThrow(/\$ref chain longer than/);
    expect(() => operationFacts(doc({ $ref: "#/components/schemas/none" }), "op")).toThrow(/points to nothing/);
    expect(() => operationFacts(doc({ $ref: "other.yaml#/x" }), "op")).toThrow(/not internal/);
  });
});
