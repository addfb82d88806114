// Given/want: small spec fragments and the exact TypeScript each one gives.
import { describe, expect, it } from "vitest";
import { buildModel } from "../../generator/model/build.js";
import { errorType, itemType, paramsType, responseType, typeNames } from "../../generator/emit/operation-types.js";
import { operationSpec, SerializerRef, specLiteral } from "../../generator/emit/operation-spec.js";
import { operationDoc } from "../../generator/emit/operation-doc.js";
import { printDoc } from "../../generator/emit/layout/doc.js";
import { expressionDoc, typeDoc } from "../../generator/emit/layout/layout.js";
import type { Expression, TypeNode } from "../../generator/emit/ts.js";

/** Nodes as code on one line (an expanded object keeps its line breaks), to compare with the wanted text. */
const code = (node: TypeNode | undefined) => node && printDoc(typeDoc(node), Infinity);
const jsCode = (node: Expression) => printDoc(expressionDoc(node), Infinity);

const json = (schema: object) => ({ content: { "application/json": { schema } } });
const pathParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "integer" } });
const query = (name: string, required = false) => ({ name, in: "query", required, schema: { type: "string" } });

function modelOf(path: string, method: string, operation: object) {
  const document = { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: { [path]: { [method]: operation } } };
  const op = buildModel(document).operations[0]!;
  return { op, names: typeNames(op) };
}

describe("params type", () => {
  it.each([
    [
      "path and optional query",
      { parameters: [pathParam("run_id"), query("status")], responses: { 200: json({}) } },
      'XOperation["parameters"]["path"] & NonNullable<XOperation["parameters"]["query"]>',
    ],
    [
      "a required query param keeps the query object required",
      { parameters: [query("q", true)], responses: { 200: json({}) } },
      'XOperation["parameters"]["query"]',
    ],
    [
      "flat JSON body fields",
      {
        parameters: [pathParam("run_id")],
        requestBody: { required: true, ...json({ type: "object", properties: { state: { type: "string" } } }) },
        responses: { 204: {} },
      },
      'XOperation["parameters"]["path"] & NonNullable<XOperation["requestBody"]>["content"]["application/json"]',
    ],
    [
      "an optional flat body is Partial",
      { requestBody: json({ type: "object", properties: { enable_debug_logging: { type: "boolean" } } }), responses: { 201: json({}) } },
      'Partial<NonNullable<XOperation["requestBody"]>["content"]["application/json"]>',
    ],
    [
      "a body that is not an object goes whole under body",
      { requestBody: { required: true, ...json({ type: "array", items: { type: "string" } }) }, responses: { 204: {} } },
      '{ body: NonNullable<XOperation["requestBody"]>["content"]["application/json"] }',
    ],
    [
      "a body field that clashes with a param goes whole under body",
      {
        parameters: [query("state")],
        requestBody: json({ type: "object", properties: { state: { type: "string" } } }),
        responses: { 204: {} },
      },
      'NonNullable<XOperation["parameters"]["query"]> & { body?: NonNullable<XOperation["requestBody"]>["content"]["application/json"] }',
    ],
    ["no params at all", { responses: { 200: json({}) } }, "Record<string, never>"],
  ])("%s", (_case, operation, want) => {
    const { op } = modelOf("/x/{run_id}", "post", { operationId: "x", ...operation });
    expect(code(paramsType(op, typeNames(op)))).toBe(want);
  });
});

describe("response type: one member per documented success status", () => {
  it.each([
    ["200 JSON", { 200: json({}), 404: {} }, 'ApiResponse<200, XOperation["responses"][200]["content"]["application/json"]>'],
    ["204", { 204: { description: "No Content" } }, "ApiResponse<204, undefined>"],
    ["302 redirect", { 302: { description: "Found", headers: { Location: { schema: { type: "string" } } } } }, "RedirectResponse<302>"],
    [
      "202 and 200",
      { 202: json({}), 200: json({}) },
      'ApiResponse<200, XOperation["responses"][200]["content"]["application/json"]> | ApiResponse<202, XOperation["responses"][202]["content"]["application/json"]>',
    ],
    ["text/plain", { 200: { content: { "text/plain": { schema: { type: "string" } } } } }, "ApiResponse<200, string>"],
    [
      "application/zip",
      { 200: { content: { "application/zip": { schema: { type: "string", format: "binary" } } } } },
      "ApiResponse<200, ArrayBuffer>",
    ],
    ["only errors documented", { 404: {} }, "ApiResponse<number, unknown>"],
    // Not Modified answers a conditional request: no body, nothing to follow.
    [
      "200 and 304",
      { 200: json({}), 304: { description: "Not modified" } },
      'ApiResponse<200, XOperation["responses"][200]["content"]["application/json"]> | ApiResponse<304, undefined>',
    ],
  ])("%s", (_case, responses, want) => {
    const { op, names } = modelOf("/x", "get", { operationId: "x", responses });
    expect(code(responseType(op, names))).toBe(want);
  });

  it("documents each error status with its body in the error type", () => {
    const { op, names } = modelOf("/x", "get", {
      operationId: "x",
      responses: { 200: json({}), 422: json({}), 404: {}, 415: { content: { "text/plain": { schema: { type: "string" } } } } },
    });
    expect(code(errorType(op, names))).toBe(
      'GitHubApiError<404, undefined> | GitHubApiError<415, string> | GitHubApiError<422, XOperation["responses"][422]["content"]["application/json"]>',
    );
  });

  it("an operation without documented error statuses throws GitHubApiError<number>", () => {
    const { op, names } = modelOf("/x", "get", { operationId: "x", responses: { 200: json({}) } });
    expect(code(errorType(op, names))).toBe("GitHubApiError<number>");
  });
});

describe("pagination: declared or inferred, and the item type", () => {
  const list = json({
    type: "object",
    properties: { total_count: { type: "integer" }, workflow_runs: { type: "array", items: { type: "object" } } },
  });

  it("reads x-pagination", () => {
    const { op, names } = modelOf("/runs", "get", {
      operationId: "x",
      parameters: [query("page")],
      "x-pagination": { style: "page", itemsKey: "workflow_runs" },
      responses: { 200: list },
    });
    expect(op.pagination).toEqual({ style: "page", itemsKey: "workflow_runs" });
    expect(code(itemType(op, names))).toBe(
      'NonNullable<XOperation["responses"][200]["content"]["application/json"]["workflow_runs"]>[number]',
    );
  });

  it("infers page style from a page parameter and one array next to total_count", () => {
    const { op } = modelOf("/runs", "get", { operationId: "x", parameters: [query("page")], responses: { 200: list } });
    expect(op.pagination).toEqual({ style: "page", itemsKey: "workflow_runs" });
  });

  it("infers cursor style from after/before, with backward paging when before exists", () => {
    const { op } = modelOf("/groups", "get", {
      operationId: "x",
      parameters: [query("after"), query("before")],
      responses: { 200: json({ type: "array", items: {} }) },
    });
    expect(op.pagination).toEqual({ style: "cursor", itemsKey: null, backward: true });
  });

  it("does not infer pagination without a list in the response", () => {
    const { op } = modelOf("/x", "get", {
      operationId: "x",
      parameters: [query("page")],
      responses: { 200: json({ type: "object", properties: { a: { type: "array" }, b: { type: "array" } } }) },
    });
    expect(op.pagination).toBeUndefined();
  });
});

describe("runtime spec literal", () => {
  it("lists params by location and marks redirects", () => {
    const { op } = modelOf("/repos/{owner}/logs", "get", {
      operationId: "actions/download-logs",
      "x-api-version": "2022-11-28",
      parameters: [
        { name: "owner", in: "path", required: true, schema: { type: "string" } },
        query("q"),
        { name: "accept", in: "header", schema: { type: "string" } },
      ],
      responses: { 302: { description: "Found" } },
    });
    expect(operationSpec(op)).toEqual({
      id: "actions/download-logs",
      method: "GET",
      path: "/repos/{owner}/logs",
      queryParams: ["q"],
      headerParams: ["accept"],
      apiVersion: "2022-11-28",
      redirect: new SerializerRef("manualRedirect"),
    });
  });

  it("does not mark a 304 as a redirect: a GET that documents Not Modified still follows redirects", () => {
    const { op } = modelOf("/x", "get", { operationId: "x", responses: { 200: json({}), 304: { description: "Not modified" } } });
    expect(operationSpec(op)).not.toHaveProperty("redirect");
  });

  it("names a serializer only for what the runtime does not do itself, and imports exactly those", () => {
    const array = { type: "array", items: { type: "string" } };
    const object = { type: "object", properties: { a: { type: "string" } } };
    const { op } = modelOf("/files/{id}", "post", {
      operationId: "upload",
      parameters: [
        { name: "id", in: "path", required: true, style: "label", schema: { type: "string" } },
        { name: "tags", in: "query", schema: array },
        { name: "__proto__", in: "query", style: "deepObject", schema: object },
        { name: "plain", in: "query", explode: false, schema: array },
        { name: "session", in: "cookie", schema: { type: "string" } },
      ],
      requestBody: { content: { "multipart/form-data": { schema: object } } },
      responses: { 200: { content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } } },
    });
    const imports = new Set<string>();
    const literal = jsCode(specLiteral(operationSpec(op), imports as Set<never>));
    expect(literal).toBe(
      [
        "{",
        '  id: "upload",',
        '  method: "POST",',
        '  path: "/files/{id}",',
        "  pathStyles: { id: pathLabel },",
        '  queryParams: ["tags", "__proto__", "plain"],',
        '  queryStyles: { tags: queryForm, ["__proto__"]: queryDeepObject },',
        '  cookies: /* @__PURE__ */ cookies("session"),',
        '  bodyParams: "body",',
        '  bodyType: "multipart/form-data",',
        "  writeBody: multipartBody,",
        "  binary: readBytes,",
        "}",
      ].join("\n"),
    );
    expect([...imports].sort()).toEqual(["cookies", "multipartBody", "pathLabel", "queryDeepObject", "queryForm", "readBytes"]);
    // A computed `__proto__` key is an own property, where `"__proto__": v` would set the prototype.
    const spec = new Function("pathLabel", "queryForm", "queryDeepObject", "cookies", "multipartBody", "readBytes", `return ${literal};`)(
      1,
      2,
      3,
      () => 4,
      5,
      6,
    );
    expect(Object.keys(spec.queryStyles)).toEqual(["tags", "__proto__"]);
  });

  it("names the JSON writer for a JSON body, and nothing for a plain GET", () => {
    const { op } = modelOf("/runs/{id}", "put", {
      operationId: "put-run",
      parameters: [pathParam("id")],
      requestBody: json({ type: "object", properties: { state: { type: "string" } } }),
      responses: { 204: {} },
    });
    expect(operationSpec(op)).toEqual({
      id: "put-run",
      method: "PUT",
      path: "/runs/{id}",
      bodyParams: ["state"],
      writeBody: new SerializerRef("jsonBody"),
    });
    const get = modelOf("/runs/{id}", "get", {
      operationId: "get-run",
      parameters: [pathParam("id"), query("q")],
      responses: { 200: json({}) },
    }).op;
    const imports = new Set<string>();
    expect(jsCode(specLiteral(operationSpec(get), imports as Set<never>))).toBe(
      '{ id: "get-run", method: "GET", path: "/runs/{id}", queryParams: ["q"] }',
    );
    expect(imports.size).toBe(0);
  });
});

describe("JSDoc", () => {
  it("has summary, description, permission, link, deprecation and an example, with comment terminators escaped", () => {
    const { op } = modelOf("/x/{run_id}", "get", {
      operationId: "x",
      summary: "Get a thing */ alert(1)",
      description: "Line one.\n@param not a tag",
      deprecated: true,
      externalDocs: { url: "https://docs.github.com/x" },
      "x-github-permissions": ['"Actions" repository permissions (read)'],
      parameters: [pathParam("run_id")],
      responses: { 200: json({}) },
    });
    const doc = operationDoc(op);
    expect(doc.description).toBe(
      'Get a thing *\\/ alert(1)\n\nLine one.\n\\@param not a tag\n\nRequired permission: "Actions" repository permissions (read).',
    );
    expect(doc.tags).toEqual([
      { tagName: "see", text: "{@link https://docs.github.com/x}" },
      { tagName: "deprecated", text: "This operation is deprecated in the API description." },
      { tagName: "example", text: "const { status, data } = await x(client, { run_id: 42 });" },
    ]);
  });
});

describe("a body passed whole: its type and its writer come from the one kind the model gives its media type", () => {
  const content = (mediaType: string) => `NonNullable<XOperation["requestBody"]>["content"]["${mediaType}"]`;
  it.each([
    ["application/json", "json", content("application/json"), "jsonBody"],
    ["application/vnd.api+json; charset=utf-8", "json", content("application/vnd.api+json; charset=utf-8"), "jsonBody"],
    ["text/plain", "text", content("text/plain"), "rawBody"],
    ["Text/CSV", "text", content("Text/CSV"), "rawBody"],
    ["application/x-www-form-urlencoded", "form", `URLSearchParams | ${content("application/x-www-form-urlencoded")}`, "urlEncodedBody"],
    [
      "multipart/form-data",
      "multipart",
      `FormData | { [K in keyof ${content("multipart/form-data")}]: ${content("multipart/form-data")}[K] | Blob | Blob[] }`,
      "multipartBody",
    ],
    // JSON lines are not one JSON value: typed as the string (or bytes) the writer sends as is, not as an object it would send as "[object Object]".
    ["application/x-ndjson", "binary", "Blob | ArrayBuffer | ArrayBufferView | string", "rawBody"],
    ["application/json-seq", "binary", "Blob | ArrayBuffer | ArrayBufferView | string", "rawBody"],
    ["application/octet-stream", "binary", "Blob | ArrayBuffer | ArrayBufferView | string", "rawBody"],
  ])("%s", (mediaType, kind, bodyType, writer) => {
    const { op, names } = modelOf("/x", "post", {
      operationId: "x",
      requestBody: { required: true, content: { [mediaType]: { schema: { type: "array", items: { type: "object" } } } } },
      responses: { 204: {} },
    });
    expect(op.body?.kind).toBe(kind);
    expect(code(paramsType(op, names))).toBe(`{ body: ${bodyType} }`);
    const spec = operationSpec(op);
    expect(spec.writeBody).toEqual(new SerializerRef(writer as never));
    expect(spec.bodyType).toBe(kind === "json" ? undefined : mediaType);
  });
});
