// How the runtime writes parameters and bodies that are not GitHub's plain JSON and scalars:
// query styles, path styles, cookies, forms, raw bytes, and binary responses.
import { describe, expect, it } from "vitest";
import { createClient } from "../../generator/runtime/client.js";
import { request } from "../../generator/runtime/request.js";
import { PATH_WRITERS, QUERY_WRITERS } from "../../generator/emit/operation-spec.js";
import * as serializers from "../../generator/runtime/serializers.js";
import { buildQuery, buildUrl, encodePathParam } from "../../generator/runtime/url.js";
import type { BodyWriter, OperationSpec, PathStyle, PathWriter, QueryStyle, QueryWriter } from "../../generator/runtime/types.js";
import { formText, getRun, recorder } from "./helpers.js";

const { cookies, jsonBody, multipartBody, rawBody, readBytes, urlEncodedBody, queryForm } = serializers;
const BASE = "https://api.example.com";

// The writer of each style, as the generator names it in an operation's spec.
const QUERY = (style: QueryStyle) => serializers[QUERY_WRITERS[style]] as QueryWriter;
const PATH = (style: PathStyle) => serializers[PATH_WRITERS[style]] as PathWriter;

function querySpec(style?: QueryStyle): OperationSpec {
  return { id: "q", method: "GET", path: "/q", queryParams: ["v"], ...(style ? { queryStyles: { v: QUERY(style) } } : {}) };
}

describe("query styles", () => {
  const array = ["a b", "c,d"];
  const object = { color: "red", size: "L", none: null, unset: undefined };
  const cases: Array<[style: QueryStyle | undefined, value: unknown, want: string]> = [
    // The default, unchanged: GitHub's comma-joined arrays (form, explode: false).
    [undefined, array, "?v=a%20b,c%2Cd"],
    [undefined, object, "?v=color,red,size,L"],
    ["form", array, "?v=a%20b&v=c%2Cd"],
    ["form", object, "?color=red&size=L"],
    ["space", array, "?v=a%20b%20c%2Cd"],
    ["space", { R: 100, G: 200 }, "?v=R%20100%20G%20200"],
    ["pipe", array, "?v=a%20b|c%2Cd"],
    ["deepObject", object, "?v[color]=red&v[size]=L"],
    ["deepObject", ["x", "y"], "?v=x&v=y"],
    ["deepObject", { "we ird": "&" }, "?v[we%20ird]=%26"],
  ];
  it.each(cases)("%s: %j → %s", (style, value, want) => {
    expect(buildQuery(querySpec(style), { v: value })).toBe(want);
  });

  it.each<QueryStyle | undefined>([undefined, "form", "space", "pipe", "deepObject"])("%s writes scalars as key=value", (style) => {
    expect(buildQuery(querySpec(style), { v: "x y" })).toBe("?v=x%20y");
    expect(buildQuery(querySpec(style), { v: 0 })).toBe("?v=0");
  });

  it.each<QueryStyle | undefined>([undefined, "form", "space", "pipe", "deepObject"])("%s skips empty arrays and objects", (style) => {
    expect(buildQuery(querySpec(style), { v: [] })).toBe("");
    expect(buildQuery(querySpec(style), { v: {} })).toBe("");
  });

  it("skips an object with only null members when exploded, instead of writing a stray `&`", () => {
    const spec: OperationSpec = { id: "q", method: "GET", path: "/q", queryParams: ["a", "v", "b"], queryStyles: { v: queryForm } };
    expect(buildQuery(spec, { a: 1, v: { x: null }, b: 2 })).toBe("?a=1&b=2");
    expect(buildQuery({ ...spec, queryStyles: { v: QUERY("deepObject") } }, { a: 1, v: { x: null }, b: 2 })).toBe("?a=1&b=2");
  });

  it("mixes styled and default params in queryParams order", () => {
    const spec: OperationSpec = { id: "q", method: "GET", path: "/q", queryParams: ["tag", "ids", "q"], queryStyles: { tag: queryForm } };
    expect(buildQuery(spec, { q: "z", ids: [1, 2], tag: ["a", "b"] })).toBe("?tag=a&tag=b&ids=1,2&q=z");
  });

  it("round-trips exploded form and deepObject through URLSearchParams", () => {
    const form = new URLSearchParams(buildQuery(querySpec("form"), { v: ["a&b", "c=d", "é"] }));
    expect(form.getAll("v")).toEqual(["a&b", "c=d", "é"]);
    const deep = new URLSearchParams(buildQuery(querySpec("deepObject"), { v: { "a]b": "x&y" } }));
    expect(deep.get("v[a]b]")).toBe("x&y");
  });

  it("does not read a param named like an Object.prototype member from the prototype", () => {
    const spec: OperationSpec = {
      id: "q",
      method: "GET",
      path: "/q",
      queryParams: ["constructor", "toString", "__proto__"],
      queryStyles: { toString: queryForm },
    };
    expect(buildQuery(spec, {})).toBe("");
    expect(buildQuery(spec, { constructor: ["a", "b"] })).toBe("?constructor=a,b");
    expect(buildQuery({ ...spec, queryStyles: {} }, JSON.parse('{"toString":["a","b"]}'))).toBe("?toString=a,b");
  });
});

describe("path styles", () => {
  const spec = (style?: PathStyle): OperationSpec => ({
    id: "p",
    method: "GET",
    path: "/x/{v}",
    ...(style ? { pathStyles: { v: PATH(style) } } : {}),
  });
  const cases: Array<[style: PathStyle | undefined, value: unknown, want: string]> = [
    [undefined, 5, "5"],
    [undefined, ["a", "b/c"], "a,b%2Fc"],
    [undefined, { x: 1, y: 2 }, "x,1,y,2"],
    ["simpleExplode", ["a", "b"], "a,b"],
    ["simpleExplode", { x: 1, y: 2 }, "x=1,y=2"],
    ["label", 5, ".5"],
    ["label", ["a", "b"], ".a,b"],
    ["label", { x: 1, y: 2 }, ".x,1,y,2"],
    ["labelExplode", ["a", "b"], ".a.b"],
    ["labelExplode", { x: 1, y: 2 }, ".x=1.y=2"],
    ["matrix", 5, ";v=5"],
    ["matrix", ["a", "b"], ";v=a,b"],
    ["matrix", { x: 1, y: 2 }, ";v=x,1,y,2"],
    ["matrixExplode", ["a", "b"], ";v=a;v=b"],
    ["matrixExplode", { x: 1, y: 2 }, ";x=1;y=2"],
  ];
  it.each(cases)("%s: %j → %s", (style, value, want) => {
    expect(encodePathParam(value, "v", spec(style))).toBe(want);
    expect(buildUrl(BASE, spec(style), { v: value })).toBe(`${BASE}/x/${want}`);
  });

  it.each([[[]], [{}], [() => 1]])("refuses %j as a missing value", (value) => {
    expect(() => encodePathParam(value, "v", spec("label"))).toThrow('p: missing path parameter "v"');
    expect(() => encodePathParam(value, "v", spec())).toThrow('p: missing path parameter "v"');
  });

  it("refuses a label value that would make a dot segment", () => {
    expect(() => encodePathParam(".", "v", spec("label"))).toThrow(/p: path parameter "v" cannot be "\.\."$/);
    expect(() => encodePathParam(["."], "v", spec("label"))).toThrow(/cannot be "\.\."/);
    expect(() => encodePathParam([""], "v", spec("labelExplode"))).toThrow('p: missing path parameter "v" (unset, or empty once written)');
  });

  it("fills several params in one segment", () => {
    const two: OperationSpec = { id: "f", method: "GET", path: "/files/{name}.{ext}" };
    expect(buildUrl(BASE, two, { name: "a b", ext: "tar.gz" })).toBe(`${BASE}/files/a%20b.tar.gz`);
  });

  it("reads no style or value from Object.prototype", () => {
    const proto: OperationSpec = { id: "p", method: "GET", path: "/x/{constructor}", pathStyles: {} };
    expect(() => buildUrl(BASE, proto, {})).toThrow('p: missing path parameter "constructor"');
    expect(buildUrl(BASE, proto, { constructor: ["a", "b"] })).toBe(`${BASE}/x/a,b`);
    expect(buildUrl(BASE, getRun, { owner: "o", repo: "r", run_id: 1 })).toBe(`${BASE}/repos/o/r/actions/runs/1`);
  });
});

function client(fetch: typeof globalThis.fetch) {
  return createClient({ fetch, baseUrl: BASE, retry: false });
}

describe("header and cookie params", () => {
  const spec: OperationSpec = {
    id: "h",
    method: "GET",
    path: "/h",
    headerParams: ["X-Tags", "X-Point", "X-Unset"],
    cookies: cookies("session", "prefs", "unset"),
  };

  it("writes arrays and objects simple-style, and every cookie in one Cookie header", async () => {
    const { fetch, calls } = recorder(() => new Response(null, { status: 204 }));
    await request(client(fetch), spec, { "X-Tags": ["a", "b"], "X-Point": { x: 1, y: 2 }, session: "a b;c", prefs: ["x", "y"] });
    const h = calls[0]!.headers;
    expect(h.get("x-tags")).toBe("a,b");
    expect(h.get("x-point")).toBe("x,1,y,2");
    expect(h.has("x-unset")).toBe(false);
    expect(h.get("cookie")).toBe("session=a%20b%3Bc; prefs=x%2Cy");
  });

  it("sends no Cookie header when no cookie param is set, and lets the caller's header win", async () => {
    const { fetch, calls } = recorder(() => new Response(null, { status: 204 }));
    await request(client(fetch), spec, {});
    expect(calls[0]!.headers.has("cookie")).toBe(false);
    await request(client(fetch), spec, { session: "s" }, { headers: { Cookie: "mine=1" } });
    expect(calls[1]!.headers.get("cookie")).toBe("mine=1");
  });
});

describe("request bodies", () => {
  const body = (writeBody: BodyWriter, bodyType?: string): OperationSpec => ({
    id: "b",
    method: "POST",
    path: "/b",
    bodyParams: "body",
    writeBody,
    ...(bodyType ? { bodyType } : {}),
  });

  async function sent(spec: OperationSpec, params: object) {
    const { fetch, calls } = recorder(() => new Response(null, { status: 204 }));
    await request(client(fetch), spec, params);
    return { init: calls[0]!.init, type: calls[0]!.headers.get("content-type") };
  }

  it("converts a multipart object to FormData: arrays repeat, Blobs stay files, objects become JSON, nulls are left out", async () => {
    const file = new Blob(["bytes"]);
    const { init, type } = await sent(body(multipartBody, "multipart/form-data"), {
      body: { file, tags: ["a", 1], meta: { k: true }, none: null },
    });
    const form = init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(form.getAll("tags")).toEqual(["a", "1"]);
    expect(await (form.get("file") as Blob).text()).toBe("bytes");
    expect(form.get("meta")).toBe('{"k":true}');
    expect(form.has("none")).toBe(false);
    expect(type).toBeNull(); // fetch sets it with the boundary; on the wire it is multipart/form-data
  });

  it("passes FormData, URLSearchParams and raw bytes through untouched", async () => {
    const form = new FormData();
    expect((await sent(body(multipartBody, "multipart/form-data"), { body: form })).init.body).toBe(form);
    const search = new URLSearchParams("a=1");
    expect((await sent(body(urlEncodedBody, "application/x-www-form-urlencoded"), { body: search })).init.body).toBe(search);
    for (const raw of [new Uint8Array([1]), new ArrayBuffer(2), new Blob(["x"]), "text"]) {
      const { init, type } = await sent(body(rawBody, "application/octet-stream"), { body: raw });
      expect(init.body).toBe(raw);
      expect(type).toBe("application/octet-stream");
    }
  });

  it("converts a urlencoded object, with the media type as given", async () => {
    const { init, type } = await sent(body(urlEncodedBody, "application/x-www-form-urlencoded; charset=utf-8"), {
      body: { a: "x y", list: [1, 2], n: null },
    });
    expect(formText(init.body)).toBe("a=x+y&list=1&list=2");
    expect(type).toBe("application/x-www-form-urlencoded; charset=utf-8");
  });

  it("still sends JSON for a JSON media type and for none", async () => {
    expect(await sent(body(jsonBody), { body: [1] })).toMatchObject({ init: { body: "[1]" }, type: "application/json" });
    expect(await sent(body(jsonBody, "application/merge-patch+json"), { body: { a: null } })).toMatchObject({
      init: { body: '{"a":null}' },
      type: "application/merge-patch+json",
    });
  });
});

describe("binary responses", () => {
  const download: OperationSpec = { id: "d", method: "GET", path: "/d", binary: readBytes };
  const answer =
    (body: BodyInit | null, type: string | null, status = 200) =>
    () =>
      new Response(body, { status, headers: type ? { "content-type": type } : {} });

  it("reads a non-JSON, non-text 2xx as an ArrayBuffer when the operation documents a binary response", async () => {
    for (const type of ["application/octet-stream", "image/png", null]) {
      const { fetch } = recorder(answer(new Uint8Array([1, 2, 3]), type));
      const res = await request(client(fetch), download, {});
      expect(res.data, String(type)).toBeInstanceOf(ArrayBuffer);
      expect([...new Uint8Array(res.data as ArrayBuffer)]).toEqual([1, 2, 3]);
    }
  });

  it("still parses JSON and reads text for such an operation, and reads errors as before", async () => {
    expect((await request(client(recorder(answer('{"a":1}', "application/json")).fetch), download, {})).data).toEqual({ a: 1 });
    expect((await request(client(recorder(answer("hi", "text/plain")).fetch), download, {})).data).toBe("hi");
    expect((await request(client(recorder(answer(null, "application/octet-stream", 204)).fetch), download, {})).data).toBeUndefined();
    await expect(
      request(client(recorder(answer('{"message":"Not Found"}', "application/json", 404)).fetch), download, {}),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("keeps reading text for operations without a binary response", async () => {
    const { fetch } = recorder(answer("bytes", "application/octet-stream"));
    expect((await request(client(fetch), { ...download, binary: undefined }, {})).data).toBe("bytes");
  });
});
