// Pagination over real HTTP: page numbers with Link headers, cursors both ways, the result cap,
// a next link that changes path shape, a repeating cursor, and faults in the middle of a walk.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGitHubServer, FIXTURES, type GitHubServer } from "../server/server.js";
import {
  collect,
  createClient,
  listConcurrencyGroupsForRepository,
  listConcurrencyGroupsForWorkflowRun,
  listWorkflowRunsForRepo,
  pages,
  paginate,
  type Client,
} from "../../generated/src/index.js";

let server: GitHubServer;
let gh: Client;
beforeAll(async () => {
  server = await startGitHubServer();
  gh = createClient({ token: "ghp_paginationTest", baseUrl: server.url, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const big = { owner: FIXTURES.big.owner, repo: FIXTURES.big.repo };
const ids = async <T extends { id: number }>(items: AsyncIterable<T>) => {
  const out: number[] = [];
  for await (const item of items) out.push(item.id);
  return out;
};

/** The runs of the big repo in the server's own order, read straight from its state. */
async function expectedRunIds(): Promise<number[]> {
  const out: number[] = [];
  for (let page = 1; page <= 37; page++) {
    const res = await fetch(`${server.url}/repos/${big.owner}/${big.repo}/actions/runs?per_page=100&page=${page}`, {
      headers: { "x-github-api-version": "2022-11-28" },
    });
    out.push(...((await res.json()) as { workflow_runs: { id: number }[] }).workflow_runs.map((r) => r.id));
  }
  server.reset();
  return out;
}

describe("page style", () => {
  it("walks 37 pages of 100 runs: every run once, in order, 37 requests", async () => {
    const want = await expectedRunIds();
    const got = await ids(paginate(gh, listWorkflowRunsForRepo, big));
    expect(got).toHaveLength(3700);
    expect(new Set(got).size).toBe(3700);
    expect(got).toEqual(want);
    expect(server.requests).toHaveLength(37);
    expect(server.requests[0]!.query.per_page).toBe("100");
  });

  it("follows a next link that switches to /repositories/{id}/… exactly as given", async () => {
    const { owner, repo, id, runCount } = FIXTURES.renamed;
    const got = await ids(paginate(gh, listWorkflowRunsForRepo, { owner, repo, per_page: 50 }));
    expect(got).toHaveLength(runCount);
    expect(new Set(got).size).toBe(runCount);
    expect(server.requests.map((r) => r.path)).toEqual([
      `/repos/${owner}/${repo}/actions/runs`,
      ...Array(4).fill(`/repositories/${id}/actions/runs`),
    ]);
  });

  it("collect({ max }) makes no request beyond the page that reaches max", async () => {
    const runs = await collect(gh, listWorkflowRunsForRepo, big, { max: 250 });
    expect(runs).toHaveLength(250);
    expect(server.requests).toHaveLength(3);
  });

  it("breaking out of for await makes no further request", async () => {
    let seen = 0;
    for await (const _run of paginate(gh, listWorkflowRunsForRepo, big)) if (++seen === 150) break;
    expect(server.requests).toHaveLength(2);
  });

  it("says when a filter caps the results at 1,000: capped pages and one onCapped call", async () => {
    const calls: { totalCount: number; cap: number }[] = [];
    const walked = [];
    for await (const page of pages(gh, listWorkflowRunsForRepo, { ...big, status: "completed" }, { onCapped: (info) => calls.push(info) }))
      walked.push(page);
    expect(walked).toHaveLength(10);
    expect(walked.reduce((n, p) => n + p.items.length, 0)).toBe(1000);
    expect(walked.every((p) => p.capped)).toBe(true);
    expect(walked[0]!.totalCount).toBeGreaterThan(1000);
    expect(calls).toEqual([{ totalCount: walked[0]!.totalCount, cap: 1000 }]);
  });

  it("does not flag an unfiltered walk as capped", async () => {
    const first = await pages(gh, listWorkflowRunsForRepo, big).next();
    expect(first.value?.capped).toBe(false);
  });
});

describe("cursor style", () => {
  const many = { owner: FIXTURES.manyGroups.owner, repo: FIXTURES.manyGroups.repo, run_id: FIXTURES.manyGroups.runId };

  it("walks 25 pages of groups forward, sorted by name, none missing or repeated", async () => {
    const names: string[] = [];
    for await (const group of paginate(gh, listConcurrencyGroupsForWorkflowRun, { ...many, per_page: 10 })) names.push(group.group_name);
    const want = Array.from({ length: 250 }, (_, i) => `group-${String(i).padStart(3, "0")}`);
    expect(names).toEqual(want);
    expect(server.requests).toHaveLength(25);
    expect(server.requests.slice(1).every((r) => typeof r.query.after === "string")).toBe(true);
  });

  it("walks backward from a before cursor with direction: backward", async () => {
    const forward = pages(gh, listConcurrencyGroupsForWorkflowRun, { ...many, per_page: 10 });
    await forward.next();
    const second = await forward.next();
    await forward.return(undefined);
    const cursor = new URL(/<([^>]+)>;\s*rel="next"/.exec(second.value!.headers.link!)![1]!).searchParams.get("after")!;
    server.reset();
    const names: string[] = [];
    for await (const group of paginate(
      gh,
      listConcurrencyGroupsForWorkflowRun,
      { ...many, per_page: 10, before: cursor },
      { direction: "backward" },
    ))
      names.push(group.group_name);
    expect(names).toHaveLength(20);
    expect(new Set(names).size).toBe(20);
    expect(names.slice(0, 10)).toEqual(second.value!.items.map((g) => g.group_name));
  });

  it("refuses to page backward an operation without a before cursor", () => {
    expect(() => paginate(gh, listConcurrencyGroupsForRepository, { owner: "o", repo: "r" }, { direction: "backward" })).toThrow(TypeError);
  });

  it("stops at a next link it has already followed (loop guard)", async () => {
    const { owner, repo } = FIXTURES.loop;
    const names: string[] = [];
    for await (const group of paginate(gh, listConcurrencyGroupsForRepository, { owner, repo, per_page: 10 })) names.push(group.group_name);
    // Page 3's next link is page 2's again: three requests, thirty distinct groups, then stop.
    expect(server.requests).toHaveLength(3);
    expect(names).toHaveLength(30);
    expect(new Set(names).size).toBe(30);
  });
});

describe("faults in the middle of a walk", () => {
  it("retries a 503 burst and a reset mid-body without losing or repeating a run", async () => {
    const want = await expectedRunIds();
    server.faults.add({ method: "GET", path: /page=5\b/, times: 2, fault: { status: 503 } });
    server.faults.add({ method: "GET", path: /page=9\b/, times: 1, fault: { reset: "mid-body" } });
    const got = await ids(paginate(gh, listWorkflowRunsForRepo, big));
    expect(got).toEqual(want);
    expect(server.requests).toHaveLength(37 + 3);
  });
});
