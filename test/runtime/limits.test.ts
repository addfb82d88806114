// The request core's bounds and refusals, with stubbed responses: the size limit (streamed count,
// early refusal on content-length), header checks, redirects of non-GET methods and the redaction
// of network errors that quote the token.
import { describe, expect, it } from "vitest";
import { createClient } from "../../generator/runtime/client.js";
import { GitHubApiError, GitHubNetworkError, GitHubSizeLimitError } from "../../generator/runtime/errors.js";
import { request } from "../../generator/runtime/request.js";
import { readBytes } from "../../generator/runtime/serializers.js";
import type { OperationSpec } from "../../generator/runtime/types.js";
import { leaksOf } from "../integration/harness.js";
import { deleteRun, getRun, json, recorder, reRun, sequence, TOKEN } from "./helpers.js";

const params = { owner: "o", repo: "r", run_id: 1 };
const URL_1 = "https://api.github.com/repos/o/r/actions/runs/1";

/** A response streaming `chunks`, counting how many the client pulled. */
function streamed(chunks: number[], headers: Record<string, string> = {}, status = 200) {
  const pulled = { count: 0 };
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.count++;
      if (i < chunks.length) controller.enqueue(new Uint8Array(chunks[i++]!).fill(0x20));
      else controller.close();
    },
  });
  return { response: new Response(body, { status, headers: { "content-type": "text/plain", ...headers } }), pulled };
}

describe("maxResponseBytes", () => {
  it("reads a body of exactly the limit, in several chunks", async () => {
    const { response } = streamed([4, 4, 2]);
    const { fetch } = recorder(() => response);
    await expect(request(createClient({ fetch, maxResponseBytes: 10 }), getRun, params)).resolves.toMatchObject({ status: 200 });
  });

  it("fails one byte over, without retrying a GET, with its own error class", async () => {
    const { fetch, calls } = recorder(() => streamed([4, 4, 3]).response);
    const error = await request(createClient({ fetch, maxResponseBytes: 10 }), getRun, params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubSizeLimitError);
    expect(error).toMatchObject({
      name: "GitHubSizeLimitError",
      status: 200,
      maxResponseBytes: 10,
      message: `GET ${URL_1}: response body larger than maxResponseBytes (10 bytes); not read further`,
    });
    expect(calls).toHaveLength(1);
  });

  it("stops reading at the chunk that passes the limit", async () => {
    const { response, pulled } = streamed([6, 6, 6, 6, 6]);
    const { fetch } = recorder(() => response);
    await expect(request(createClient({ fetch, maxResponseBytes: 10 }), getRun, params)).rejects.toBeInstanceOf(GitHubSizeLimitError);
    expect(pulled.count).toBeLessThanOrEqual(3);
  });

  it("refuses before reading when content-length is above the limit", async () => {
    const { response, pulled } = streamed([1], { "content-length": "11" });
    const { fetch } = recorder(() => response);
    await expect(request(createClient({ fetch, maxResponseBytes: 10 }), getRun, params)).rejects.toBeInstanceOf(GitHubSizeLimitError);
    // A ReadableStream pulls once on creation to fill its queue; the client pulled nothing more.
    expect(pulled.count).toBeLessThanOrEqual(1);
  });

  it("does not trust a small content-length: the count decides", async () => {
    const { fetch } = recorder(() => streamed([8, 8], { "content-length": "3" }).response);
    await expect(request(createClient({ fetch, maxResponseBytes: 10 }), getRun, params)).rejects.toBeInstanceOf(GitHubSizeLimitError);
  });

  it("ignores the content-length of a HEAD response, which has no body", async () => {
    const { fetch } = recorder(() => new Response(null, { status: 200, headers: { "content-length": "999999" } }));
    await expect(request(createClient({ fetch, maxResponseBytes: 10 }), { ...getRun, method: "HEAD" }, params)).resolves.toMatchObject({
      status: 200,
    });
  });

  it("bounds binary bodies too, and keeps them as bytes within the limit", async () => {
    const download: OperationSpec = { id: "d", method: "GET", path: "/d", binary: readBytes };
    const bytes = (n: number) => () => new Response(new Uint8Array(n).fill(7), { headers: { "content-type": "application/zip" } });
    const small = await request(createClient({ fetch: recorder(bytes(10)).fetch, maxResponseBytes: 10 }), download, {});
    expect([...new Uint8Array(small.data as ArrayBuffer)]).toEqual(Array(10).fill(7));
    await expect(request(createClient({ fetch: recorder(bytes(11)).fetch, maxResponseBytes: 10 }), download, {})).rejects.toBeInstanceOf(
      GitHubSizeLimitError,
    );
  });

  it("Infinity turns the limit off", async () => {
    const { fetch } = recorder(() => streamed([64 * 1024, 64 * 1024]).response);
    await expect(request(createClient({ fetch, maxResponseBytes: Infinity }), getRun, params)).resolves.toMatchObject({ status: 200 });
  });

  it("decodes UTF-8 split across chunks as text() would", async () => {
    const text = JSON.stringify({ name: "déploiement ✓" });
    const bytes = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const b of bytes) controller.enqueue(new Uint8Array([b]));
        controller.close();
      },
    });
    const { fetch } = recorder(() => new Response(body, { headers: { "content-type": "application/json" } }));
    expect((await request(createClient({ fetch }), getRun, params)).data).toEqual({ name: "déploiement ✓" });
  });
});

describe("redirects", () => {
  it.each<[string, OperationSpec, RequestRedirect | undefined]>([
    ["a GET follows (fetch's default)", getRun, undefined],
    ["a POST does not", reRun, "manual"],
    ["a DELETE does not", deleteRun, "manual"],
    ["a HEAD does not", { ...getRun, method: "HEAD" }, "manual"],
  ])("%s", async (_name, spec, want) => {
    const { fetch, calls } = recorder(sequence(new Response(null, { status: 204 })));
    await request(createClient({ fetch }), spec, params);
    expect(calls[0]!.init.redirect).toBe(want);
  });

  it("a 3xx to a POST is an API error naming the location", async () => {
    const { fetch } = recorder(sequence(new Response("", { status: 307, headers: { location: "https://evil.example/x" } })));
    const error = await request(createClient({ fetch }), reRun, params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as Error).message).toBe(`POST ${URL_1}/rerun → 307: unexpected redirect to https://evil.example/x, not followed`);
  });

  it("an opaque redirect (a browser's status 0) says so", async () => {
    const opaque = { status: 0, headers: new Headers(), body: null } as unknown as Response;
    const error = await request(createClient({ fetch: recorder(() => opaque).fetch }), reRun, params).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`POST ${URL_1}/rerun → 0: unexpected redirect, not followed`);
  });
});

describe("header checks before any request", () => {
  it.each([
    [
      "a value with CR/LF",
      { "x-a": "1\r\nx-b: 2" },
      'header "x-a" has CR, LF, NUL or a character beyond U+00FF, which no HTTP header can carry (not shown)',
    ],
    [
      "a value with a character beyond U+00FF",
      { "x-a": "✓" },
      'header "x-a" has CR, LF, NUL or a character beyond U+00FF, which no HTTP header can carry (not shown)',
    ],
    ["a name with a space", { "x a": "1" }, 'header "x a": not a header name'],
    ["a name with a colon", { "x:a": "1" }, 'header "x:a": not a header name'],
  ])("refuses %s", async (_name, headers, message) => {
    const { fetch, calls } = recorder(sequence(json({})));
    await expect(request(createClient({ fetch }), getRun, params, { headers })).rejects.toEqual(new TypeError(message));
    expect(calls).toHaveLength(0);
  });

  it("checks header params the same way", async () => {
    const spec: OperationSpec = { id: "h", method: "GET", path: "/h", headerParams: ["If-None-Match"] };
    const { fetch, calls } = recorder(sequence(json({})));
    await expect(request(createClient({ fetch }), spec, { "If-None-Match": "a\nb" })).rejects.toThrow('header "If-None-Match" has CR, LF');
    expect(calls).toHaveLength(0);
  });
});

describe("network errors that quote the token", () => {
  it.each([
    ["in its message", () => new TypeError(`bad header Bearer ${TOKEN}`)],
    ["in a cause", () => new TypeError("fetch failed", { cause: new Error(`sent Bearer ${TOKEN}`) })],
    ["two causes down", () => new TypeError("fetch failed", { cause: new Error("socket", { cause: new Error(TOKEN) }) })],
    // A fetch wrapper may throw what it likes: our message quotes its `message` all the same.
    ["in the message of a thrown non-Error", (): unknown => ({ message: `sent Bearer ${TOKEN}` })],
    ["in a thrown string", (): unknown => `sent Bearer ${TOKEN}`],
  ])("are redacted when the token is %s", async (_name, make) => {
    const { fetch } = recorder(() => {
      throw make();
    });
    const error = await request(createClient({ token: TOKEN, fetch, retry: false }), getRun, params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubNetworkError);
    expect((error as Error).cause).toBeUndefined();
    expect(leaksOf(error, TOKEN)).toEqual([]);
  });

  it("keep their cause otherwise", async () => {
    const cause = new TypeError("fetch failed", { cause: new Error("ECONNREFUSED") });
    const { fetch } = recorder(() => {
      throw cause;
    });
    const error = await request(createClient({ token: TOKEN, fetch, retry: false }), getRun, params).catch((e: unknown) => e);
    expect((error as Error).cause).toBe(cause);
    expect((error as Error).message).toBe(`GET ${URL_1}: network error: fetch failed (ECONNREFUSED)`);
  });
});
