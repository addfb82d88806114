// splitCapped over real HTTP: a server that, like GitHub, serves at most 1,000 results of a filtered
// run listing and reads `created` ranges. The client must get every run once, in the server's order.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  collect,
  createClient,
  GitHubPageLimitError,
  listWorkflowRunsForRepo,
  listConcurrencyGroupsForRepository,
  paginate,
  splitCapped,
  type CappedInfo,
  type Client,
} from "../../generated/src/index.js";

const CAP = 1000;
interface Run {
  id: number;
  created: number; // epoch seconds
  status: string;
}

/** 2,600 completed runs, one every 7 minutes back from 2026-01-01, newest first (GitHub's order). */
const START = Date.UTC(2026, 0, 1) / 1000;
const spread: Run[] = Array.from({ length: 2600 }, (_, i) => ({ id: 100_000 - i, created: START - i * 420, status: "completed" }));
/** 1,200 runs created in the same second: no window can bring them under the cap. */
const burst: Run[] = Array.from({ length: 1200 }, (_, i) => ({ id: 50_000 - i, created: START, status: "completed" }));

let runs: Run[] = spread;
const queries: URLSearchParams[] = [];

/** Reads GitHub's `A..B` form only (what splitCapped sends); anything else is a 422 so the test sees it. */
function inRange(created: string | null): ((r: Run) => boolean) | undefined {
  if (created === null) return () => true;
  const m = /^(.+)\.\.(.+)$/.exec(created);
  if (!m) return undefined;
  const lo = Date.parse(m[1]!) / 1000;
  const hi = Date.parse(m[2]!) / 1000;
  return (r) => r.created >= lo && r.created <= hi;
}

let server: Server;
let gh: Client;
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://127.0.0.1");
    const q = url.searchParams;
    queries.push(q);
    const match = inRange(q.get("created"));
    if (url.pathname !== "/repos/o/r/actions/runs" || !match) {
      res.writeHead(422, { "content-type": "application/json" }).end(JSON.stringify({ message: `bad query ${url.search}` }));
      return;
    }
    const status = q.get("status");
    const all = runs.filter((r) => (!status || r.status === status) && match(r));
    const filtered = status !== null || q.get("created") !== null;
    const reachable = filtered ? all.slice(0, CAP) : all;
    const perPage = Number(q.get("per_page") ?? 30);
    const page = Number(q.get("page") ?? 1);
    const items = reachable.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (page * perPage < reachable.length) {
      const next = new URL(url);
      next.searchParams.set("page", String(page + 1));
      headers.link = `<${next.href.replace("http://127.0.0.1", base)}>; rel="next"`;
    }
    res.writeHead(200, headers).end(
      JSON.stringify({
        total_count: all.length,
        workflow_runs: items.map((r) => ({ id: r.id, created_at: new Date(r.created * 1000).toISOString(), status: r.status })),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  gh = createClient({ token: "ghp_splitTest", baseUrl: base, retry: false });
});
let base = "";
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  runs = spread;
  queries.length = 0;
});

const params = { owner: "o", repo: "r", status: "completed" as const };

describe("splitCapped", () => {
  it("without it, a capped listing stops at 1,000 and says so", async () => {
    const capped: CappedInfo[] = [];
    const got = await collect(gh, listWorkflowRunsForRepo, params, { onCapped: (i) => capped.push(i) });
    expect(got).toHaveLength(1000);
    expect(capped).toEqual([{ totalCount: 2600, cap: 1000 }]);
  });

  it("collects all 2,600 runs of a listing capped at 1,000: each once, in the server's order", async () => {
    const capped: CappedInfo[] = [];
    const got = await collect(gh, listWorkflowRunsForRepo, params, { splitCapped, onCapped: (i) => capped.push(i) });
    const ids = got.map((r) => r.id);
    expect(ids).toHaveLength(2600);
    expect(new Set(ids).size).toBe(2600);
    expect(ids).toEqual(spread.map((r) => r.id));
    expect(capped).toEqual([]);
    // Every window request was under the cap, or split further without reading past its first page.
    const windows = queries.filter((q) => q.get("created"));
    expect(windows.length).toBeGreaterThan(2);
    expect(windows.every((q) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\.\.\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(q.get("created")!))).toBe(true);
    expect(queries.every((q) => q.get("status") === "completed")).toBe(true);
  });

  it("paginate yields the same runs lazily, and stops requesting when the consumer stops", async () => {
    let n = 0;
    for await (const run of paginate(gh, listWorkflowRunsForRepo, params, { splitCapped })) {
      expect(run.id).toBe(spread[n]!.id);
      if (++n === 1500) break;
    }
    const made = queries.length;
    expect(made).toBeLessThan(40);
    await new Promise((r) => setTimeout(r, 20));
    expect(queries.length).toBe(made);
  });

  it("does not split a listing that is not capped", async () => {
    runs = spread.slice(0, 900);
    const got = await collect(gh, listWorkflowRunsForRepo, params, { splitCapped });
    expect(got).toHaveLength(900);
    expect(queries.map((q) => q.get("created"))).toEqual(Array(9).fill(null));
  });

  it("keeps within the caller's created range", async () => {
    const lo = START - 1999 * 420;
    const range = `${new Date(lo * 1000).toISOString().slice(0, 19)}Z..${new Date(START * 1000).toISOString().slice(0, 19)}Z`;
    const got = await collect(gh, listWorkflowRunsForRepo, { ...params, created: range }, { splitCapped });
    expect(got.map((r) => r.id)).toEqual(spread.slice(0, 2000).map((r) => r.id));
    for (const q of queries.slice(1)) {
      const [a, b] = q
        .get("created")!
        .split("..")
        .map((d) => Date.parse(d) / 1000);
      expect(a).toBeGreaterThanOrEqual(lo);
      expect(b).toBeLessThanOrEqual(START);
    }
  });

  it("a one-second window still over the cap goes to onCapped, with its first 1,000 runs", async () => {
    runs = [...burst, ...spread.slice(1, 500)];
    const capped: CappedInfo[] = [];
    const got = await collect(gh, listWorkflowRunsForRepo, params, { splitCapped, onCapped: (i) => capped.push(i) });
    expect(capped).toEqual([{ totalCount: 1200, cap: 1000 }]);
    expect(got).toHaveLength(1000 + 499);
    expect(new Set(got.map((r) => r.id)).size).toBe(1499);
  });

  it("one maxPages budget for all windows", async () => {
    const error = await collect(gh, listWorkflowRunsForRepo, params, { splitCapped, maxPages: 12 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubPageLimitError);
    expect(queries.length).toBe(12);
  });

  it("refuses a created filter it cannot read, and an operation that cannot be split, before any request", () => {
    expect(() => paginate(gh, listWorkflowRunsForRepo, { ...params, created: "last week" }, { splitCapped })).toThrow(
      /cannot read created "last week"; use YYYY-MM-DD/,
    );
    expect(() => paginate(gh, listWorkflowRunsForRepo, { ...params, created: "2026-02-01..2026-01-01" }, { splitCapped })).toThrow(
      /empty range/,
    );
    expect(() => paginate(gh, listConcurrencyGroupsForRepository, { owner: "o", repo: "r" }, { splitCapped })).toThrow(/cannot be split/);
    expect(queries).toEqual([]);
  });
});
