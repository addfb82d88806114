// Section 3: cost per call with a stubbed fetch. Every contender makes the same GET and reads the
// same JSON body; the responses are prebuilt, so the difference is the client's own work.
import createOpenapiFetch from "openapi-fetch";
import { Octokit } from "@octokit/core";
import type { paths } from "../generated/dist/types.js";
import { GENERATED_DIST } from "./lib/paths.js";
import { median, rotate } from "./lib/stats.js";
import { listRunsExample, QueuedFetch, TINY_BODY } from "./stub.js";

const BASE = "https://api.github.com";
const OWNER = "octo-org";
const REPO = "octo-repo";
const RUN_ID = 30433642;
const CHUNK = 1000;

export type Shape = "tiny" | "list";

export interface CallContender {
  readonly name: string;
  /** One call that resolves to the parsed body. */
  readonly call: Record<Shape, () => Promise<unknown>>;
}

export interface CallResult {
  readonly name: string;
  /** Median over batches of µs per call. */
  readonly us: Record<Shape, number>;
}

export interface CallOptions {
  readonly batches: number;
  readonly callsPerBatch: number;
  readonly warmupCalls: number;
  readonly heyModule?: string;
  readonly log: (line: string) => void;
}

export async function contenders(stub: QueuedFetch, heyModule: string | undefined): Promise<CallContender[]> {
  const fetch = stub.fetch;
  const ours = (await import(GENERATED_DIST)) as typeof import("../generated/dist/index.js");
  const out: CallContender[] = [];

  const init = { headers: { accept: "application/vnd.github+json", authorization: "Bearer x" } };
  out.push({
    name: "no client (bare fetch + json)",
    call: {
      tiny: async () => (await fetch(`${BASE}/repos/${OWNER}/${REPO}/actions/runs/${RUN_ID}`, init)).json(),
      list: async () => (await fetch(`${BASE}/repos/${OWNER}/${REPO}/actions/runs`, init)).json(),
    },
  });

  for (const [label, retry] of [
    ["ours (default retry)", undefined],
    ["ours (retry: false)", false],
  ] as const) {
    const gh = ours.createClient({ fetch, token: "x", ...(retry === false ? { retry } : {}) });
    out.push({
      name: label,
      call: {
        tiny: async () => (await ours.getWorkflowRun(gh, { owner: OWNER, repo: REPO, run_id: RUN_ID })).data,
        list: async () => (await ours.listWorkflowRunsForRepo(gh, { owner: OWNER, repo: REPO })).data,
      },
    });
  }

  const of = createOpenapiFetch<paths>({ baseUrl: BASE, fetch, headers: { authorization: "Bearer x" } });
  out.push({
    name: "openapi-fetch 0.17",
    call: {
      tiny: async () =>
        (await of.GET("/repos/{owner}/{repo}/actions/runs/{run_id}", { params: { path: { owner: OWNER, repo: REPO, run_id: RUN_ID } } }))
          .data,
      list: async () => (await of.GET("/repos/{owner}/{repo}/actions/runs", { params: { path: { owner: OWNER, repo: REPO } } })).data,
    },
  });

  if (heyModule) {
    type Result = Promise<{ data?: unknown }>;
    const hey = (await import(heyModule)) as {
      createClient(config: unknown): unknown;
      createConfig(config: unknown): unknown;
      actionsGetWorkflowRun(options: unknown): Result;
      actionsListWorkflowRunsForRepo(options: unknown): Result;
    };
    const client = hey.createClient(hey.createConfig({ baseUrl: BASE, fetch, headers: { authorization: "Bearer x" } }));
    out.push({
      name: "hey-api 0.99 (generated, client-fetch)",
      call: {
        tiny: async () => (await hey.actionsGetWorkflowRun({ client, path: { owner: OWNER, repo: REPO, run_id: RUN_ID } })).data,
        list: async () => (await hey.actionsListWorkflowRunsForRepo({ client, path: { owner: OWNER, repo: REPO } })).data,
      },
    });
  }

  const octokit = new Octokit({ auth: "x", request: { fetch } });
  out.push({
    name: "Octokit core 7",
    call: {
      tiny: async () =>
        (await octokit.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}", { owner: OWNER, repo: REPO, run_id: RUN_ID })).data,
      list: async () => (await octokit.request("GET /repos/{owner}/{repo}/actions/runs", { owner: OWNER, repo: REPO })).data,
    },
  });
  return out;
}

/** Times `calls` calls on a queue the stub serves from; the refill is not timed. Returns ns. */
async function timedChunk(stub: QueuedFetch, body: string, call: () => Promise<unknown>, calls: number): Promise<number> {
  stub.refill(calls, body);
  const t = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await call();
  return Number(process.hrtime.bigint() - t);
}

function check(name: string, shape: Shape, data: unknown): void {
  const ok =
    shape === "tiny" ? (data as { id?: unknown })?.id === RUN_ID : (data as { workflow_runs?: unknown[] })?.workflow_runs?.length === 1;
  if (!ok) throw new Error(`${name}: unexpected ${shape} result ${JSON.stringify(data)?.slice(0, 120)}`);
}

export async function benchCalls(options: CallOptions): Promise<{ results: CallResult[]; bodies: Record<Shape, number> }> {
  const stub = new QueuedFetch();
  const all = await contenders(stub, options.heyModule);
  const bodies: Record<Shape, string> = { tiny: TINY_BODY, list: JSON.stringify(listRunsExample()) };
  const us = new Map<string, Record<Shape, number[]>>(all.map((c) => [c.name, { tiny: [], list: [] }]));
  for (const shape of ["tiny", "list"] as const) {
    for (const c of all) {
      stub.refill(1, bodies[shape]);
      check(c.name, shape, await c.call[shape]());
      for (let done = 0; done < options.warmupCalls; done += CHUNK) await timedChunk(stub, bodies[shape], c.call[shape], CHUNK);
    }
    // A batch is interleaved chunk by chunk, so that every contender's batch spans the same
    // stretch of time (a shared machine's load drifts); the order rotates chunk by chunk.
    const chunks = Math.ceil(options.callsPerBatch / CHUNK);
    for (let batch = 0; batch < options.batches; batch++) {
      const ns = new Map<CallContender, number>(all.map((c) => [c, 0]));
      for (let k = 0; k < chunks; k++) {
        for (const c of rotate(all, batch * chunks + k))
          ns.set(c, ns.get(c)! + (await timedChunk(stub, bodies[shape], c.call[shape], CHUNK)));
      }
      for (const c of all) us.get(c.name)![shape].push(ns.get(c)! / 1000 / (chunks * CHUNK));
    }
    options.log(`  ${shape}: ${all.map((c) => `${c.name} ${median(us.get(c.name)![shape]).toFixed(1)} µs`).join("; ")}`);
  }
  return {
    results: all.map((c) => ({ name: c.name, us: { tiny: median(us.get(c.name)!.tiny), list: median(us.get(c.name)!.list) } })),
    bodies: { tiny: Buffer.byteLength(bodies.tiny), list: Buffer.byteLength(bodies.list) },
  };
}
