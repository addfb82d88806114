import { describe, expect, expectTypeOf, it, vi } from "vitest";
import { createClient } from "../../generator/runtime/client.js";
import { GitHubError, GitHubResponseError } from "../../generator/runtime/errors.js";
import { GitHubPageLimitError } from "../../generator/runtime/page-limit-error.js";
import { operation } from "../../generator/runtime/operation.js";
import { collect, pages, paginate } from "../../generator/runtime/pagination.js";
import type { Page } from "../../generator/runtime/pagination.js";
import type { ApiResponse, PaginatedOperation } from "../../generator/runtime/types.js";
import { json, listGroupsSpec, listRunsSpec, recorder } from "./helpers.js";

interface Run {
  id: number;
}
interface ListRunsParams {
  owner: string;
  repo: string;
  status?: string;
  actor?: string;
  per_page?: number;
  page?: number;
}
const listRuns: PaginatedOperation<
  ListRunsParams,
  ApiResponse<200, { total_count: number; workflow_runs: Run[] }>,
  Run
> = /* @__PURE__ */ operation(listRunsSpec);

interface Group {
  group_name: string;
}
interface ListGroupsParams {
  owner: string;
  repo: string;
  per_page?: number;
  before?: string;
  after?: string;
}
const listGroups: PaginatedOperation<ListGroupsParams, ApiResponse<200, { concurrency_groups: Group[] }>, Group> = operation(
  listGroupsSpec,
);

const API = "https://api.github.com";
const runs = (from: number, n: number): Run[] => Array.from({ length: n }, (_, i) => ({ id: from + i }));
const link = (rels: Record<string, string>): Record<string, string> => ({
  link: Object.entries(rels)
    .map(([rel, url]) => `<${url}>; rel="${rel}"`)
    .join(", "),
});

/** A fake server: URL → response; unknown URLs are a test failure. */
function site(pagesByUrl: Record<string, () => Response>) {
  return recorder((url) => {
    const page = pagesByUrl[url];
    if (!page) throw new Error(`unexpected request ${url}`);
    return page();
  });
}

const FIRST = `${API}/repos/o/r/actions/runs?per_page=100`;
const P2 = `${API}/repositories/1296269/actions/runs?per_page=100&page=2`;
const P3 = `${API}/repositories/1296269/actions/runs?per_page=100&page=3`;
const threePages = () =>
  site({
    [FIRST]: () => json({ total_count: 250, workflow_runs: runs(0, 100) }, 200, link({ next: P2, last: P3 })),
    [P2]: () => json({ total_count: 250, workflow_runs: runs(100, 100) }, 200, link({ prev: FIRST, next: P3, last: P3, first: FIRST })),
    [P3]: () => json({ total_count: 250, workflow_runs: runs(200, 50) }, 200, link({ prev: P2, first: FIRST })),
  });

describe("page-style pagination", () => {
  it("follows Link rel=next exactly, across a path-shape switch", async () => {
    const { fetch, calls } = threePages();
    const gh = createClient({ token: "t", fetch });
    const ids: number[] = [];
    for await (const run of paginate(gh, listRuns, { owner: "o", repo: "r" })) {
      expectTypeOf(run).toEqualTypeOf<Run>();
      ids.push(run.id);
    }
    expect(ids).toEqual(runs(0, 250).map((r) => r.id));
    expect(calls.map((c) => c.url)).toEqual([FIRST, P2, P3]);
    for (const c of calls) expect(c.headers.get("authorization")).toBe("Bearer t");
  });

  it("yields pages with status, headers, items, totalCount, url and capped", async () => {
    const { fetch } = threePages();
    const seen: Array<Page<Run>> = [];
    for await (const page of paginate.pages(createClient({ fetch }), listRuns, { owner: "o", repo: "r" })) seen.push(page);
    expect(seen.map((p) => [p.status, p.url, p.items.length, p.totalCount, p.capped])).toEqual([
      [200, FIRST, 100, 250, false],
      [200, P2, 100, 250, false],
      [200, P3, 50, 250, false],
    ]);
    expect(seen[0]!.headers.link).toContain('rel="next"');
    expect(paginate.pages).toBe(pages);
  });

  it("keeps a given per_page and other params on the first request", async () => {
    const first = `${API}/repos/o/r/actions/runs?status=success&per_page=5`;
    const { fetch, calls } = site({ [first]: () => json({ total_count: 1, workflow_runs: runs(0, 1) }) });
    await collect(createClient({ fetch }), listRuns, { owner: "o", repo: "r", status: "success", per_page: 5 });
    expect(calls.map((c) => c.url)).toEqual([first]);
  });

  it("stops at an empty page even if it has a next link", async () => {
    const { fetch, calls } = site({
      [FIRST]: () => json({ total_count: 250, workflow_runs: runs(0, 100) }, 200, link({ next: P2 })),
      [P2]: () => json({ total_count: 250, workflow_runs: [] }, 200, link({ next: P3 })),
    });
    expect(await collect(createClient({ fetch }), listRuns, { owner: "o", repo: "r" })).toHaveLength(100);
    expect(calls).toHaveLength(2);
  });

  it.each([
    ["a page linking to itself", P2],
    ["a page linking back to the first", FIRST],
  ])("stops on a repeated next link: %s", async (_name, again) => {
    const { fetch, calls } = site({
      [FIRST]: () => json({ workflow_runs: runs(0, 2) }, 200, link({ next: P2 })),
      [P2]: () => json({ workflow_runs: runs(2, 2) }, 200, link({ next: again })),
    });
    expect((await collect(createClient({ fetch }), listRuns, { owner: "o", repo: "r" })).map((r) => r.id)).toEqual([0, 1, 2, 3]);
    expect(calls).toHaveLength(2);
  });

  it("refuses a next link to another host", async () => {
    const { fetch, calls } = site({
      [FIRST]: () => json({ workflow_runs: runs(0, 1) }, 200, link({ next: "https://evil.example/steal?page=2" })),
    });
    await expect(collect(createClient({ token: "t", fetch }), listRuns, { owner: "o", repo: "r" })).rejects.toBeInstanceOf(GitHubError);
    expect(calls).toHaveLength(1);
  });

  it("reads a body that is the array itself (itemsKey null)", async () => {
    const spec = { ...listRunsSpec, pagination: { style: "page", itemsKey: null } } as const;
    const list: PaginatedOperation<{ owner: string; repo: string }, ApiResponse<200, Run[]>, Run> = operation(spec);
    const { fetch } = site({ [FIRST]: () => json(runs(0, 3)) });
    expect(await collect(createClient({ fetch }), list, { owner: "o", repo: "r" })).toEqual(runs(0, 3));
  });

  it("reports a body without the items array as GitHubResponseError", async () => {
    const { fetch } = site({ [FIRST]: () => json({ message: "weird" }) });
    const err = await collect(createClient({ fetch }), listRuns, { owner: "o", repo: "r" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubResponseError);
    expect((err as Error).message).toContain('expected an array at "workflow_runs"');
  });
});

describe("laziness and limits", () => {
  it("makes no request until iterated", () => {
    const { fetch, calls } = threePages();
    paginate(createClient({ fetch }), listRuns, { owner: "o", repo: "r" });
    paginate.pages(createClient({ fetch }), listRuns, { owner: "o", repo: "r" });
    expect(calls).toHaveLength(0);
  });

  it("breaking out of for-await makes no further request", async () => {
    const { fetch, calls } = threePages();
    for await (const run of paginate(createClient({ fetch }), listRuns, { owner: "o", repo: "r" })) {
      if (run.id === 99) break;
    }
    expect(calls).toHaveLength(1);
  });

  it.each([
    [0, 0, 0],
    [1, 1, 1],
    [100, 100, 1],
    [101, 101, 2],
    [150, 150, 2],
    [200, 200, 2],
    [249, 249, 3],
    [1000, 250, 3],
    [undefined, 250, 3],
  ])("collect with max %s returns %s items after exactly %s requests", async (max, want, requests) => {
    const { fetch, calls } = threePages();
    const items = await collect(createClient({ fetch }), listRuns, { owner: "o", repo: "r" }, { max });
    expectTypeOf(items).toEqualTypeOf<Run[]>();
    expect(items).toHaveLength(want);
    expect(items.map((r) => r.id)).toEqual(runs(0, want).map((r) => r.id));
    expect(calls).toHaveLength(requests);
  });
});

describe("bounds on what a server can make a walk do", () => {
  /** Every page links to the next page number, forever; `total` as total_count if given. */
  const endless = (total?: number) =>
    recorder((url) => {
      const n = Number(new URL(url).searchParams.get("page") ?? "1");
      const next = `${API}/repos/o/r/actions/runs?page=${n + 1}`;
      return json({ ...(total === undefined ? {} : { total_count: total }), workflow_runs: runs(n, 1) }, 200, link({ next }));
    });

  it("stops at maxPages with GitHubPageLimitError naming the page not fetched", async () => {
    const { fetch, calls } = endless();
    const error = await collect(createClient({ fetch }), listRuns, { owner: "o", repo: "r" }, { maxPages: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubPageLimitError);
    expect(error).toMatchObject({
      name: "GitHubPageLimitError",
      maxPages: 3,
      url: `${API}/repos/o/r/actions/runs?page=4`,
      message: `GET ${API}/repos/o/r/actions/runs?page=4: not fetched, 3 pages already (maxPages); raise maxPages or narrow the listing`,
    });
    expect(calls).toHaveLength(3);
  });

  it.each([NaN, -1, "5"])("refuses maxPages %s before any request (NaN would walk forever)", async (maxPages) => {
    const { fetch, calls } = endless();
    const error = await collect(createClient({ fetch }), listRuns, { owner: "o", repo: "r" }, { maxPages: maxPages as number }).catch(
      (e: unknown) => e,
    );
    expect(error).toEqual(new TypeError(`maxPages must be a number ≥ 0, not ${String(maxPages)}`));
    expect(calls).toHaveLength(0);
  });

  it("fetches at least the first page with maxPages 0", async () => {
    const { fetch, calls } = endless();
    await expect(collect(createClient({ fetch }), listRuns, { owner: "o", repo: "r" }, { maxPages: 0 })).rejects.toBeInstanceOf(
      GitHubPageLimitError,
    );
    expect(calls).toHaveLength(1);
  });

  it("a walk that ends by itself within maxPages is not an error", async () => {
    const { fetch, calls } = threePages();
    expect(await collect(createClient({ fetch }), listRuns, { owner: "o", repo: "r" }, { maxPages: 3 })).toHaveLength(250);
    expect(calls).toHaveLength(3);
  });

  it("Infinity lifts the limit (here collect's max ends the walk)", async () => {
    const { fetch, calls } = endless();
    expect(await collect(createClient({ fetch }), listRuns, { owner: "o", repo: "r" }, { maxPages: Infinity, max: 1500 })).toHaveLength(
      1500,
    );
    expect(calls).toHaveLength(1500);
  });

  it("ends, without an error, once it has yielded total_count items", async () => {
    const { fetch, calls } = endless(4);
    expect((await collect(createClient({ fetch }), listRuns, { owner: "o", repo: "r" })).map((r) => r.id)).toEqual([1, 2, 3, 4]);
    expect(calls).toHaveLength(4);
  });

  it("follows a relative link against the page's URL", async () => {
    const { fetch, calls } = site({
      [FIRST]: () => json({ total_count: 2, workflow_runs: runs(0, 1) }, 200, link({ next: "?per_page=100&page=2" })),
      [`${API}/repos/o/r/actions/runs?per_page=100&page=2`]: () => json({ total_count: 2, workflow_runs: runs(1, 1) }),
    });
    expect(await collect(createClient({ fetch }), listRuns, { owner: "o", repo: "r" })).toEqual(runs(0, 2));
    expect(calls).toHaveLength(2);
  });

  it.each([
    ["another path of a GHES origin", "https://ghe.example.com/evil/collect"],
    ["dot segments out of the base path", "https://ghe.example.com/api/v3/../../evil"],
    ["not a URL", "http://[bad"],
  ])("refuses a next link to %s with GitHubResponseError, sending nothing", async (_name, next) => {
    const ghes = "https://ghe.example.com/api/v3";
    const first = `${ghes}/repos/o/r/actions/runs?per_page=100`;
    const { fetch, calls } = site({ [first]: () => json({ total_count: 9, workflow_runs: runs(0, 1) }, 200, link({ next })) });
    const error = await collect(createClient({ token: "t", fetch, baseUrl: ghes }), listRuns, { owner: "o", repo: "r" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitHubResponseError);
    expect((error as Error).message).toBe(`GET ${first}: Link ${JSON.stringify(next)} is not a URL under ${ghes}; not followed`);
    expect(calls).toHaveLength(1);
  });
});

describe("cursor-style pagination", () => {
  const G1 = `${API}/repos/o/r/actions/concurrency_groups?per_page=100`;
  const G2 = `${API}/repos/o/r/actions/concurrency_groups?per_page=100&after=Y3Vyc29yOjI%3D`;
  const G0 = `${API}/repos/o/r/actions/concurrency_groups?per_page=100&before=Y3Vyc29yOjE%3D`;
  const groups = (...names: string[]) => ({ concurrency_groups: names.map((group_name) => ({ group_name })) });

  it("follows the after cursor forward", async () => {
    const { fetch, calls } = site({
      [G1]: () => json(groups("a", "b"), 200, link({ next: G2, prev: G0 })),
      [G2]: () => json(groups("c"), 200, link({ prev: G1 })),
    });
    const all = await collect(createClient({ fetch }), listGroups, { owner: "o", repo: "r" });
    expect(all.map((g) => g.group_name)).toEqual(["a", "b", "c"]);
    expect(calls.map((c) => c.url)).toEqual([G1, G2]);
  });

  it("follows the before cursor backward", async () => {
    const { fetch, calls } = site({
      [G1]: () => json(groups("c", "d"), 200, link({ next: G2, prev: G0 })),
      [G0]: () => json(groups("a", "b"), 200, link({ next: G1 })),
    });
    const all = await collect(createClient({ fetch }), listGroups, { owner: "o", repo: "r" }, { direction: "backward" });
    expect(all.map((g) => g.group_name)).toEqual(["c", "d", "a", "b"]);
    expect(calls.map((c) => c.url)).toEqual([G1, G0]);
  });

  it("refuses backward paging when the operation takes no before cursor, before any request", () => {
    const { fetch, calls } = threePages();
    const gh = createClient({ fetch });
    expect(() => paginate(gh, listRuns, { owner: "o", repo: "r" }, { direction: "backward" })).toThrow(TypeError);
    expect(() => pages(gh, listRuns, { owner: "o", repo: "r" }, { direction: "backward" })).toThrow(
      "actions/list-workflow-runs-for-repo cannot be paged backward",
    );
    expect(calls).toHaveLength(0);
  });
});

describe("capped results", () => {
  const capped = () =>
    site({
      [`${API}/repos/o/r/actions/runs?status=failure&per_page=100`]: () =>
        json({ total_count: 5000, workflow_runs: runs(0, 100) }, 200, link({ next: P2 })),
      [P2]: () => json({ total_count: 5000, workflow_runs: runs(100, 100) }),
      [FIRST]: () => json({ total_count: 5000, workflow_runs: runs(0, 100) }, 200, link({ next: P2 })),
    });

  it("flags pages and calls onCapped once when a capping filter is set and total_count exceeds the cap", async () => {
    const { fetch } = capped();
    const onCapped = vi.fn();
    const flags: boolean[] = [];
    for await (const page of pages(createClient({ fetch }), listRuns, { owner: "o", repo: "r", status: "failure" }, { onCapped })) {
      flags.push(page.capped);
    }
    expect(flags).toEqual([true, true]);
    expect(onCapped).toHaveBeenCalledTimes(1);
    expect(onCapped).toHaveBeenCalledWith({ totalCount: 5000, cap: 1000 });
  });

  it("does not flag without a capping filter", async () => {
    const { fetch } = capped();
    const onCapped = vi.fn();
    const flags: boolean[] = [];
    for await (const page of pages(createClient({ fetch }), listRuns, { owner: "o", repo: "r" }, { onCapped })) flags.push(page.capped);
    expect(flags).toEqual([false, false]);
    expect(onCapped).not.toHaveBeenCalled();
  });

  it("does not flag when total_count is within the cap", async () => {
    const { fetch } = site({
      [`${API}/repos/o/r/actions/runs?actor=me&per_page=100`]: () => json({ total_count: 1000, workflow_runs: runs(0, 1) }),
    });
    const onCapped = vi.fn();
    for await (const page of pages(createClient({ fetch }), listRuns, { owner: "o", repo: "r", actor: "me" }, { onCapped })) {
      expect(page.capped).toBe(false);
    }
    expect(onCapped).not.toHaveBeenCalled();
  });
});

describe("types", () => {
  it("infers params from the operation, not the argument", () => {
    const gh = createClient();
    // @ts-expect-error: `statsu` is not a parameter of the operation.
    void (() => paginate(gh, listRuns, { owner: "o", repo: "r", statsu: "x" }));
    // @ts-expect-error: `repo` is required.
    void (() => collect(gh, listRuns, { owner: "o" }));
    expectTypeOf(paginate(gh, listGroups, { owner: "o", repo: "r" })).toEqualTypeOf<AsyncGenerator<Group, void, undefined>>();
  });
});
