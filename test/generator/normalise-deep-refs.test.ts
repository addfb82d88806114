// Issue 14: a $ref into the middle of another object is hoisted into a named component. The rewrite
// is checked on small documents (given/want), then on a hand-written spec with every kind of deep
// ref seen in real documents, which must generate a package that compiles under --strict (before
// the normalise stage it gave "Property 'schema' does not exist", "'children' is referenced
// directly or indirectly in its own type annotation", …).
import { describe, expect, it } from "vitest";
import type { Json } from "../../generator/document/json.js";
import { hoistDeepRefs } from "../../generator/normalise/hoist-deep-refs.js";
import { sectionAt } from "../../generator/normalise/node-kind.js";
import { generateAndCheck } from "../corpus/generate-and-check.js";

const ok = { "200": { description: "ok" } };

describe("sectionAt", () => {
  it.each([
    [["paths", "/a", "get", "responses", "200", "content", "application/json", "schema"], "schemas"],
    [["paths", "/a", "get", "responses", "200"], "responses"],
    [["paths", "/a", "get", "parameters", "0"], "parameters"],
    [["paths", "/a", "parameters", "1", "schema", "items"], "schemas"],
    [["paths", "/a", "post", "requestBody"], "requestBodies"],
    [["paths", "/a", "get", "responses", "200", "headers", "X-Rate"], "headers"],
    [["components", "schemas", "Pet", "properties", "owner", "allOf", "1"], "schemas"],
    [["components", "responses", "R", "content", "text/plain", "schema", "additionalProperties"], "schemas"],
    [["webhooks", "newPet", "post", "requestBody", "content", "application/json", "schema"], "schemas"],
    [["paths", "/a", "get", "responses", "200", "content", "application/json", "examples", "one"], "examples"],
    [["paths", "/a", "get", "summary"], undefined],
    [["info", "title"], undefined],
    [["components", "schemas", "Pet", "example", "owner"], undefined],
  ])("%j is in %s", (pointer, section) => {
    expect(sectionAt(pointer)).toBe(section);
  });
});

describe("hoistDeepRefs", () => {
  it("returns the very document when no ref is deep (the types worker then gets the file's text)", () => {
    const document: Json = {
      openapi: "3.0.3",
      paths: { "/a": { get: { responses: { "200": { $ref: "#/components/responses/R" } } } } },
      components: { responses: { R: { description: "r" } } },
    };
    expect(hoistDeepRefs(document)).toBe(document);
  });

  it("moves the target into its section, leaves a ref in its place, and points every ref at it", () => {
    const document: Json = {
      openapi: "3.0.3",
      paths: {
        "/pets": {
          get: {
            operationId: "listPets",
            responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "array" } } } } },
          },
        },
        "/cats": {
          get: {
            responses: {
              "200": {
                description: "ok",
                content: { "application/json": { schema: { $ref: "#/paths/~1pets/get/responses/200/content/application~1json/schema" } } },
              },
            },
          },
        },
      },
    };
    const before = structuredClone(document);
    expect(hoistDeepRefs(document)).toEqual({
      openapi: "3.0.3",
      paths: {
        "/pets": {
          get: {
            operationId: "listPets",
            responses: {
              "200": {
                description: "ok",
                content: { "application/json": { schema: { $ref: "#/components/schemas/ListPetsResponse200" } } },
              },
            },
          },
        },
        "/cats": {
          get: {
            responses: {
              "200": {
                description: "ok",
                content: { "application/json": { schema: { $ref: "#/components/schemas/ListPetsResponse200" } } },
              },
            },
          },
        },
      },
      components: { schemas: { ListPetsResponse200: { type: "array" } } },
    });
    expect(document, "the loader's document is left as it was").toEqual(before);
  });

  it("names a clash apart, hoists the inner target first, and rewrites refs that pass through a moved object", () => {
    const document: Json = {
      openapi: "3.1.0",
      paths: {
        "/a": {
          get: {
            parameters: [{ $ref: "#/components/schemas/Pet/properties/owner/properties/name" }],
            responses: {
              "200": {
                description: "ok",
                content: { "application/json": { schema: { $ref: "#/components/schemas/Pet/properties/owner" } } },
              },
              "201": { $ref: "#/components/schemas/Pet/properties/owner/example" },
            },
          },
        },
      },
      components: {
        schemas: {
          Pet: { properties: { owner: { properties: { name: { type: "string" } }, example: { name: "x" } } } },
          PetOwner: { type: "integer" },
        },
      },
    };
    const result = hoistDeepRefs(document) as { components: { schemas: Json }; paths: Json };
    expect(result.components.schemas).toEqual({
      Pet: { properties: { owner: { $ref: "#/components/schemas/PetOwner2" } } },
      PetOwner: { type: "integer" },
      PetOwner2: { properties: { name: { $ref: "#/components/schemas/PetOwnerName" } }, example: { name: "x" } },
      PetOwnerName: { type: "string" },
    });
    const get = (result.paths["/a"] as { get: { parameters: Json[]; responses: Record<string, Json> } }).get;
    expect(get.parameters[0]).toEqual({ $ref: "#/components/schemas/PetOwnerName" });
    expect(get.responses["201"]).toEqual({ $ref: "#/components/schemas/PetOwner2/example" });
  });

  it("gives the same names on every run", () => {
    const document = (): Json => ({
      openapi: "3.0.3",
      paths: {
        "/b": { get: { parameters: [{ name: "q", in: "query", schema: { type: "string" } }], responses: ok } },
        "/c": { get: { parameters: [{ $ref: "#/paths/~1b/get/parameters/0" }], responses: ok } },
      },
    });
    const first = hoistDeepRefs(document());
    expect(JSON.stringify(hoistDeepRefs(document()))).toBe(JSON.stringify(first));
    expect((first.components as { parameters: Json }).parameters).toEqual({
      GetBParameterQ: { name: "q", in: "query", schema: { type: "string" } },
    });
  });
});

describe("a spec with every kind of deep ref (test/fixtures/corpus/kinds/deep-refs.yaml)", () => {
  it("generates a package that compiles under --strict, with the hoisted types named", async () => {
    const { errors, files } = await generateAndCheck({ deep: "test/fixtures/corpus/kinds/deep-refs.yaml" });
    expect(errors.deep).toEqual([]);
    const types = files.deep!.get("src/types.ts")!;
    expect(types).toContain('children?: components["schemas"]["CreatePetRequestBody"][];');
    expect(types).toContain('owner?: components["schemas"]["PersonAddress2"];');
    expect(types).toContain("ListPetsParameterLimit: number;");
    expect(types).toContain("GetPetResponse200: {");
  }, 120_000);
});
