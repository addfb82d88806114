// Pagination helpers: lazy async generators that follow the Link header exactly as given.
import { GitHubResponseError } from "./errors.js";
import { parseLink } from "./link.js";
import { send } from "./request.js";
import type { ApiResponse, Client, PaginatedOperation, ResponseHeaders, RequestOptions } from "./types.js";
import { buildUrl } from "./url.js";

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
 * later ones follow `Link: <…>; rel="next"` (`rel="prev"` backward) exactly as given. The walk ends
 * at a page without that link, at an empty page, or at a link already visited.
 */
export function pages<P, I>(
  client: Client,
  fn: PaginatedOperation<P, unknown, I>,
  params: NoInfer<P>,
  options?: PaginateOptions,
): AsyncGenerator<Page<I>, void, undefined> {
  const spec = fn.spec;
  // Checked here, not in the generator, so that misuse throws at the call site.
  if (!spec.pagination) throw new TypeError(`${spec.id} is not a paginated operation`);
  const backward = options?.direction === "backward";
  if (backward && !spec.pagination.backward) {
    throw new TypeError(`${spec.id}: cannot page backward: the operation takes no "before" cursor`);
  }
  return walk(client, fn, params as Params, options, backward);
}

async function* walk<I>(
  client: Client,
  fn: PaginatedOperation<never, unknown, I>,
  params: Params,
  options: PaginateOptions | undefined,
  backward: boolean,
): AsyncGenerator<Page<I>, void, undefined> {
  const spec = fn.spec;
  const { itemsKey, resultCap, cappedBy } = spec.pagination;
  const first = { ...params, per_page: params.per_page ?? 100 };
  const cappable = resultCap !== undefined && cappedBy !== undefined && cappedBy.some((k) => params[k] != null);
  let notified = false;
  let url = buildUrl(client.baseUrl, spec, first);
  const seen = new Set<string>([url]);
  let res = await (fn as unknown as (c: Client, p: object, o?: RequestOptions) => Promise<ApiResponse>)(client, first, options);
  for (;;) {
    const data = res.data as Record<string, unknown> | undefined;
    const items = itemsKey === null ? data : data?.[itemsKey];
    if (!Array.isArray(items)) {
      throw new GitHubResponseError(
        `GET ${url}: expected ${itemsKey === null ? "an array" : `an array at "${itemsKey}"`} in the response body`,
        { method: "GET", url, status: res.status, contentType: res.headers["content-type"], requestId: res.headers["x-github-request-id"] },
      );
    }
    const total = data!.total_count;
    const totalCount = typeof total === "number" ? total : undefined;
    const capped = cappable && totalCount !== undefined && totalCount > resultCap!;
    if (capped && !notified) {
      notified = true;
      options?.onCapped?.({ totalCount: totalCount!, cap: resultCap! });
    }
    yield { status: res.status, headers: res.headers, items: items as I[], totalCount, url, capped };
    if (items.length === 0) return;
    const link = res.headers.link;
    if (link === undefined) return;
    const links = parseLink(link);
    const next = backward ? links.prev : links.next;
    if (next === undefined || seen.has(next)) return;
    seen.add(next);
    url = next;
    res = await send(client, spec, next, options);
  }
}

async function* flatten<I>(walker: AsyncGenerator<Page<I>, void, undefined>): AsyncGenerator<I, void, undefined> {
  for await (const page of walker) {
    const items = page.items;
    for (let i = 0; i < items.length; i++) yield items[i]!;
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
  ): AsyncGenerator<I, void, undefined> => flatten(pages(client, fn, params, options)),
  { pages },
);

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
  const walker = pages(client, fn, params, options);
  const max = options?.max ?? Infinity;
  const out: I[] = [];
  if (max <= 0) return out;
  for await (const page of walker) {
    const items = page.items;
    for (let i = 0; i < items.length; i++) {
      out.push(items[i]!);
      // Returning from `for await` closes the generator: no further request.
      if (out.length >= max) return out;
    }
  }
  return out;
}
