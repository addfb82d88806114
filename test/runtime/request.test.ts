import { describe, expect, it } from "vitest";
import { createClient } from "../../generator/runtime/client.js";
import { GitHubApiError, GitHubError, GitHubRateLimitError, GitHubResponseError } from "../../generator/runtime/errors.js";
import { request } from "../../generator/runtime/request.js";
import { jsonBody, rawBody } from "../../generator/runtime/serializers.js";
import type { OperationSpec, RedirectResponse } from "../../generator/runtime/types.js";
import { deleteRun, downloadLogs, getRun, json, recorder, reRun, sequence, TOKEN } from "./helpers.js";

const params = { owner: "o", repo: "r", run_id: 1 };

describe("request headers", () => {
  it('sends no token on a retry when the token function now returns "" (a fresh copy of the headers per attempt)', async () => {
    const { fetch, calls } = recorder(sequence(json({ message: "busy" }, 503, { "retry-after": "0" }), json({ id: 1 })));
    const tokens = [TOKEN, ""];
    const gh = createClient({ token: () => tokens.shift()!, fetch });
    await request(gh, getRun, params);
    expect(calls.map((call) => call.headers.get("authorization"))).toEqual([`Bearer ${TOKEN}`, null]);
  });

  it("sends accept, user-agent, api version and the bearer token", async () => {
    const { fetch, calls } = recorder(sequence(json({ id: 1 })));
    const gh = createClient({ token: TOKEN, fetch });
    await request(gh, getRun, params);
    expect(calls).toHaveLength(1);
    const h = calls[0]!.headers;
    expect(h.get("accept")).toBe("application/vnd.github+json");
    expect(h.get("user-agent")).toBe("gh-actions-client");
    expect(h.get("x-github-api-version")).toBe("2022-11-28");
    expect(h.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(h.get("content-type")).toBeNull();
    expect(calls[0]!.init.method).toBe("GET");
    expect(calls[0]!.init.body).toBeUndefined();
    expect(calls[0]!.url).toBe("https://api.github.com/repos/o/r/actions/runs/1");
  });

  it("sends no authorization without a token, and a custom user agent and base URL", async () => {
    const { fetch, calls } = recorder(sequence(json({})));
    const gh = createClient({ fetch, userAgent: "my-app/1.0", baseUrl: "https://ghe.example.com/api/v3/" });
    await request(gh, { ...getRun, apiVersion: undefined }, params);
    const h = calls[0]!.headers;
    expect(h.has("authorization")).toBe(false);
    expect(h.has("x-github-api-version")).toBe(false);
    expect(h.get("user-agent")).toBe("my-app/1.0");
    expect(calls[0]!.url).toBe("https://ghe.example.com/api/v3/repos/o/r/actions/runs/1");
  });

  it("asks a token function on every request (refreshed installation tokens)", async () => {
    let n = 0;
    const { fetch, calls } = recorder(sequence(json({})));
    const gh = createClient({ token: async () => `tok-${++n}`, fetch });
    await request(gh, getRun, params);
    await request(gh, getRun, params);
    const sync = createClient({ token: () => "sync-token", fetch });
    await request(sync, getRun, params);
    expect(calls.map((c) => c.headers.get("authorization"))).toEqual(["Bearer tok-1", "Bearer tok-2", "Bearer sync-token"]);
  });

  it("merges per-call headers case-insensitively over the defaults", async () => {
    const { fetch, calls } = recorder(sequence(json({})));
    const gh = createClient({ token: TOKEN, fetch });
    await request(gh, getRun, params, { headers: { Accept: "application/vnd.github.raw+json", "If-None-Match": '"abc"' } });
    const init = calls[0]!.init.headers as Record<string, string>;
    expect(init.accept).toBe("application/vnd.github.raw+json");
    expect(init.Accept).toBeUndefined();
    expect(calls[0]!.headers.get("if-none-match")).toBe('"abc"');
  });

  it("sends header params under their wire names", async () => {
    const spec: OperationSpec = { id: "h", method: "GET", path: "/h", headerParams: ["If-None-Match", "X-Skip"] };
    const { fetch, calls } = recorder(sequence(json({})));
    await request(createClient({ fetch }), spec, { "If-None-Match": 'W/"1"', "X-Skip": undefined });
    expect(calls[0]!.headers.get("if-none-match")).toBe('W/"1"');
    expect(calls[0]!.headers.has("x-skip")).toBe(false);
  });
});

describe("request bodies", () => {
  it.each<[string, OperationSpec, Record<string, unknown>, string | undefined, string | null]>([
    [
      "flat body params: only keys present",
      reRun,
      { ...params, enable_debug_logging: true, other: 1 },
      '{"enable_debug_logging":true}',
      "application/json",
    ],
    ["flat body params, none set: no body", reRun, params, undefined, null],
    ["no body params: no body", { ...reRun, bodyParams: undefined, writeBody: undefined }, params, undefined, null],
    [
      "whole body",
      { id: "b", method: "PUT", path: "/b", bodyParams: "body", writeBody: jsonBody },
      { body: { a: [1, 2] } },
      '{"a":[1,2]}',
      "application/json",
    ],
    ["whole body absent", { id: "b", method: "PUT", path: "/b", bodyParams: "body", writeBody: jsonBody }, {}, undefined, null],
    [
      "raw body of another media type",
      { id: "b", method: "POST", path: "/b", bodyParams: "body", bodyType: "text/plain", writeBody: rawBody },
      { body: "hello" },
      "hello",
      "text/plain",
    ],
  ])("%s", async (_name, spec, p, wantBody, wantType) => {
    const { fetch, calls } = recorder(sequence(new Response(null, { status: 204 })));
    await request(createClient({ fetch }), spec, p);
    expect(calls[0]!.body).toBe(wantBody);
    expect(calls[0]!.headers.get("content-type")).toBe(wantType);
    expect(calls[0]!.init.method).toBe(spec.method);
  });
});

describe("responses", () => {
  it("parses JSON and returns lower-case plain headers", async () => {
    const { fetch } = recorder(sequence(json({ id: 1, name: "CI" }, 200, { "X-GitHub-Request-Id": "AB:CD", ETag: 'W/"1"' })));
    const res = await request(createClient({ fetch }), getRun, params);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ id: 1, name: "CI" });
    expect(Object.getPrototypeOf(res.headers)).toBe(Object.prototype);
    expect(res.headers["x-github-request-id"]).toBe("AB:CD");
    expect(res.headers.etag).toBe('W/"1"');
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
  });

  it.each<[string, Response, string, unknown]>([
    ["204 → undefined", new Response(null, { status: 204 }), "DELETE", undefined],
    ["205 → undefined", new Response(null, { status: 205 }), "DELETE", undefined],
    ["empty 200 body → undefined", new Response("", { status: 200, headers: { "content-type": "application/json" } }), "GET", undefined],
    ["202 with an empty JSON object", json({}, 202), "POST", {}],
    ["text/plain → string", new Response("hello\nworld", { headers: { "content-type": "text/plain" } }), "GET", "hello\nworld"],
    ["no content type → string", new Response(new Uint8Array([0x6f, 0x6b])), "GET", "ok"],
    ["+json media type → parsed", new Response("[1]", { headers: { "content-type": "application/vnd.github.v3+json" } }), "GET", [1]],
  ])("%s", async (_name, response, method, want) => {
    const { fetch } = recorder(sequence(response));
    const res = await request(createClient({ fetch }), { ...deleteRun, method: method as "GET" }, params);
    expect(res.data).toEqual(want);
  });

  it("returns undefined data for HEAD", async () => {
    const { fetch } = recorder(() => json({ ignored: true }));
    const res = await request(createClient({ fetch }), { ...getRun, method: "HEAD" }, params);
    expect(res.status).toBe(200);
    expect(res.data).toBeUndefined();
  });

  it("returns a redirect as { status, location } without following it", async () => {
    const location = "https://pipelines.actions.githubusercontent.com/logs.zip?sig=abc";
    const { fetch, calls } = recorder(sequence(new Response("moved", { status: 302, headers: { location } })));
    const res = (await request(createClient({ token: TOKEN, fetch }), downloadLogs, params)) as RedirectResponse;
    expect(calls).toHaveLength(1);
    expect(calls[0]!.init.redirect).toBe("manual");
    expect(res).toEqual({ status: 302, data: undefined, headers: { location, "content-type": "text/plain;charset=UTF-8" }, location });
  });

  it("explains an opaque redirect (browsers) instead of reporting status 0", async () => {
    const opaque = {
      status: 0,
      type: "opaqueredirect",
      statusText: "",
      headers: new Headers(),
      body: null,
      text: async () => "",
    } as unknown as Response;
    const { fetch } = recorder(() => opaque);
    const err = await request(createClient({ fetch }), downloadLogs, params).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubResponseError);
    expect((err as Error).message).toBe("GET https://api.github.com/repos/o/r/actions/runs/1/logs: this fetch hides the redirect target");
  });

  it("lets fetch follow redirects when the operation does not ask for them", async () => {
    const { fetch, calls } = recorder(sequence(json({})));
    await request(createClient({ fetch }), getRun, params);
    expect(calls[0]!.init.redirect).toBeUndefined();
  });

  it("treats a 3xx on a non-redirect operation as an error, and not followed", async () => {
    const { fetch, calls } = recorder(sequence(new Response(null, { status: 307, headers: { location: "/elsewhere" } })));
    const err = await request(createClient({ fetch, retry: false }), getRun, params).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect((err as GitHubApiError).status).toBe(307);
    expect(calls).toHaveLength(1);
  });

  it("resolves a 304 Not Modified (a conditional request of the caller's) as its result, without data", async () => {
    const { fetch, calls } = recorder(sequence(new Response(null, { status: 304, headers: { etag: '"v1"' } })));
    const res = await request(createClient({ fetch }), getRun, params, { headers: { "if-none-match": '"v1"' } });
    expect(res).toEqual({ status: 304, data: undefined, headers: { etag: '"v1"' } });
    expect(calls).toHaveLength(1);
  });

  it("rejects (not throws) on bad params", async () => {
    const { fetch, calls } = recorder(sequence(json({})));
    const p = request(createClient({ fetch }), getRun, { owner: "o", repo: "r" });
    await expect(p).rejects.toThrow(TypeError);
    expect(calls).toHaveLength(0);
  });
});

describe("API errors", () => {
  it("builds a GitHubApiError with GitHub's body, request id and rate limit", async () => {
    const reset = 1_700_000_000;
    const { fetch } = recorder(
      sequence(
        json(
          { message: "Not Found", documentation_url: "https://docs.github.com/rest/actions/workflow-runs#get-a-workflow-run" },
          404,
          {
            "x-github-request-id": "C0DE:1234",
            "x-ratelimit-limit": "5000",
            "x-ratelimit-remaining": "4990",
            "x-ratelimit-reset": String(reset),
            "x-ratelimit-used": "10",
            "x-ratelimit-resource": "core",
          },
          "Not Found",
        ),
      ),
    );
    const err = (await request(createClient({ token: TOKEN, fetch }), getRun, params).catch((e: unknown) => e)) as GitHubApiError<404>;
    expect(err).toBeInstanceOf(Error);
    expect(err).toBeInstanceOf(GitHubError);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect(err).not.toBeInstanceOf(GitHubRateLimitError);
    expect(err.name).toBe("GitHubApiError");
    expect(err.status).toBe(404);
    expect(err.requestId).toBe("C0DE:1234");
    expect(err.method).toBe("GET");
    expect(err.url).toBe("https://api.github.com/repos/o/r/actions/runs/1");
    expect(err.body).toEqual({ message: "Not Found", documentation_url: expect.stringContaining("docs.github.com") });
    expect(err.rateLimit).toEqual({ limit: 5000, remaining: 4990, reset: new Date(reset * 1000), used: 10, resource: "core" });
    expect(err.retryAt).toBeUndefined();
    expect(err.message).toBe("GET https://api.github.com/repos/o/r/actions/runs/1 → 404: Not Found (request id C0DE:1234)");
    expect(err.stack).toMatch(/^GitHubApiError: GET https:\/\/api\.github\.com\/repos/);
    expect(err.headers["x-github-request-id"]).toBe("C0DE:1234");
    const j = JSON.parse(JSON.stringify(err)) as Record<string, unknown>;
    expect(j).toMatchObject({ name: "GitHubApiError", status: 404, requestId: "C0DE:1234", method: "GET" });
  });

  it("includes validation errors and handles a missing status text", async () => {
    const body = { message: "Validation Failed", errors: [{ resource: "Run", field: "ref", code: "missing_field" }] };
    const { fetch } = recorder(sequence(json(body, 422)));
    const err = (await request(createClient({ fetch }), reRun, params).catch((e: unknown) => e)) as GitHubApiError;
    expect(err.message).toBe(
      'POST https://api.github.com/repos/o/r/actions/runs/1/rerun → 422: Validation Failed [{"resource":"Run","field":"ref","code":"missing_field"}]',
    );
    expect(err.requestId).toBeUndefined();
    expect(err.rateLimit).toBeUndefined();
  });

  it("keeps a non-JSON error body as text", async () => {
    const { fetch } = recorder(
      sequence(
        new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway", headers: { "content-type": "text/html" } }),
      ),
    );
    const err = (await request(createClient({ fetch, retry: false }), getRun, params).catch((e: unknown) => e)) as GitHubApiError;
    expect(err.body).toBe("<html>Bad gateway</html>");
    expect(err.message).toBe("GET https://api.github.com/repos/o/r/actions/runs/1 → 502: <html>Bad gateway</html>");
  });

  it("classifies a primary rate limit as GitHubRateLimitError", async () => {
    const { fetch } = recorder(
      sequence(
        json({ message: "API rate limit exceeded for user ID 1." }, 403, {
          "x-ratelimit-limit": "5000",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
        }),
      ),
    );
    const err = (await request(createClient({ fetch, retry: false }), getRun, params).catch((e: unknown) => e)) as GitHubRateLimitError;
    expect(err).toBeInstanceOf(GitHubRateLimitError);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect(err.name).toBe("GitHubRateLimitError");
    expect(err.status).toBe(403);
    expect(err.rateLimit?.remaining).toBe(0);
    expect(err.retryAt).toBeInstanceOf(Date);
  });

  it("does not treat a permission 403 as a rate limit", async () => {
    const { fetch, calls } = recorder(sequence(json({ message: "Resource not accessible by integration" }, 403)));
    const err = await request(createClient({ fetch }), getRun, params).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect(err).not.toBeInstanceOf(GitHubRateLimitError);
    expect(calls).toHaveLength(1);
  });
});

describe("bad response bodies", () => {
  it.each([
    ["truncated", '{"total_count": 2, "workflow_runs": [{"id": 1'],
    ["not JSON at all", "<html>oops</html>"],
  ])("a %s JSON body is a GitHubResponseError, not a bare SyntaxError", async (_name, text) => {
    const { fetch } = recorder(
      sequence(new Response(text, { headers: { "content-type": "application/json", "x-github-request-id": "REQ:9" } })),
    );
    const err = (await request(createClient({ fetch }), getRun, params).catch((e: unknown) => e)) as GitHubResponseError;
    expect(err).toBeInstanceOf(GitHubResponseError);
    expect(err).toBeInstanceOf(GitHubError);
    expect(err.name).toBe("GitHubResponseError");
    expect(err.status).toBe(200);
    expect(err.contentType).toBe("application/json");
    expect(err.requestId).toBe("REQ:9");
    expect(err.message).toMatch(
      /^GET https:\/\/api\.github\.com\/repos\/o\/r\/actions\/runs\/1: invalid JSON \(truncated\?\): .+ \(request id REQ:9\)$/,
    );
  });
});

describe("request with `next` (absolute URLs, as pagination follows them once checked: see linkTarget)", () => {
  it("GETs the URL exactly as given, with the usual headers", async () => {
    const { fetch, calls } = recorder(sequence(json([])));
    const gh = createClient({ token: TOKEN, fetch });
    const url = "https://api.github.com/repositories/1296269/actions/runs?per_page=100&page=2&x=%7E";
    await request(gh, getRun, undefined, undefined, url);
    expect(calls[0]!.url).toBe(url);
    expect(calls[0]!.init.method).toBe("GET");
    expect(calls[0]!.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(calls[0]!.headers.get("x-github-api-version")).toBe("2022-11-28");
  });

  it("accepts another path on the same origin (GHES base path)", async () => {
    const { fetch, calls } = recorder(sequence(json([])));
    const gh = createClient({ token: TOKEN, fetch, baseUrl: "https://ghe.example.com/api/v3" });
    await request(gh, getRun, undefined, undefined, "https://ghe.example.com/api/v3/repositories/1/actions/runs?page=2");
    expect(calls).toHaveLength(1);
  });
});
