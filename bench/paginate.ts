// Section 4: collecting 100 pages of 100 full workflow runs each from a stubbed fetch that sends
// GitHub's Link headers: a plain fetch loop, our `collect`, and Octokit's `paginate`.
import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { GENERATED_DIST } from "./lib/paths.js";
import { median, rotate } from "./lib/stats.js";
import { listRunsExample, pagedFetch } from "./stub.js";

const BASE = "https://api.github.com";
const OWNER = "octo-org";
const REPO = "octo-repo";

export interface PaginateResult {
  readonly name: string;
  readonly ms: number;
}

export interface PaginateOptions {
  readonly runs: number;
  readonly pages: number;
  readonly perPage: number;
  readonly log: (line: string) => void;
}

export async function benchPaginate(options: PaginateOptions): Promise<{ results: PaginateResult[]; pageBytes: number }> {
  const run = listRunsExample().workflow_runs[0]!;
  const body = JSON.stringify({
    total_count: options.pages * options.perPage,
    workflow_runs: Array.from({ length: options.perPage }, (_, i) => ({ ...run, id: (run.id as number) + i })),
  });
  const fetch = pagedFetch(body, options.pages);
  const ours = (await import(GENERATED_DIST)) as typeof import("../generated/dist/index.js");
  const gh = ours.createClient({ fetch, token: "x" });
  const octokit = new (Octokit.plugin(paginateRest))({ auth: "x", request: { fetch } });
  const init = { headers: { accept: "application/vnd.github+json", authorization: "Bearer x" } };

  const contenders: { name: string; collect(): Promise<unknown[]> }[] = [
    {
      name: "plain fetch loop (Link rel=next)",
      async collect() {
        const items: unknown[] = [];
        let url: string | undefined = `${BASE}/repos/${OWNER}/${REPO}/actions/runs?per_page=${options.perPage}`;
        while (url) {
          const res: Response = await fetch(url, init);
          const data = (await res.json()) as { workflow_runs: unknown[] };
          for (const item of data.workflow_runs) items.push(item);
          url = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
        }
        return items;
      },
    },
    {
      name: "ours: collect(gh, listWorkflowRunsForRepo, …)",
      collect: () => ours.collect(gh, ours.listWorkflowRunsForRepo, { owner: OWNER, repo: REPO }),
    },
    {
      name: "Octokit: octokit.paginate(…)",
      collect: () => octokit.paginate("GET /repos/{owner}/{repo}/actions/runs", { owner: OWNER, repo: REPO, per_page: options.perPage }),
    },
  ];
  const expected = options.pages * options.perPage;
  for (const c of contenders) {
    const n = (await c.collect()).length; // warm-up and check
    if (n !== expected) throw new Error(`${c.name}: collected ${n} items, expected ${expected}`);
  }
  const ms = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < options.runs; round++) {
    for (const c of rotate(contenders, round)) {
      const t = performance.now();
      await c.collect();
      ms.get(c.name)!.push(performance.now() - t);
    }
  }
  const results = contenders.map((c) => ({ name: c.name, ms: median(ms.get(c.name)!) }));
  options.log(`  ${results.map((r) => `${r.name} ${r.ms.toFixed(0)} ms`).join("; ")}`);
  return { results, pageBytes: Buffer.byteLength(body) };
}
