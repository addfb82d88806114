import type { Client, PaginatedOperation, ResponseHeaders, RequestOptions } from "./types.js";
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
export declare function pages<P, I>(client: Client, fn: PaginatedOperation<P, unknown, I>, params: NoInfer<P>, options?: PaginateOptions): AsyncGenerator<Page<I>, void, undefined>;
/** `paginate(...)` iterates items; `paginate.pages(...)` (same as `pages`) iterates pages. */
export interface Paginate {
    <P, I>(client: Client, fn: PaginatedOperation<P, unknown, I>, params: NoInfer<P>, options?: PaginateOptions): AsyncGenerator<I, void, undefined>;
    readonly pages: typeof pages;
}
/**
 * Iterates the items of every page, lazily (see `pages` for how pages are followed).
 *
 * ```ts
 * for await (const run of paginate(gh, listWorkflowRunsForRepo, { owner, repo })) { … }
 * ```
 */
export declare const paginate: Paginate;
/**
 * Collects items into an array, at most `options.max` of them; stops requesting as soon as it has them.
 *
 * ```ts
 * const groups = await collect(gh, listConcurrencyGroupsForRepository, { owner, repo }, { max: 500 });
 * ```
 */
export declare function collect<P, I>(client: Client, fn: PaginatedOperation<P, unknown, I>, params: NoInfer<P>, options?: CollectOptions): Promise<I[]>;
