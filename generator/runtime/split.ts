// Past the result cap: a filtered run listing that GitHub cuts at 1,000 results is walked as
// `created` date windows, each split in two until it is under the cap. An option whose value is
// this function (not a boolean), so that a bundle carries it only when a caller imports it.
import { requestError } from "./errors.js";
import { GitHubPageLimitError } from "./page-limit-error.js";
import type { Page, PaginateOptions } from "./pagination.js";
import { checkLimit } from "./retry.js";
import type { OperationSpec } from "./types.js";

type Params = Readonly<Record<string, unknown>>;

/** Walks one listing (pagination's own walk, without splitting). */
export type PageWalk = (params: Params, options: PaginateOptions) => AsyncGenerator<Page<unknown>, void, undefined>;

/** What `PaginateOptions.splitCapped` takes: `splitCapped` itself. */
export type SplitCapped = (
  spec: OperationSpec,
  params: Params,
  options: PaginateOptions,
  walk: PageWalk,
) => AsyncGenerator<Page<unknown>, void, undefined>;

/**
 * No run predates GitHub (2008): the lower end of a window when the caller's `created` has none.
 * The upper end is a day past now, to allow for a clock behind GitHub's.
 */
const EARLIEST = Date.UTC(2008, 0, 1) / 1000;
const DAY = 86_400;

/**
 * Pass as `{ splitCapped }` to `paginate`, `pages` or `collect` of an operation whose spec has
 * `x-pagination.splitBy` (list workflow runs). The listing is first fetched as asked; when it is
 * capped (a filter is set and `total_count` is above the cap), its `created` range (the caller's,
 * or 2008 to now) is halved, recursively, until each window is under the cap. Every run comes once,
 * newest window first, in GitHub's order within each window (GitHub lists runs newest first). A
 * one-second window still over the cap cannot be split: its first `cap` runs are yielded and
 * `onCapped` is called for it. `maxPages` is one budget for every request of the walk, the
 * discarded first pages of capped windows included.
 *
 * ```ts
 * const runs = await collect(gh, listWorkflowRunsForRepo, { owner, repo, status: "completed" }, { splitCapped });
 * ```
 */
export const splitCapped: SplitCapped = (spec, params, options, walk) => {
  const by = spec.pagination?.splitBy;
  if (!by) throw new TypeError(`${spec.id} cannot be split (splitCapped): its x-pagination has no splitBy`);
  const maxPages = options.maxPages ?? 1000;
  checkLimit("maxPages", maxPages);
  // Parsed before any request, so that a filter the split cannot read fails at the call site.
  const whole = dateRange(params[by], by);
  return windows(spec, params, options, walk, by, whole, maxPages);
};

async function* windows(
  spec: OperationSpec,
  params: Params,
  options: PaginateOptions,
  walk: PageWalk,
  by: string,
  whole: Window,
  maxPages: number,
): AsyncGenerator<Page<unknown>, void, undefined> {
  const inner = { ...options, splitCapped: undefined, onCapped: undefined };
  let left = maxPages;
  // undefined: the listing as the caller asked for it.
  let window: Window | undefined;
  const todo: Window[] = [];
  for (;;) {
    if (left <= 0) {
      throw requestError(
        GitHubPageLimitError,
        "GET",
        spec.path,
        `: not fetched, ${maxPages} pages already over all created windows (maxPages); raise maxPages or narrow the listing`,
        { maxPages },
      );
    }
    const asked = window ? { ...params, [by]: formatRange(window) } : params;
    let first = true;
    for await (const page of walk(asked, { ...inner, maxPages: left })) {
      left--;
      if (first && page.capped) {
        const [lo, hi] = window ?? whole;
        if (hi > lo) {
          // Newer half on top: GitHub lists newest first.
          const mid = lo + Math.floor((hi - lo) / 2);
          todo.push([lo, mid], [mid + 1, hi]);
          break;
        }
        options.onCapped?.({ totalCount: page.totalCount!, cap: spec.pagination!.resultCap! });
      }
      first = false;
      yield page;
    }
    window = todo.pop();
    if (!window) return;
  }
}

/** Inclusive, in epoch seconds. */
type Window = readonly [number, number];

/**
 * GitHub's date-range syntax for `created`: `D`, `>=D`, `>D`, `<=D`, `<D`, `D..D`, `D..*`, `*..D`,
 * where D is `YYYY-MM-DD` or an ISO date-time (UTC when it names no offset). A date stands for its
 * whole day (UTC). Absent: 2008 to a day past now.
 */
export function dateRange(value: unknown, name: string): Window {
  const now = Math.floor(Date.now() / 1000) + DAY;
  if (value == null || value === "") return [EARLIEST, now];
  if (typeof value !== "string") throw new TypeError(`splitCapped: ${name} must be a string, not ${typeof value}`);
  const text = value.trim();
  const range = /^(.+?)\.\.(.+)$/.exec(text);
  const [lo, hi] = range
    ? [
        range[1] === "*" ? EARLIEST : bound(range[1]!, false, name),
        range[2] === "*" ? now : bound(range[2]!, true, name),
      ]
    : text.startsWith(">=")
      ? [bound(text.slice(2), false, name), now]
      : text.startsWith(">")
        ? [bound(text.slice(1), true, name) + 1, now]
        : text.startsWith("<=")
          ? [EARLIEST, bound(text.slice(2), true, name)]
          : text.startsWith("<")
            ? [EARLIEST, bound(text.slice(1), false, name) - 1]
            : [bound(text, false, name), bound(text, true, name)];
  if (lo > hi) throw new TypeError(`splitCapped: ${name} ${JSON.stringify(text)} is an empty range`);
  return [lo, hi];
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The first (or, with `end`, the last) second a date or date-time names. */
function bound(text: string, end: boolean, name: string): number {
  const m = DATE_TIME.exec(text.trim());
  const ms = m
    ? Date.parse(`${m[1]}T${m[2] ?? "00:00"}${m[3] ?? ":00"}${(m[4] ?? "Z").replace(/(\d\d)(\d\d)$/, "$1:$2")}`)
    : NaN;
  if (isNaN(ms)) {
    throw new TypeError(
      `splitCapped: cannot read ${name} ${JSON.stringify(text)}; use YYYY-MM-DD or an ISO date-time, as a range (A..B) or with >, >=, <, <=`,
    );
  }
  // The span the text names: a day, a minute or a second.
  const span = !m![2] ? DAY : !m![3] ? 60 : 1;
  return Math.floor(ms / 1000) + (end ? span - 1 : 0);
}

function formatRange([lo, hi]: Window): string {
  return `${iso(lo)}..${iso(hi)}`;
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
}
