// The API surface's bounds (issue 14): objects that nest other large objects would list fields
// exponentially with the nesting depth (Stripe's description ran for minutes and gigabytes). Past
// MAX_FIELDS per body or response, and MAX_SURFACE_FIELDS in all, no more fields are listed.
import { describe, expect, it } from "vitest";
import { apiSurface } from "../../generator/changes/surface.js";
import { flattenFields, MAX_DEPTH, MAX_FIELDS, MAX_SURFACE_FIELDS } from "../../generator/changes/schema.js";
import type { Json } from "../../generator/document/json.js";
import { buildModel } from "../../generator/model/build.js";

const WIDTH = 12;

/** Level k has WIDTH properties that are all level k+1: WIDTH ** MAX_DEPTH (4.3e8) paths uncapped. */
function nestedSchemas(): Record<string, Json> {
  const schemas: Record<string, Json> = { [`L${MAX_DEPTH}`]: { type: "string" } };
  for (let level = MAX_DEPTH - 1; level >= 0; level--) {
    const properties = Object.fromEntries(
      Array.from({ length: WIDTH }, (_, i) => [`p${i}`, { $ref: `#/components/schemas/L${level + 1}` }]),
    );
    schemas[`L${level}`] = { type: "object", properties };
  }
  return schemas;
}

function documentWith(operations: number): Json {
  const paths: Record<string, Json> = {};
  for (let i = 0; i < operations; i++) {
    paths[`/things${i}`] = {
      get: {
        operationId: `getThings${i}`,
        responses: {
          "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/L0" } } } },
        },
      },
    };
  }
  return {
    openapi: "3.0.3",
    info: { title: "nested", version: "1" },
    paths,
    components: { schemas: nestedSchemas() },
  };
}

describe("surface bounds", () => {
  it(`lists at most ${MAX_FIELDS} fields of one response, the first ones in document order, sorted`, () => {
    const document = documentWith(1);
    const fields = flattenFields(document, { $ref: "#/components/schemas/L0" });
    expect(fields).toHaveLength(MAX_FIELDS);
    // Depth first: p0's whole subtree comes before p1.
    expect(fields.map((f) => f.name)).toContain("p0.p0.p0.p0.p0.p0.p0.p0");
    expect(fields.some((f) => f.name.startsWith("p1"))).toBe(false);
    expect(fields.map((f) => f.name)).toEqual([...fields.map((f) => f.name)].sort());
    expect(new Set(fields.map((f) => f.name)).size).toBe(MAX_FIELDS);
  });

  it("takes a smaller bound when one is given", () => {
    expect(flattenFields(documentWith(1), { $ref: "#/components/schemas/L0" }, 7)).toHaveLength(7);
  });

  it(`lists at most ${MAX_SURFACE_FIELDS} fields in the whole surface; operations past it keep their statuses`, () => {
    const operations = MAX_SURFACE_FIELDS / MAX_FIELDS + 5;
    const document = documentWith(operations);
    const surface = apiSurface(document, buildModel(document));
    const ops = Object.values(surface.operations);
    expect(ops).toHaveLength(operations);
    const counts = ops.map((op) => op.responses.reduce((n, r) => n + r.fields.length, 0));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(MAX_SURFACE_FIELDS);
    expect(counts.filter((n) => n === 0)).toHaveLength(5);
    for (const op of ops) expect(op.statuses).toEqual([200]);
  });
});
