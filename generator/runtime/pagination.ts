// Pagination helpers: lazy async generators that follow the Link header, only under the client's baseUrl and within bounds.
import { clip, requestError, responseError } from "./errors.js";
import { parseLink } from "./link.js";
import { GitHubPageLimitError } from "./page-limit-error.js";
import { request } from "./request.js";
import { checkLimit } from "./retry.js";
import type { SplitCapped } from "./split.js";
import type {
  ApiResponse,
  Client,
  OperationSpec,
  PaginatedOperation,
  ResponseHeaders,
  RequestOptions,
} from "./types.js";
import { buildUrl, linkTarget } from "./url.js";

type Params = Readonly<Record<string, unknown>>;

/** Passed to `onCapped`: GitHub reports `totalCount` results but serves at most `cap`. */
export interface CappedInfo {
  readonly totalCount: number;
  readonly cap: number;
}

export interface PaginateOptions extends RequestOptions {
  /**
   * `"backward"` follows `rel="prev"` (the `before` cursor) instead of `rel="next"`. Only for
   * cursor-paged operations that accept `before` (`pagination.backward`); otherwise a TypeError.
   */
  readonly direction?: "forward" | "backward";
  /**
   * Called once per walk when results are capped: the operation has a result cap (list workflow
   * runs: 1,000) for some filters (`actor`, `branch`, `event`, `status`, `created`, `head_sha`,
   * `check_suite_id`), one of them is set, and `total_count` is above the cap. GitHub then serves
   * only the first `cap` results, so a complete listing needs narrower filters (e.g. split `created`).
   * Pages report the same condition as `capped: true`.
   */
  readonly onCapped?: (info: CappedInfo) => void;
  /**
   * The most pages a walk fetches. A listing with a next page after them fails with
   * `GitHubPageLimitError`, so that a server whose links never end cannot keep it going. Default
   * 1,000: every page of a 1,000-result listing (GitHub's cap on filtered run lists) even at
   * `per_page: 1`, and 100,000 items at the helpers' `per_page` of 100. `Infinity`: no limit.
   */
  readonly maxPages?: number;
  /**
   * `{ splitCapped }` (the function, imported from this package): walks a capped run listing as
   * `created` date windows under the cap, so that no result is lost. See `splitCapped`.
   */
  readonly splitCapped?: SplitCapped;
}

export interface CollectOptions extends PaginateOptions {
  /** Stop after this many items; no request is made beyond the page that reaches it. */
  readonly max?: number;
}

/** One page of a paginated listing. */
export interface Page<I> {
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly items: I[];
  /** `total_count` of the body, when it has one. */
  readonly totalCount?: number;
  /** The URL this page was fetched from. */
  readonly url: string;
  /** Results are cut at the operation's `resultCap`; see `PaginateOptions.onCapped`. */
  readonly capped: boolean;
}

/**
 * Walks a paginated operation page by page. Lazy: no request before the first `next()`, none after
 * the consumer stops. The first request is `fn(client, { ...params, per_page: params.per_page ?? 100 })`;
 * later ones follow `Link: <…>; rel="next"` (`rel="prev"` backward), resolved against the page's
 * URL. The walk ends at a page without that link, at an empty page, at a link already visited, or
 * once it has yielded as many items as the page's `total_count` (a server cannot list more than it
 * counts). It fails with `GitHubResponseError` at a link outside the client's `baseUrl` (its origin
 * and path), and with `GitHubPageLimitError` at a next page beyond `maxPages`.
 */
export function pages<P, I>(
  client: Client,
  fn: PaginatedOperation<P, unknown, I>,
  params: NoInfer<P>,
  options?: PaginateOptions,
): AsyncGenerator<Page<I>, void, undefined> {
  const spec = fn.spec;
  const backward = options?.direction === "backward";
  // Checked here, not in the generator, so that misuse throws at the call site.
  if (!spec.pagination || (backward && !spec.pagination.backward)) {
    throw new TypeError(`${spec.id} cannot be paged${backward ? " backward" : ""}`);
  }
  const split = options?.splitCapped;
  if (split) {
    const walkOne = (p: Params, o: PaginateOptions) =>
      walk<unknown>(client, fn as unknown as Call, spec, p, o, backward);
    return split(spec, params as Params, options, walkOne) as AsyncGenerator<Page<I>, void, undefined>;
  }
  return walk(client, fn as unknown as Call, spec, params as Params, options, backward);
}

type Call = (client: Client, params: object, options?: RequestOptions) => Promise<ApiResponse>;

async function* walk<I>(
  client: Client,
  fn: Call,
  spec: OperationSpec,
  params: Params,
  options: PaginateOptions | undefined,
  backward: boolean,
): AsyncGenerator<Page<I>, void, undefined> {
  const { itemsKey, resultCap, cappedBy } = spec.pagination!;
  const first = { ...params, per_page: params.per_page ?? 100 };
  const cappable = cappedBy?.some((k) => params[k] != null);
  const maxPages = options?.maxPages ?? 1000;
  checkLimit("maxPages", maxPages);
  const seen = new Set<string>();
  let notified = false;
  let count = 0;
  let url = buildUrl(client.baseUrl, spec, first);
  let res = await fn(client, first, options);
  for (;;) {
    seen.add(url);
    const { status, headers } = res;
    const data = res.data as Record<string, unknown> | undefined;
    const items = itemsKey === null ? data : data?.[itemsKey];
    if (!Array.isArray(items)) {
      throw responseError(
        "GET",
        url,
        status,
        headers,
        `expected an array${itemsKey === null ? "" : ` at "${itemsKey}"`}`,
      );
    }
    const total = data!.total_count;
    const totalCount = typeof total === "number" ? total : undefined;
    const capped = !!cappable && totalCount! > resultCap!;
    if (capped && !notified) {
      notified = true;
      options?.onCapped?.({ totalCount: totalCount!, cap: resultCap! });
    }
    yield { status, headers, items: items as I[], totalCount, url, capped };
    const link = parseLink(headers.link)[backward ? "prev" : "next"];
    if (!items.length || link === undefined || (count += items.length) >= totalCount!) return;
    // Only under the base URL: the token goes with the request.
    const next = linkTarget(client.baseUrl, url, link);
    if (!next)
      throw responseError(
        "GET",
        url,
        status,
        headers,
        `Link ${JSON.stringify(clip(link))} is not a URL under ${client.baseUrl}; not followed`,
      );
    if (seen.has(next)) return;
    if (seen.size >= maxPages) {
      throw requestError(
        GitHubPageLimitError,
        "GET",
        next,
        `: not fetched, ${maxPages} pages already (maxPages); raise maxPages or narrow the listing`,
        { maxPages },
      );
    }
    res = await request(client, spec, undefined, options, (url = next));
  }
}

/** `paginate(...)` iterates items; `paginate.pages(...)` (same as `pages`) iterates pages. */
export interface Paginate {
  <P, I>(
    client: Client,
    fn: PaginatedOperation<P, unknown, I>,
    params: NoInfer<P>,
    options?: PaginateOptions,
  ): AsyncGenerator<I, void, undefined>;
  readonly pages: typeof pages;
}

/**
 * Iterates the items of every page, lazily (see `pages` for how pages are followed).
 *
 * ```ts
 * for await (const run of paginate(gh, listWorkflowRunsForRepo, { owner, repo })) { … }
 * ```
 */
export const paginate: Paginate = /* @__PURE__ */ Object.assign(
  <P, I>(
    client: Client,
    fn: PaginatedOperation<P, unknown, I>,
    params: NoInfer<P>,
    options?: PaginateOptions,
  ): AsyncGenerator<I, void, undefined> => itemsOf(pages(client, fn, params, options)),
  { pages },
);

async function* itemsOf<I>(walker: AsyncGenerator<Page<I>, void, undefined>): AsyncGenerator<I, void, undefined> {
  for await (const page of walker) yield* page.items;
}

/**
 * Collects items into an array, at most `options.max` of them; stops requesting as soon as it has them.
 *
 * ```ts
 * const groups = await collect(gh, listConcurrencyGroupsForRepository, { owner, repo }, { max: 500 });
 * ```
 */
export async function collect<P, I>(
  client: Client,
  fn: PaginatedOperation<P, unknown, I>,
  params: NoInfer<P>,
  options?: CollectOptions,
): Promise<I[]> {
  const max = options?.max ?? Infinity;
  const out: I[] = [];
  if (max <= 0) return out;
  // Page by page rather than item by item through `paginate`: an async step per item costs
  // promises (and GC) that a 10,000-item walk feels. Leaving `for await` closes the walk: no
  // further request.
  for await (const page of pages(client, fn, params, options))
    for (const item of page.items) if (out.push(item) >= max) return out;
  return out;
}
