// A stubbed fetch: responses are built ahead of time, outside the measured loop, so that a call
// costs only what the client does with them (plus reading the body, which every contender does).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { ROOT } from "./lib/paths.js";

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };

/** A tiny body, as for a small GET. */
export const TINY_BODY = JSON.stringify({ id: 30433642, name: "Build", status: "completed", conclusion: "success" });

/** The docs' list-runs example (total_count 1, one full run): about 11.7 kB of JSON. */
export function listRunsExample(): { total_count: number; workflow_runs: Record<string, unknown>[] } {
  const file = join(ROOT, "spec/components/examples/workflow-run-paginated.yaml");
  return (parse(readFileSync(file, "utf8")) as { value: { total_count: number; workflow_runs: Record<string, unknown>[] } }).value;
}

/** A fetch whose next responses are prebuilt in chunks with `refill`, outside any timing. */
export class QueuedFetch {
  private queue: Response[] = [];
  private next = 0;

  readonly fetch = ((_input: unknown, _init?: unknown) => {
    const res = this.queue[this.next++];
    return res ? Promise.resolve(res) : Promise.reject(new Error("stub: queue empty"));
  }) as typeof fetch;

  refill(count: number, body: string, headers: Record<string, string> = JSON_HEADERS): void {
    this.queue = new Array<Response>(count);
    for (let i = 0; i < count; i++) this.queue[i] = new Response(body, { status: 200, headers });
    this.next = 0;
  }
}

/**
 * A fetch that serves `pages` pages of the same body with GitHub's Link header; the page number is
 * read from the request URL (`page=N`). Bodies are shared strings; each Response is new.
 */
export function pagedFetch(body: string, pages: number): typeof fetch {
  return (input: string | URL | Request) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const page = Number(/[?&]page=(\d+)/.exec(url)?.[1] ?? "1");
    const base = url.replace(/([?&])page=\d+&?/, "$1").replace(/[?&]$/, "");
    const sep = base.includes("?") ? "&" : "?";
    const links = [];
    if (page < pages) links.push(`<${base}${sep}page=${page + 1}>; rel="next"`, `<${base}${sep}page=${pages}>; rel="last"`);
    if (page > 1) links.push(`<${base}${sep}page=1>; rel="first"`, `<${base}${sep}page=${page - 1}>; rel="prev"`);
    const headers: Record<string, string> = { ...JSON_HEADERS };
    if (links.length) headers.link = links.join(", ");
    const res = new Response(body, { status: 200, headers });
    // A fetched response knows its URL (Octokit's paginate reads it); a constructed one does not.
    Object.defineProperty(res, "url", { value: url });
    return Promise.resolve(res);
  };
}
