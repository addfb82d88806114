// The public API of the runtime. `operation`, `request` and the serializers stay internal (generated code imports them directly).
export { createClient } from "./client.js";
export { collect, pages, paginate } from "./pagination.js";
export type { CappedInfo, CollectOptions, Page, Paginate, PaginateOptions } from "./pagination.js";
export { download } from "./download.js";
export type { DownloadOptions, DownloadResult, DownloadTarget, RedirectingOperation } from "./download.js";
export { downloadToFile } from "./download-file.js";
export type { DownloadFileOptions } from "./download-file.js";
export { splitCapped } from "./split.js";
export type { PageWalk, SplitCapped } from "./split.js";
export {
  GitHubApiError,
  GitHubError,
  GitHubNetworkError,
  GitHubRateLimitError,
  GitHubResponseError,
  GitHubSizeLimitError,
  GitHubTimeoutError,
} from "./errors.js";
export { GitHubPageLimitError } from "./page-limit-error.js";
export type { GitHubErrorBody, RateLimit } from "./errors.js";
export { isErrorOf } from "./guards.js";
export type { RequiredPermission } from "./permissions.js";
export { parseLink } from "./link.js";
export type { Links } from "./link.js";
export type * from "./types.js";
export { memoryCache, responseCache } from "./cache.js";
export type { MemoryCacheOptions, ResponseCacheOptions } from "./cache.js";
export { throttle } from "./throttle.js";
export { seams } from "./hooks.js";
export type { ThrottleOptions } from "./throttle.js";
