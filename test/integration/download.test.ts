// download / downloadToFile over real HTTP: an API server that answers the logs request with a 302
// to a second origin (storage) that records any Authorization it is sent. Streams, bounds, no
// partial file, no credentials to storage, nothing but https (loopback only when opted in).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createClient,
  download,
  downloadToFile,
  downloadWorkflowRunLogs,
  getWorkflowRun,
  GitHubResponseError,
  GitHubSizeLimitError,
  GitHubTimeoutError,
  type Client,
} from "../../generated/src/index.js";

const TOKEN = "ghp_downloadTestToken0123456789";
const SIGNATURE = "sig=S3cretSignature";
const MB = 1024 * 1024;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
async function listen(handler: Handler): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Writes `total` bytes in 64 KiB chunks, each only when the socket has room: the server holds none of it. */
function stream(res: ServerResponse, total: number, progress: { sent: number }, cutAfter = Infinity): void {
  const chunk = Buffer.alloc(64 * 1024, 7);
  const more = () => {
    while (progress.sent < total) {
      if (progress.sent >= cutAfter) return void res.destroy();
      const n = Math.min(chunk.length, total - progress.sent);
      progress.sent += n;
      if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once("drain", more);
    }
    res.end();
  };
  more();
}

let api: { server: Server; url: string };
let storage: { server: Server; url: string };
let gh: Client;
/** What the storage origin is asked to serve, per request. */
let serve: Handler;
const storageRequests: IncomingMessage[] = [];
let location = "";
const apiAuth: (string | undefined)[] = [];
let dir = "";

beforeAll(async () => {
  storage = await listen((req, res) => {
    storageRequests.push(req);
    serve(req, res);
  });
  api = await listen((req, res) => {
    apiAuth.push(req.headers.authorization);
    res.writeHead(302, { location }).end();
  });
  gh = createClient({ token: TOKEN, baseUrl: api.url, retry: false });
});
afterAll(async () => {
  await Promise.all([api, storage].map(({ server }) => new Promise((r) => server.close(r))));
});
beforeEach(() => {
  storageRequests.length = 0;
  apiAuth.length = 0;
  location = `${storage.url}/logs/1.zip?${SIGNATURE}`;
  serve = (_req, res) => res.writeHead(200, { "content-type": "application/zip", "content-length": "5" }).end("PK\x03\x04!");
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = mkdtempSync(join(tmpdir(), "download-test-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = { owner: "o", repo: "r", run_id: 1 };
const loopback = { allowInsecureLoopback: true } as const;

/** A WritableStream that keeps only counts: the largest chunk, how many, and the server's progress at the first. */
function countingSink(progress?: { sent: number }) {
  const seen = { bytes: 0, chunks: 0, largest: 0, sentAtFirstChunk: -1, closed: false, aborted: undefined as unknown };
  const to = new WritableStream<Uint8Array>({
    write(chunk) {
      if (seen.chunks++ === 0) seen.sentAtFirstChunk = progress?.sent ?? -1;
      seen.bytes += chunk.byteLength;
      seen.largest = Math.max(seen.largest, chunk.byteLength);
    },
    close() {
      seen.closed = true;
    },
    abort(reason) {
      seen.aborted = reason;
    },
  });
  return { to, seen };
}

const files = () => readdirSync(dir);

describe("download", () => {
  it("follows the 302 to another origin without Authorization; the API call had it", async () => {
    const path = join(dir, "logs.zip");
    const result = await downloadToFile(gh, downloadWorkflowRunLogs, run, { path, ...loopback });
    expect(result).toEqual({ bytes: 5, contentType: "application/zip" });
    expect(readFileSync(path, "latin1")).toBe("PK\x03\x04!");
    expect(apiAuth).toEqual([`Bearer ${TOKEN}`]);
    expect(storageRequests).toHaveLength(1);
    expect(storageRequests[0]!.headers.authorization).toBeUndefined();
    expect(storageRequests[0]!.headers.cookie).toBeUndefined();
    expect(storageRequests[0]!.url).toBe(`/logs/1.zip?${SIGNATURE}`);
    expect(files()).toEqual(["logs.zip"]);
  });

  it("streams 50 MB into a WritableStream chunk by chunk, never the whole archive at once", async () => {
    const progress = { sent: 0 };
    serve = (_req, res) => {
      res.writeHead(200, { "content-type": "application/zip" });
      stream(res, 50 * MB, progress);
    };
    const { to, seen } = countingSink(progress);
    const result = await download(gh, downloadWorkflowRunLogs, run, { to, ...loopback });
    expect(result.bytes).toBe(50 * MB);
    expect(seen.bytes).toBe(50 * MB);
    expect(seen.closed).toBe(true);
    // Streamed: the first chunk reached the sink while most of the archive was still unsent, and no
    // chunk is more than a socket's worth.
    expect(seen.sentAtFirstChunk).toBeGreaterThan(0);
    expect(seen.sentAtFirstChunk).toBeLessThan(8 * MB);
    expect(seen.largest).toBeLessThan(2 * MB);
    expect(seen.chunks).toBeGreaterThan(25);
  });

  it("a cut connection leaves no file (nor a temporary one), and aborts a stream target", async () => {
    const progress = { sent: 0 };
    serve = (_req, res) => {
      res.writeHead(200, { "content-type": "application/zip", "content-length": String(10 * MB) });
      stream(res, 10 * MB, progress, 3 * MB);
    };
    const path = join(dir, "logs.zip");
    await expect(downloadToFile(gh, downloadWorkflowRunLogs, run, { path, ...loopback })).rejects.toThrow();
    expect(files()).toEqual([]);

    progress.sent = 0;
    const { to, seen } = countingSink();
    await expect(download(gh, downloadWorkflowRunLogs, run, { to, ...loopback })).rejects.toThrow();
    expect(seen.closed).toBe(false);
    expect(seen.aborted).toBeDefined();
  });

  it("an existing file is replaced only by a complete download", async () => {
    const path = join(dir, "logs.zip");
    await downloadToFile(gh, downloadWorkflowRunLogs, run, { path, ...loopback });
    serve = (_req, res) => {
      res.writeHead(200, { "content-length": String(MB) });
      stream(res, MB, { sent: 0 }, 128 * 1024);
    };
    await expect(downloadToFile(gh, downloadWorkflowRunLogs, run, { path, ...loopback })).rejects.toThrow();
    expect(readFileSync(path, "latin1")).toBe("PK\x03\x04!");
    expect(files()).toEqual(["logs.zip"]);
  });

  it("enforces maxBytes as the bytes arrive, and at once from content-length", async () => {
    const progress = { sent: 0 };
    serve = (_req, res) => {
      res.writeHead(200);
      stream(res, 20 * MB, progress);
    };
    const path = join(dir, "logs.zip");
    const error = await downloadToFile(gh, downloadWorkflowRunLogs, run, { path, maxBytes: MB, ...loopback }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubSizeLimitError);
    expect((error as Error).message).toMatch(/larger than maxBytes \(1048576 bytes\)/);
    expect(progress.sent).toBeLessThan(20 * MB);
    expect(files()).toEqual([]);

    serve = (_req, res) => res.writeHead(200, { "content-length": String(2 * MB) }).end();
    const early = await download(gh, downloadWorkflowRunLogs, run, { to: countingSink().to, maxBytes: MB, ...loopback }).catch(
      (e: unknown) => e,
    );
    expect(early).toBeInstanceOf(GitHubSizeLimitError);
  });

  it("times out a download that trickles, and leaves no file", async () => {
    serve = (_req, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write("x"), 20);
      res.on("close", () => clearInterval(timer));
    };
    const path = join(dir, "logs.zip");
    const error = await downloadToFile(gh, downloadWorkflowRunLogs, run, { path, timeoutMs: 200, ...loopback }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubTimeoutError);
    expect(files()).toEqual([]);
  });

  it("refuses an http target unless it is loopback and opted in; nothing is fetched from it", async () => {
    const path = join(dir, "logs.zip");
    const plain = await downloadToFile(gh, downloadWorkflowRunLogs, run, { path }).catch((e: unknown) => e);
    expect(plain).toBeInstanceOf(GitHubResponseError);
    expect((plain as Error).message).toMatch(/download target refused: http:\/\/127\.0\.0\.1:\d+\/logs\/1\.zip; only https/);
    location = `http://storage.invalid/logs/1.zip?${SIGNATURE}`;
    const remote = await downloadToFile(gh, downloadWorkflowRunLogs, run, { path, ...loopback }).catch((e: unknown) => e);
    expect((remote as Error).message).toMatch(/download target refused: http:\/\/storage\.invalid/);
    location = "ftp://127.0.0.1/x";
    await expect(downloadToFile(gh, downloadWorkflowRunLogs, run, { path, ...loopback })).rejects.toThrow(/refused/);
    expect(storageRequests).toHaveLength(0);
    expect(files()).toEqual([]);
  });

  it("also checks a second hop, and never quotes the target's signed query in an error", async () => {
    serve = (req, res) =>
      req.url!.startsWith("/logs/")
        ? res.writeHead(302, { location: `http://storage.invalid/elsewhere?${SIGNATURE}` }).end()
        : res.writeHead(500).end();
    const error = (await download(gh, downloadWorkflowRunLogs, run, { to: countingSink().to, ...loopback }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toMatch(/refused: http:\/\/storage\.invalid\/elsewhere/);
    expect(JSON.stringify(error) + error.message + error.stack).not.toContain(SIGNATURE);

    serve = (_req, res) => res.writeHead(500).end("no");
    const failed = (await download(gh, downloadWorkflowRunLogs, run, { to: countingSink().to, ...loopback }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(failed.message).toMatch(/download failed with status 500/);
    expect(JSON.stringify(failed) + failed.message).not.toContain(SIGNATURE);
    expect(JSON.stringify(failed) + failed.message).not.toContain(TOKEN);
  });

  it("refuses an operation that does not redirect, and a bad path, before any request", async () => {
    // @ts-expect-error getWorkflowRun does not answer with a redirect
    await expect(download(gh, getWorkflowRun, run, { to: countingSink().to })).rejects.toThrow(/does not answer with a redirect/);
    await expect(downloadToFile(gh, downloadWorkflowRunLogs, run, { path: "" })).rejects.toThrow(/path must be a non-empty string/);
    expect(apiAuth).toEqual([]);
  });
});
