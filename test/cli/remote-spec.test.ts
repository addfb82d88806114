// `--spec http://…` through the real CLI against a server on 127.0.0.1: a good spec is generated
// (and its redirect followed); each bad answer (404, too large by header or by stream, too slow,
// nobody listening, too many redirects, a redirect to file:, a $ref to another file) gives its
// exact message and exit code 1, and nothing is written. The URL's query is never printed.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LOAD_LIMITS } from "../../generator/load/limits.js";
import { CLI_TIMEOUT_MS, ROOT, runCli, STACK_FRAME } from "./run-cli.js";

const SPEC = readFileSync(join(ROOT, "test/fixtures/broken/valid/openapi.yaml"), "utf8");
const LIMIT = DEFAULT_LOAD_LIMITS.maxFileBytes;

let server: Server;
let base = "";
let work = "";
let outs = 0;
/** Bytes the streaming route managed to send before the client hung up. */
let streamed = 0;
let streamEnded: Promise<void> = Promise.resolve();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "remote-spec-"));
  server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/api/openapi.yaml") return void res.writeHead(200, { "content-type": "application/yaml" }).end(SPEC);
    if (path === "/moved") return void res.writeHead(302, { location: "/api/openapi.yaml" }).end();
    if (path === "/loop") return void res.writeHead(301, { location: "/loop" }).end();
    if (path === "/to-file") return void res.writeHead(302, { location: "file:///etc/passwd" }).end();
    if (path === "/bad-location") return void res.writeHead(307, { location: "http://[::1" }).end();
    if (path === "/declared-large") return void res.writeHead(200, { "content-length": String(LIMIT + 1) }).end("openapi: 3.1.0\n");
    if (path === "/slow") return void res.writeHead(200).write("openapi: 3.1.0\n"); // and never ends
    if (path === "/split.yaml") {
      return void res.writeHead(200).end(SPEC.replace('schema: { $ref: "#/components/schemas/Run" }', 'schema: { $ref: "./run.yaml" }'));
    }
    if (path === "/endless") {
      // No length, 1 MiB chunks for twice the limit, unless the client stops reading first.
      res.writeHead(200, { "content-type": "application/yaml" });
      const chunk = Buffer.alloc(1024 * 1024, "# padding\n");
      streamed = 0;
      streamEnded = new Promise((resolve) => {
        const pump = () => {
          while (streamed < 2 * LIMIT) {
            streamed += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        res.on("close", () => resolve());
        pump();
      });
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("no such spec");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  if (work) rmSync(work, { recursive: true, force: true });
});

const newOut = () => join(work, `out${++outs}`);

/** A run that must fail: exit 1, no stack, nothing on stdout, no output folder; its stderr lines. */
async function failing(spec: string, extra: string[] = []): Promise<string[]> {
  const out = newOut();
  const result = await runCli(["--spec", spec, "--out", out, ...extra]);
  expect(result.stdout).toBe("");
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.status).toBe(1);
  expect(existsSync(out)).toBe(false);
  return result.stderr.trimEnd().split("\n");
}

describe.concurrent("--spec <http URL>", () => {
  it(
    "generates from a spec served over http, through a redirect, and leaves no temporary file",
    async () => {
      const out = newOut();
      const temp = join(work, "tmp");
      mkdirSync(temp);
      const result = await runCli(["--spec", `${base}/moved?token=abc123`, "--out", out], { env: { TMPDIR: temp } });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^2 operations, \d+ files, [\d.]+ s, \d+ changed\n$/);
      expect(readFileSync(join(out, "src/operations/default.ts"), "utf8")).toContain(
        "export const getRun: Operation<GetRunParams, GetRunResponse, GetRunError>",
      );
      expect(readdirSync(temp)).toEqual([]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a 404: the status, and the URL without its query",
    async () => {
      const lines = await failing(`${base}/missing.yaml?token=abc123`);
      expect(lines).toEqual([
        `error: cannot read the spec from ${base}/missing.yaml?…: the server answered 404 Not Found; nothing was written.`,
      ]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "too large: by its content-length, and by a body without length that the client stops reading at the limit",
    async () => {
      expect(await failing(`${base}/declared-large`)).toEqual([
        `error: cannot read the spec from ${base}/declared-large: it is larger than 32 MiB, the limit for one spec file; nothing was written.`,
      ]);
      expect(await failing(`${base}/endless`)).toEqual([
        `error: cannot read the spec from ${base}/endless: it is larger than 32 MiB, the limit for one spec file; nothing was written.`,
      ]);
      await streamEnded;
      // The server had queued at most the limit plus what socket buffers hold when the client hung up.
      expect(streamed).toBeLessThan(LIMIT + 16 * 1024 * 1024);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a server that never finishes its answer, past --spec-timeout",
    async () => {
      expect(await failing(`${base}/slow`, ["--spec-timeout", "0.5"])).toEqual([
        `error: cannot read the spec from ${base}/slow: no complete answer within 500 ms; nothing was written.`,
      ]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a port where nothing listens",
    async () => {
      const port = await freePort();
      expect(await failing(`http://127.0.0.1:${port}/openapi.yaml`)).toEqual([
        `error: cannot read the spec from http://127.0.0.1:${port}/openapi.yaml: nothing answers at 127.0.0.1:${port} (connection refused); nothing was written.`,
      ]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "redirects: more than 5, one to a file: URL, and one to something that is not a URL",
    async () => {
      expect(await failing(`${base}/loop`)).toEqual([
        `error: cannot read the spec from ${base}/loop: more than 5 redirects; nothing was written.`,
      ]);
      expect(await failing(`${base}/to-file`)).toEqual([
        `error: cannot read the spec from ${base}/to-file: it redirects to a URL that is not read: only http and https URLs are read; nothing was written.`,
      ]);
      expect(await failing(`${base}/bad-location`)).toEqual([
        `error: cannot read the spec from ${base}/bad-location: it redirects to a URL that is not read: it is not a valid URL; nothing was written.`,
      ]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a remote spec with a $ref to another file: refused at the ref, shown at the URL",
    async () => {
      expect(await failing(`${base}/split.yaml`)).toEqual([
        `${base}/split.yaml:42:25 error: $ref "./run.yaml" names another file, which is not fetched: a spec read from a URL must be one bundled document (at #/paths/~1repos~1{owner}~1runs~1{run_id}/get/responses/200/content/application~1json/schema/$ref)`,
        "  hint: bundle the spec into one file first (for example `redocly bundle`), or download its files and give the path of the root file",
        "1 error(s); nothing was written.",
      ]);
    },
    CLI_TIMEOUT_MS,
  );
});

/** A port that was free a moment ago: a server bound to it, then closed. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
