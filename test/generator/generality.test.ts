// Any valid OpenAPI 3.0 or 3.1 document gives a client that type-checks and calls the right URL.
// Each fixture under test/fixtures/generality/ holds one family of constructs. All of them are
// generated in process, written to a temp folder with a small usage file each (which must
// compile, and whose @ts-expect-error lines must each be an error), and type-checked together
// in one program under --strict. Then the built JavaScript is imported and called with a
// recording fetch, so that the URL, headers and body on the wire are checked too.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildModel } from "../../generator/model/build.js";
import { generate, type GenerateResult } from "../../generator/pipeline.js";
import type { OperationModel } from "../../generator/model/types.js";
import { formText, recorder, type RecordedCall } from "../runtime/helpers.js";
import { strictProgram } from "./strict-program.js";

const FIXTURES = {
  names: "names/openapi.yaml",
  paths: "paths/openapi.yaml",
  schemas: "schemas/openapi.yaml",
  webhooks: "webhooks/openapi.yaml",
  bodies: "bodies/openapi.yaml",
  params: "params/openapi.yaml",
  split: "split-json/openapi.json",
} as const;
type Fixture = keyof typeof FIXTURES;

/**
 * Code a user would write against each package (importing its built declarations). Every line
 * must compile, except that each `@ts-expect-error` line must not: both are checked.
 */
const USAGE: Partial<Record<Fixture, string>> = {
  names: `
    import { createClient, getPets, getPetsByPetIdToysByToyId, reposGet, orgsGet, petsRemoveToy, createAPet, headStatus, listUserKeys } from "./dist/index.js";
    const c = createClient({ baseUrl: "https://api.example.com" });
    void getPets(c, {}); void createAPet(c, {}); void headStatus(c, {});
    void getPetsByPetIdToysByToyId(c, { petId: 1, "toy-id": "ball" });
    void petsRemoveToy(c, { petId: 1, "toy-id": "ball" });
    void reposGet(c, { id: "r" }); void orgsGet(c, { id: "o" }); void listUserKeys(c, { id: "u" });
    // @ts-expect-error petId is a number
    void getPetsByPetIdToysByToyId(c, { petId: "1", "toy-id": "ball" });
  `,
  paths: `
    import { createClient, getFile, getRange, getLabel, getMatrix } from "./dist/index.js";
    const c = createClient({ baseUrl: "https://api.example.com" });
    void getFile(c, { name: "a", ext: "json" });
    // @ts-expect-error ext is an enum
    void getFile(c, { name: "a", ext: "txt" });
    void getRange(c, { a: 1, b: 2 });
    void getLabel(c, { color: ["blue"] });
    void getMatrix(c, { point: { x: 1 } });
  `,
  schemas: `
    import type { Pet, Bird, TreeNode, Nullable, CreatePetParams, GetTreeResponse, SearchParams } from "./dist/index.js";
    const cat: Pet = { petType: "cat", meows: true };
    const dog: Pet = { petType: "dog", barkVolume: null };
    // @ts-expect-error the discriminator value names the member
    const wrong: Pet = { petType: "dog", meows: true };
    const bird: Bird = { animalType: "bird", wingspan: 2 };
    const tree: TreeNode = { value: "root", children: [{ value: "leaf", children: [] }] };
    const nullable: Nullable = { name: null, id: "x", tags: null, const: "fixed" };
    const body: CreatePetParams = { body: cat };
    const search: SearchParams = { q: null, limit: "ten" };
    const depth = (r: GetTreeResponse): number => 1 + Math.max(0, ...(r.data.children ?? []).map((n) => depth({ ...r, data: n })));
    void [dog, wrong, bird, tree, nullable, body, search, depth];
  `,
  webhooks: `
    import { createClient, type components, type webhooks } from "./dist/index.js";
    type NewPet = NonNullable<webhooks["newPet"]["post"]>["requestBody"];
    const pet: components["schemas"]["Pet"] = { id: 1 };
    void [createClient({ baseUrl: "https://api.example.com" }), pet, null as unknown as NewPet];
  `,
  bodies: `
    import { createClient, createFile, putBlob, getBlob, createNote, login, createDocument, getReport, type GetBlobResponse } from "./dist/index.js";
    const c = createClient({ baseUrl: "https://api.example.com" });
    void createFile(c, { body: { file: new Blob(["x"]), purpose: "identity_document", file_link_data: { create: true } } });
    void createFile(c, { body: new FormData() });
    // @ts-expect-error purpose is an enum
    void createFile(c, { body: { file: new Blob(["x"]), purpose: "other" } });
    void putBlob(c, { key: "k", body: new Uint8Array([1]) });
    void putBlob(c, { key: "k", body: new Blob(["x"]) });
    void putBlob(c, { key: "k", body: new ArrayBuffer(1) });
    void createNote(c, { body: "text" });
    void login(c, { body: { username: "u", scopes: ["a"] } });
    void login(c, { body: new URLSearchParams() });
    void createDocument(c, { title: "t", body: null });
    const bytes: ArrayBuffer = (null as unknown as GetBlobResponse).data;
    void getBlob; void getReport; void bytes;
  `,
  params: `
    import { createClient, listItems } from "./dist/index.js";
    const c = createClient({ baseUrl: "https://api.example.com" });
    void listItems(c, { "X-Request-ID": "r", session: "s", tag: ["a"], filter: { color: "red" }, point: { x: 1 } });
    // @ts-expect-error the session cookie is required
    void listItems(c, { "X-Request-ID": "r" });
  `,
  split: `
    import { createClient, listPets, showPetById, createPets, type Pet } from "./dist/index.js";
    const c = createClient({ baseUrl: "https://api.example.com" });
    const pet: Pet = { id: 1, name: "Rex", tag: null, owner: { name: "Ann", pets: [] } };
    void listPets(c, { limit: 10 }); void showPetById(c, { petId: "1" }); void createPets(c, pet);
  `,
};

let root: string;
const results = {} as Record<Fixture, GenerateResult>;
/** Each package's exports, as its built JavaScript has them. */
const exported = {} as Record<Fixture, Record<string, unknown>>;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "generality-"));
  await Promise.all(
    (Object.keys(FIXTURES) as Fixture[]).map(async (name) => {
      const out = join(root, name);
      results[name] = await generate(`test/fixtures/generality/${FIXTURES[name]}`, out);
      for (const file of results[name].files) write(join(out, file.path), file.contents);
      if (USAGE[name]) write(join(out, "usage.ts"), USAGE[name]);
      exported[name] = (await import(pathToFileURL(join(out, "dist/index.js")).href)) as Record<string, unknown>;
    }),
  );
}, 180_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function write(path: string, contents: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
}

function model(fixture: Fixture, name: string): OperationModel {
  const op = results[fixture].model.operations.find((o) => o.name === name);
  expect(op, `${fixture}: operation ${name}`).toBeDefined();
  return op!;
}

/** The built package's runtime serializers (what its operation specs name). */
async function serializersOf(fixture: Fixture): Promise<typeof import("../../generator/runtime/serializers.js")> {
  return (await import(
    pathToFileURL(join(root, fixture, "dist/runtime/serializers.js")).href
  )) as typeof import("../../generator/runtime/serializers.js");
}

function file(fixture: Fixture, path: string): string {
  const found = results[fixture].files.find((f) => f.path === path);
  expect(found, `${fixture}: ${path}`).toBeDefined();
  return found!.contents;
}

/** Code without its doc comments, every run of white space one space: what to compare types by. */
function squash(code: string): string {
  return code.replace(/\/\*\*[\s\S]*?\*\//g, "").replace(/\s+/g, " ");
}

type Call = (client: unknown, params: object) => Promise<{ status: number; data: unknown }>;

/** Calls an exported operation of a fixture's built package with a recording fetch. */
async function call(fixture: Fixture, name: string, params: object, answer = new Response(null, { status: 204 })) {
  const { fetch, calls } = recorder(() => answer.clone());
  const createClient = exported[fixture].createClient as (options: object) => unknown;
  const client = createClient({ fetch, baseUrl: "https://api.example.com", retry: false });
  const op = exported[fixture][name] as Call;
  expect(typeof op, `${fixture}: export ${name}`).toBe("function");
  const result = await op(client, params);
  return { result, sent: calls[0]! as RecordedCall & { init: RequestInit } };
}

describe("every fixture", () => {
  it("generates packages that type-check under --strict with zero errors, usage code included (one program)", () => {
    const roots = (Object.keys(FIXTURES) as Fixture[]).flatMap((name) => [
      ...results[name].files.filter((f) => f.path.endsWith(".ts")).map((f) => join(root, name, f.path)),
      ...(USAGE[name] ? [join(root, name, "usage.ts")] : []),
    ]);
    const program = strictProgram(roots);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where =
        d.file && d.start !== undefined
          ? `${d.file.fileName.slice(root.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}`
          : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(problems).toEqual([]);
    expect(roots.length).toBeGreaterThan(7 * 10);
  });
});

describe("operation names", () => {
  it("derives stable names from method and path when there is no operationId", () => {
    expect(model("names", "getPets")).toMatchObject({ id: "GET /pets", method: "GET", path: "/pets" });
    expect(model("names", "getPetsByPetIdToysByToyId")).toMatchObject({ id: "GET /pets/{petId}/toys/{toy-id}" });
  });

  it("camel-cases operationIds with spaces, `#`, kebab case, and symbols only", () => {
    expect(model("names", "createAPet").id).toBe("Create a pet");
    expect(model("names", "petsRemoveToy").id).toBe("pets#remove-toy");
    expect(model("names", "listUserKeys").id).toBe("list-user-keys");
    // `###` has no letters: the name comes from the route.
    expect(model("names", "headStatus").id).toBe("###");
  });

  it("keeps the namespace of operationIds whose short names collide", () => {
    expect(model("names", "reposGet").id).toBe("repos/get");
    expect(model("names", "orgsGet").id).toBe("orgs/get");
    expect(results.names.model.operations.map((o) => o.name).sort()).toEqual([
      "createAPet",
      "getPets",
      "getPetsByPetIdToysByToyId",
      "headStatus",
      "listUserKeys",
      "orgsGet",
      "petsRemoveToy",
      "reposGet",
    ]);
  });

  it("exports each operation from the built package with its id and path", () => {
    expect((exported.names.getPets as { spec: object }).spec).toEqual({ id: "GET /pets", method: "GET", path: "/pets" });
    expect((exported.names.petsRemoveToy as { spec: object }).spec).toMatchObject({
      id: "pets#remove-toy",
      path: "/pets/{petId}/toys/{toy-id}",
    });
  });

  it("calls a route with a kebab-case path parameter", async () => {
    const { sent } = await call("names", "petsRemoveToy", { petId: 7, "toy-id": "red ball" });
    expect(sent.url).toBe("https://api.example.com/pets/7/toys/red%20ball");
    expect(sent.init.method).toBe("DELETE");
  });
});

describe("path templates", () => {
  it("fills two parameters in one segment around a dot", async () => {
    const { sent } = await call("paths", "getFile", { name: "report v2", ext: "json" });
    expect(sent.url).toBe("https://api.example.com/files/report%20v2.json");
  });

  it("fills two parameters around a comma, by name whatever order they are declared in", async () => {
    expect(model("paths", "getRange").params.path.map((p) => p.name)).toEqual(["b", "a"]);
    const { sent } = await call("paths", "getRange", { a: 1, b: 2 });
    expect(sent.url).toBe("https://api.example.com/range/1,2");
  });

  it("writes an array path value simple-style, comma-joined with items encoded", async () => {
    const { sent } = await call("paths", "getByIds", { ids: ["x", "y,z"] });
    expect(sent.url).toBe("https://api.example.com/ids/x,y%2Cz");
  });

  it("supports the label and matrix styles", async () => {
    const { pathLabel, pathMatrixExplode } = await serializersOf("paths");
    expect((exported.paths.getLabel as { spec: object }).spec).toMatchObject({ pathStyles: { color: pathLabel } });
    expect((await call("paths", "getLabel", { color: ["blue", "black"] })).sent.url).toBe("https://api.example.com/label/.blue,black");
    expect((exported.paths.getMatrix as { spec: object }).spec).toMatchObject({ pathStyles: { point: pathMatrixExplode } });
    expect((await call("paths", "getMatrix", { point: { x: 1, y: 2 } })).sent.url).toBe("https://api.example.com/matrix/;x=1;y=2");
  });

  it("types a text/plain response as a string, and returns one", async () => {
    expect(file("paths", "src/operations/default.ts")).toContain("export type GetFileResponse = ApiResponse<200, string>;");
    const { result } = await call(
      "paths",
      "getFile",
      { name: "a", ext: "yaml" },
      new Response("a: 1\n", { headers: { "content-type": "text/plain" } }),
    );
    expect(result.data).toBe("a: 1\n");
  });
});

describe("schemas", () => {
  const types = () => squash(file("schemas", "src/types.ts"));

  it("turns oneOf with a discriminator mapping into a union of members with literal tags", () => {
    expect(types()).toContain('Pet: components["schemas"]["Cat"] | components["schemas"]["Dog"];');
    expect(types()).toContain('Cat: { meows: boolean; petType: "cat"; };');
    expect(types()).toContain('Dog: { barkVolume?: number | null; petType: "dog"; };');
  });

  it("keeps anyOf unions and allOf inheritance with the discriminator value", () => {
    expect(types()).toContain('Shape: components["schemas"]["Circle"] | components["schemas"]["Square"];');
    expect(types()).toContain(
      'Bird: Omit<components["schemas"]["Animal"], "animalType"> & { wingspan?: number; } & { animalType: "bird"; };',
    );
  });

  it("writes a recursive schema as a recursive type", () => {
    expect(types()).toContain(
      'TreeNode: { children?: components["schemas"]["TreeNode"][]; parent?: components["schemas"]["TreeNode"]; value: string; };',
    );
  });

  it("writes 3.1 type arrays as unions, in schemas and in parameters", () => {
    expect(types()).toContain('Nullable: { const?: "fixed"; id?: number | string; name?: string | null; tags?: string[] | null; };');
    expect(types()).toContain("query: { limit?: number | string; q: string | null; };");
    // Scalars in every style are written alike: no style in the runtime spec.
    expect((exported.schemas.search as { spec: object }).spec).toEqual({
      id: "search",
      method: "GET",
      path: "/search",
      queryParams: ["q", "limit"],
    });
  });

  it("passes a discriminated body whole (a union has no flat fields)", () => {
    expect(model("schemas", "createPet").body).toEqual({ mediaType: "application/json", kind: "json", required: true });
  });
});

describe("a webhooks-only document", () => {
  it("gives a package with zero operations", () => {
    expect(results.webhooks.model.operations).toEqual([]);
    expect(results.webhooks.files.some((f) => f.path.startsWith("src/operations/"))).toBe(false);
    expect(file("webhooks", "src/types.ts")).toMatch(/export interface webhooks \{\s*newPet:/);
    expect(typeof exported.webhooks.createClient).toBe("function");
  });
});

describe("request and response bodies", () => {
  it("picks the JSON media type of several, with flat fields", () => {
    expect(model("bodies", "createDocument").body).toEqual({
      mediaType: "application/json",
      kind: "json",
      required: true,
      flatKeys: ["body", "title"],
    });
    expect(model("bodies", "createDocument").responses[0]).toMatchObject({ status: 201, kind: "json", mediaType: "application/json" });
  });

  it("types a multipart body as FormData, or the schema's fields with files allowed", () => {
    const form = 'NonNullable<CreateFileOperation["requestBody"]>["content"]["multipart/form-data"]';
    expect(squash(file("bodies", "src/operations/default.ts"))).toContain(
      `body: | FormData | { [K in keyof ${form}]: ${form}[K] | Blob | Blob[]; };`,
    );
  });

  it("sends a multipart object as FormData, leaving the content-type (with its boundary) to fetch", async () => {
    const file = new Blob(["%PDF"], { type: "application/pdf" });
    const { sent } = await call(
      "bodies",
      "createFile",
      { body: { file, purpose: "dispute_evidence", file_link_data: { create: true }, skip: undefined } },
      Response.json({ id: "f" }),
    );
    const form = sent.init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect([...form.keys()]).toEqual(["file", "purpose", "file_link_data"]);
    expect(await (form.get("file") as Blob).text()).toBe("%PDF");
    expect(form.get("purpose")).toBe("dispute_evidence");
    expect(form.get("file_link_data")).toBe('{"create":true}');
    expect(sent.headers.get("content-type")).toBeNull();
  });

  it("passes a FormData through as it is", async () => {
    const form = new FormData();
    form.append("purpose", "identity_document");
    const { sent } = await call("bodies", "createFile", { body: form });
    expect(sent.init.body).toBe(form);
  });

  it("sends raw bytes as given, with their media type", async () => {
    expect(squash(file("bodies", "src/operations/default.ts"))).toContain(
      'export type PutBlobParams = PutBlobOperation["parameters"]["path"] & { body: Blob | ArrayBuffer | ArrayBufferView | string; };',
    );
    const bytes = new Uint8Array([1, 2, 3]);
    const { sent } = await call("bodies", "putBlob", { key: "k", body: bytes });
    expect(sent.init.body).toBe(bytes);
    expect(sent.headers.get("content-type")).toBe("application/octet-stream");
    expect(sent.url).toBe("https://api.example.com/blobs/k");
  });

  it("sends text as given", async () => {
    const { sent } = await call(
      "bodies",
      "createNote",
      { body: "hello" },
      new Response("ok", { headers: { "content-type": "text/plain" } }),
    );
    expect(sent.init.body).toBe("hello");
    expect(sent.headers.get("content-type")).toBe("text/plain");
  });

  it("sends a urlencoded object as URLSearchParams, arrays as repeated keys", async () => {
    const { sent } = await call("bodies", "login", { body: { username: "u", scopes: ["a", "b"] } });
    expect(formText(sent.init.body)).toBe("username=u&scopes=a&scopes=b");
    expect(sent.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
  });

  it("reads a binary response as an ArrayBuffer, and text as a string", async () => {
    const { readBytes } = await serializersOf("bodies");
    expect((exported.bodies.getBlob as { spec: object }).spec).toMatchObject({ binary: readBytes });
    expect((exported.bodies.getAvatar as { spec: object }).spec).toMatchObject({ binary: readBytes });
    expect((exported.bodies.getReport as { spec: object }).spec).not.toHaveProperty("binary");
    const bytes = new Uint8Array([0, 255, 10]);
    const blob = await call(
      "bodies",
      "getBlob",
      { key: "k" },
      new Response(bytes, { headers: { "content-type": "application/octet-stream" } }),
    );
    expect(blob.result.data).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(blob.result.data as ArrayBuffer)]).toEqual([0, 255, 10]);
    const report = await call("bodies", "getReport", {}, new Response("a,b\n1,2\n", { headers: { "content-type": "text/csv" } }));
    expect(report.result.data).toBe("a,b\n1,2\n");
  });
});

describe("parameters", () => {
  it("records each query style the runtime must know, and nothing for scalars and unexploded form", async () => {
    const s = await serializersOf("params");
    expect((exported.params.listItems as { spec: { queryStyles: object } }).spec.queryStyles).toEqual({
      tag: s.queryForm,
      words: s.querySpaceDelimited,
      pipes: s.queryPipeDelimited,
      filter: s.queryDeepObject,
      point: s.queryForm,
    });
  });

  it("serializes each style on the wire", async () => {
    const { sent } = await call("params", "listItems", {
      "X-Request-ID": "req-1",
      "If-None-Match": '"etag"',
      session: "abc;def",
      theme: "dark",
      tag: ["a", "b c"],
      ids: [1, 2],
      words: ["x", "y"],
      pipes: ["p", "q"],
      filter: { color: "red", size: "L" },
      point: { x: 1, y: 2 },
      bounds: { w: 10, h: 20 },
      where: '{"a":1}',
      q: "z",
    });
    const query = sent.url.slice(sent.url.indexOf("?"));
    expect(query).toBe(
      "?tag=a&tag=b%20c&ids=1,2&words=x%20y&pipes=p|q&filter[color]=red&filter[size]=L&x=1&y=2&bounds=w,10,h,20&where=%7B%22a%22%3A1%7D&q=z",
    );
    const parsed = new URL(sent.url).searchParams;
    expect(parsed.getAll("tag")).toEqual(["a", "b c"]);
    expect(parsed.get("filter[color]")).toBe("red");
    expect(sent.headers.get("x-request-id")).toBe("req-1");
    expect(sent.headers.get("if-none-match")).toBe('"etag"');
    expect(sent.headers.get("cookie")).toBe("session=abc%3Bdef; theme=dark");
  });

  it("sends no cookie header when no cookie is set", async () => {
    const { sent } = await call("params", "listItems", { "X-Request-ID": "r" });
    expect(sent.headers.get("cookie")).toBeNull();
    expect(sent.url).toBe("https://api.example.com/items");
  });

  it("keeps header and cookie params in the params type", () => {
    expect(squash(file("params", "src/operations/default.ts"))).toContain(
      'export type ListItemsParams = NonNullable<ListItemsOperation["parameters"]["query"]> & ListItemsOperation["parameters"]["header"] & ListItemsOperation["parameters"]["cookie"];',
    );
  });
});

describe("parameter styles in the model: only where the runtime's default would be wrong", () => {
  const array = { type: "array", items: { type: "string" } };
  const object = { type: "object", properties: { a: { type: "string" } } };
  const cases: Array<[label: string, param: object, style: string | undefined]> = [
    ["query array, OpenAPI's default form explode", { in: "query", schema: array }, "form"],
    ["query array, form explode: false (the runtime's default)", { in: "query", explode: false, schema: array }, undefined],
    ["query object, form", { in: "query", style: "form", schema: object }, "form"],
    ["query scalar, form", { in: "query", schema: { type: "integer" } }, undefined],
    ["query 3.1 scalar type array", { in: "query", schema: { type: ["string", "null"] } }, undefined],
    ["query oneOf of scalars", { in: "query", schema: { oneOf: [{ type: "integer" }, { type: "string" }] } }, undefined],
    ["query enum without a type", { in: "query", schema: { enum: ["a", "b"] } }, undefined],
    ["query schema that admits anything", { in: "query", schema: {} }, "form"],
    [
      "query described by content (a string to openapi-typescript)",
      { in: "query", content: { "application/json": { schema: object } } },
      undefined,
    ],
    ["spaceDelimited", { in: "query", style: "spaceDelimited", explode: false, schema: array }, "space"],
    ["pipeDelimited", { in: "query", style: "pipeDelimited", explode: false, schema: array }, "pipe"],
    ["spaceDelimited exploded: repeated keys", { in: "query", style: "spaceDelimited", explode: true, schema: array }, "form"],
    ["spaceDelimited, explode defaulting to false", { in: "query", style: "spaceDelimited", schema: array }, "space"],
    ["deepObject", { in: "query", style: "deepObject", explode: true, schema: object }, "deepObject"],
    ["path simple (the default)", { in: "path", schema: array }, undefined],
    ["path simple exploded object", { in: "path", explode: true, schema: object }, "simpleExplode"],
    ["path simple exploded scalar", { in: "path", explode: true, schema: { type: "string" } }, undefined],
    ["path label scalar", { in: "path", style: "label", schema: { type: "string" } }, "label"],
    ["path matrix exploded", { in: "path", style: "matrix", explode: true, schema: array }, "matrixExplode"],
    ["header array", { in: "header", schema: array }, undefined],
  ];
  it.each(cases)("%s", (_label, param, want) => {
    const p = { name: "v", required: true, ...param };
    const document = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: { "/x/{v}": { get: { operationId: "x", parameters: [p], responses: {} } } },
    };
    const op = buildModel(document).operations[0]!;
    const [model] = [...op.params.path, ...op.params.query, ...op.params.header];
    expect(model?.style).toBe(want);
  });
});

describe("a JSON document split into several files", () => {
  it("follows relative $refs between files, cycles between files included", () => {
    expect(results.split.model.operations.map((o) => o.name).sort()).toEqual(["createPets", "listPets", "showPetById"]);
    expect(model("split", "listPets").params.query).toEqual([{ name: "limit", required: false, type: "integer" }]);
    expect(model("split", "showPetById").params.path).toEqual([
      { name: "petId", required: true, type: "string", description: "The id of the pet" },
    ]);
    expect(model("split", "createPets").body?.flatKeys).toEqual(["id", "name", "owner", "tag"]);
    expect(file("split", "src/schemas.ts")).toContain('export type Pet = components["schemas"]["Pet"];');
  });

  it("calls the operation with the path parameter from another file", async () => {
    const { sent } = await call("split", "showPetById", { petId: "p/1" }, Response.json({ id: 1, name: "Rex" }));
    expect(sent.url).toBe("https://api.example.com/pets/p%2F1");
  });
});
