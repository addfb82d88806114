// Real-socket faults against a tiny node:http server on 127.0.0.1: what a stub cannot fake.
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../generator/runtime/client.js";
import { GitHubNetworkError, GitHubResponseError, GitHubTimeoutError } from "../../generator/runtime/errors.js";
import { request } from "../../generator/runtime/request.js";
import type { OperationSpec, RedirectResponse } from "../../generator/runtime/types.js";
import { downloadLogs, getGroup, TOKEN } from "./helpers.js";

type Route = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

let server: Server;
let baseUrl: string;
const routes = new Map<string, Route>();
const hits = new Map<string, number>();
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    const path = req.url!.split("?")[0]!;
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    const route = routes.get(path) ?? [...routes.entries()].find(([p]) => p.endsWith("*") && path.startsWith(p.slice(0, -1)))?.[1];
    if (route) route(req, res, n);
    else res.writeHead(404, { "content-type": "application/json" }).end('{"message":"Not Found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const spec = (path: string): OperationSpec => ({ id: `test${path}`, method: "GET", path });
const FULL = JSON.stringify({ total_count: 1, workflow_runs: [{ id: 1, name: "build and test" }] });

describe("real sockets", () => {
  it("retries a connection reset mid-body and then succeeds", async () => {
    routes.set("/reset", (_req, res, n) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(FULL)) });
      if (n === 1) {
        res.write(FULL.slice(0, FULL.length / 2));
        setTimeout(() => res.socket?.destroy(), 5);
      } else {
        res.end(FULL);
      }
    });
    const gh = createClient({ baseUrl, retry: { baseDelayMs: 1 } });
    const res = await request(gh, spec("/reset"), {});
    expect(res.data).toEqual(JSON.parse(FULL));
    expect(hits.get("/reset")).toBe(2);
  });

  it("reports a reset mid-body as GitHubNetworkError when retries are off", async () => {
    routes.set("/reset-always", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"id":1,');
      setTimeout(() => res.socket?.destroy(), 5);
    });
    const err = (await request(createClient({ baseUrl, retry: false }), spec("/reset-always"), {}).catch(
      (e: unknown) => e,
    )) as GitHubNetworkError;
    expect(err).toBeInstanceOf(GitHubNetworkError);
    expect(err.message.startsWith(`GET ${baseUrl}/reset-always: network error while reading the body: `)).toBe(true);
    expect(err.cause).toBeDefined();
  });

  it("reports a refused connection as GitHubNetworkError", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = await request(createClient({ baseUrl: `http://127.0.0.1:${port}`, retry: false }), spec("/x"), {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubNetworkError);
    expect((err as Error).message).toMatch(
      new RegExp(`^GET http://127\\.0\\.0\\.1:${port}/x: network error: fetch failed \\(.*ECONNREFUSED`),
    );
  });

  it("times out a stalled response (no headers)", async () => {
    routes.set("/stall", () => {});
    const err = (await request(createClient({ baseUrl, timeoutMs: 30, retry: false }), spec("/stall"), {}).catch(
      (e: unknown) => e,
    )) as GitHubTimeoutError;
    expect(err).toBeInstanceOf(GitHubTimeoutError);
    expect(err.timeoutMs).toBe(30);
  });

  it("times out a body that stalls after the headers", async () => {
    routes.set("/stall-body", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"a":');
    });
    const err = await request(createClient({ baseUrl, retry: false }), spec("/stall-body"), {}, { timeoutMs: 30 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubTimeoutError);
  });

  it("rejects with the caller's reason when it aborts a stalled request", async () => {
    routes.set("/stall-abort", () => {});
    const ac = new AbortController();
    const reason = new Error("cancelled by caller");
    setTimeout(() => ac.abort(reason), 20);
    await expect(request(createClient({ baseUrl, timeoutMs: 10_000 }), spec("/stall-abort"), {}, { signal: ac.signal })).rejects.toBe(
      reason,
    );
  });

  it("reports truncated JSON as GitHubResponseError", async () => {
    const truncated = FULL.slice(0, 30);
    routes.set("/truncated", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "x-github-request-id": "TRUNC:1" }).end(truncated);
    });
    const err = (await request(createClient({ baseUrl }), spec("/truncated"), {}).catch((e: unknown) => e)) as GitHubResponseError;
    expect(err).toBeInstanceOf(GitHubResponseError);
    expect(err.status).toBe(200);
    expect(err.requestId).toBe("TRUNC:1");
    expect(err.message).toContain(`GET ${baseUrl}/truncated: invalid JSON (truncated?)`);
    expect(hits.get("/truncated")).toBe(1);
  });

  it("delivers an encoded path segment to the server exactly (no dot-segment normalisation)", async () => {
    const group = "deploy/prod eu?#..";
    routes.set("/repos/o/r/actions/concurrency_groups/*", (req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ path: req.url }));
    });
    const res = await request(createClient({ baseUrl }), getGroup, { owner: "o", repo: "r", group });
    const path = (res.data as { path: string }).path;
    expect(path).toBe("/repos/o/r/actions/concurrency_groups/deploy%2Fprod%20eu%3F%23..");
    expect(decodeURIComponent(path.split("/")[6]!)).toBe(group);
  });

  it("does not follow a redirect for a redirect operation, nor send the token there", async () => {
    routes.set("/repos/o/r/actions/runs/1/logs", (_req, res) => {
      res.writeHead(302, { location: `${baseUrl}/blob/logs.zip` }).end();
    });
    routes.set("/blob/logs.zip", (_req, res) => res.writeHead(200).end("zip"));
    const gh = createClient({ baseUrl, token: TOKEN });
    const res = (await request(gh, downloadLogs, { owner: "o", repo: "r", run_id: 1 })) as RedirectResponse;
    expect(res.status).toBe(302);
    expect(res.location).toBe(`${baseUrl}/blob/logs.zip`);
    expect(res.data).toBeUndefined();
    expect(hits.get("/blob/logs.zip")).toBeUndefined();
  });

  it("follows redirects for other operations", async () => {
    routes.set("/moved", (_req, res) => res.writeHead(301, { location: "/moved-here" }).end());
    routes.set("/moved-here", (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'));
    const res = await request(createClient({ baseUrl }), spec("/moved"), {});
    expect(res.data).toEqual({ ok: true });
  });
});
