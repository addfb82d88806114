// The hostile faults of the test server, checked with plain fetch: what the client's hardening
// tests rely on them to send.
import { get, type IncomingHttpHeaders } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { controlClient } from "./control-client.js";
import { FIXTURES, startGitHubServer, type GitHubServer } from "./server.js";

const path = `/repos/${FIXTURES.docs.owner}/${FIXTURES.docs.repo}/actions/runs`;
let server: GitHubServer;
beforeAll(async () => {
  server = await startGitHubServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("hostile faults", () => {
  it("respond: exactly the status, headers and body given; the handler does not run", async () => {
    server.faults.add({
      path,
      fault: { respond: { status: 302, headers: { location: "http://elsewhere.example/x", "retry-after": "1e400" }, json: { a: 1 } } },
    });
    const res = await fetch(`${server.url}${path}`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("http://elsewhere.example/x");
    expect(res.headers.get("retry-after")).toBe("1e400");
    expect(await res.json()).toEqual({ a: 1 });
  });

  it("largeBody: exactly `bytes` bytes, with content-length when asked", async () => {
    server.faults.add({ path, times: 2, fault: { largeBody: { bytes: 300_000, contentLength: true, status: 404 } } });
    const res = await fetch(`${server.url}${path}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-length")).toBe("300000");
    expect((await res.arrayBuffer()).byteLength).toBe(300_000);
  });

  it("largeBody with gzip: a small compressed body that inflates to `bytes`", async () => {
    server.faults.add({ path, fault: { largeBody: { bytes: 5_000_000, gzip: true } } });
    // node:http, not fetch: fetch would inflate the body itself.
    const { headers, body: compressed } = await new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      get(`${server.url}${path}`, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on("error", reject);
    });
    expect(headers["content-encoding"]).toBe("gzip");
    expect(compressed.length).toBeLessThan(50_000);
    expect(gunzipSync(compressed).length).toBe(5_000_000);
  });

  it("trickleMs: headers at once, then the body keeps coming a byte at a time", async () => {
    server.faults.add({ path, fault: { trickleMs: 5 } });
    const controller = new AbortController();
    const res = await fetch(`${server.url}${path}`, { signal: controller.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let received = 0;
    while (received < 4) received += (await reader.read()).value!.byteLength;
    controller.abort();
    expect(received).toBeGreaterThanOrEqual(4);
  });

  it("endlessPages: a next link to the following page, or the same page with the next nonce", async () => {
    server.faults.add({ path, fault: { endlessPages: { itemsKey: "workflow_runs" } } });
    const paged = await fetch(`${server.url}${path}?per_page=5&page=7`);
    expect(paged.headers.get("link")).toBe(`<${server.url}${path}?per_page=5&page=8>; rel="next"`);
    expect(await paged.json()).toEqual({ workflow_runs: [{ id: 7 }] });
    server.faults.add({ path: `${path}?page=2`, fault: { endlessPages: { itemsKey: "workflow_runs", totalCount: 5, nonce: true } } });
    const nonce = await fetch(`${server.url}${path}?page=2`);
    expect(nonce.headers.get("link")).toBe(`<${server.url}${path}?page=2&nonce=2>; rel="next"`);
    expect(await nonce.json()).toEqual({ total_count: 5, workflow_runs: [{ id: 1 }] });
  });

  it("travel through /__control as JSON, and malformed ones are refused", async () => {
    const control = controlClient(server.url);
    await control.addFaults({ path, fault: { respond: { status: 418 } } });
    expect((await fetch(`${server.url}${path}`)).status).toBe(418);
    await expect(control.addFaults({ path, fault: { largeBody: { bytes: -1 } } })).rejects.toThrow(/unknown fault/);
    await expect(control.addFaults({ path, fault: { trickleMs: 0 } })).rejects.toThrow(/unknown fault/);
  });
});
