// Issue 11, item 9, over real HTTP on 127.0.0.1: a response may not take forever or take all the
// memory. Memory is measured in a child process under a small heap, not with timers.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import * as gen from "../../generated/src/index.js";
import { FIXTURES } from "../server/server.js";
import { rejection, useTestServer } from "./harness.js";

const { owner, repo } = FIXTURES.docs;
const runId = FIXTURES.docs.runs.example;
const run = { owner, repo, run_id: runId };
const runPath = `/repos/${owner}/${repo}/actions/runs/${runId}`;
const MiB = 1024 * 1024;
const CHILD = fileURLToPath(new URL("../fixtures/client/get-run.mjs", import.meta.url));

const context = useTestServer();
const client = (options: gen.ClientOptions = {}) =>
  gen.createClient({
    baseUrl: context.server.url,
    retry: { baseDelayMs: 1, maxDelayMs: 2, onRetry: (info) => context.retried.push(info) },
    ...options,
  });

/** Runs the child client under `--max-old-space-size=heapMiB` against the test server. */
async function childGet(heapMiB: number): Promise<{ name?: string; message?: string; status?: number; maxRssMiB: number }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [`--max-old-space-size=${heapMiB}`, CHILD, context.server.url, owner, repo, String(runId)],
    {
      timeout: 120_000,
    },
  );
  return JSON.parse(stdout) as { maxRssMiB: number };
}

describe("response size", () => {
  const sizeMessage = (limit: number) =>
    `GET ${context.server.url}${runPath}: response body larger than maxResponseBytes (${limit} bytes); not read further`;

  it("a 200 MB body against the default 64 MiB limit fails with GitHubSizeLimitError in a process with a 128 MB heap", async () => {
    // The same child reading a normal response: Node's own share of the peak.
    const baseline = await childGet(128);
    expect(baseline).toMatchObject({ status: 200 });
    context.server.reset();
    context.server.faults.add({ method: "GET", path: runPath, fault: { largeBody: { bytes: 200_000_000 } } });
    const outcome = await childGet(128);
    expect(outcome).toMatchObject({ name: "GitHubSizeLimitError", message: sizeMessage(64 * MiB) });
    // What the limit lets the client hold (the chunks read so far, off-heap) plus stream buffers:
    // about 90 MiB over the baseline here; the bound leaves room for noise but stays well under
    // the 191 MiB body. Reading the whole body as text, as before this limit, peaked at 651 MiB
    // and failed with a misleading "invalid JSON".
    expect(outcome.maxRssMiB - baseline.maxRssMiB).toBeLessThan(128);
    expect(context.server.requests).toHaveLength(1);
  });

  it("is not context.retried, though GETs are: one request", async () => {
    context.server.faults.add({ method: "GET", path: runPath, times: 5, fault: { largeBody: { bytes: 2 * MiB } } });
    const error = await rejection(gen.getWorkflowRun(client({ maxResponseBytes: MiB }), run));
    expect(error).toBeInstanceOf(gen.GitHubSizeLimitError);
    expect(error).toBeInstanceOf(gen.GitHubResponseError);
    expect(error).toMatchObject({ status: 200, maxResponseBytes: MiB, message: sizeMessage(MiB) });
    expect(context.server.requests).toHaveLength(1);
    expect(context.retried).toEqual([]);
  });

  it("counts decompressed bytes: a gzip bomb (200 MB in a few hundred KB) fails at the limit", async () => {
    context.server.faults.add({ method: "GET", path: runPath, fault: { largeBody: { bytes: 200_000_000, gzip: true } } });
    const error = await rejection(gen.getWorkflowRun(client({ maxResponseBytes: 4 * MiB }), run));
    expect(error).toMatchObject({ name: "GitHubSizeLimitError", message: sizeMessage(4 * MiB) });
  });

  it("refuses at once a body whose content-length is above the limit", async () => {
    context.server.faults.add({ method: "GET", path: runPath, fault: { largeBody: { bytes: 200_000_000, contentLength: true } } });
    const error = await rejection(gen.getWorkflowRun(client({ maxResponseBytes: MiB }), run));
    expect(error).toMatchObject({ name: "GitHubSizeLimitError", message: sizeMessage(MiB) });
  });

  it("limits error bodies too", async () => {
    context.server.faults.add({ method: "GET", path: runPath, fault: { largeBody: { bytes: 2 * MiB, status: 404 } } });
    const error = await rejection(gen.getWorkflowRun(client({ maxResponseBytes: MiB }), run));
    expect(error).toMatchObject({ name: "GitHubSizeLimitError", status: 404 });
  });

  it("a body of exactly maxResponseBytes is read", async () => {
    const { data } = await gen.getWorkflowRun(client({ maxResponseBytes: 2 * MiB }), run);
    const size = Buffer.byteLength(JSON.stringify(data));
    context.server.reset();
    await expect(gen.getWorkflowRun(client({ maxResponseBytes: size }), run)).resolves.toMatchObject({ status: 200 });
    await expect(gen.getWorkflowRun(client({ maxResponseBytes: size - 1 }), run)).rejects.toBeInstanceOf(gen.GitHubSizeLimitError);
  });
});

describe("error messages", () => {
  it("a 404 with a 50 MB message gives a message of at most 500 characters of it; the body keeps it all", async () => {
    const huge = "m".repeat(50_000_000);
    context.server.faults.add({ method: "GET", path: runPath, fault: { respond: { status: 404, json: { message: huge } } } });
    const error = await rejection(gen.getWorkflowRun(client(), run));
    expect(error).toBeInstanceOf(gen.GitHubApiError);
    // The permission hint follows the clipped server text (getWorkflowRun needs actions: read).
    expect(error.message).toBe(
      `GET ${context.server.url}${runPath} → 404: ${"m".repeat(498)}…; missing permission? add "actions: read" to the workflow's permissions:`,
    );
    expect(((error as gen.GitHubApiError).body as { message: string }).message).toHaveLength(50_000_000);
  });
});

describe("time", () => {
  it("the timeout bounds the whole response: a body trickling a byte every 20 ms is cut off", async () => {
    context.server.faults.add({ method: "GET", path: runPath, fault: { trickleMs: 20 } });
    const error = await rejection(gen.getWorkflowRun(client({ timeoutMs: 300, retry: false }), run));
    expect(error).toBeInstanceOf(gen.GitHubTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 300, message: `GET ${context.server.url}${runPath}: no complete response within 300 ms` });
  });

  it("a client has a timeout without being given one", () => {
    expect(gen.createClient().timeoutMs).toBe(30_000);
  });
});
