// The two pagination styles GitHub uses on these endpoints, producing real `Link` headers with
// absolute URLs on the server's own origin:
//  - page style (`page` / `per_page`, rel next/last/first/prev), with the 1,000-result search cap;
//  - cursor style (opaque `after` / `before`), where a forward page only emits rel="next" and a
//    backward (`before`) page emits rel="prev" (and rel="next" back towards the end).

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

/** `per_page` as GitHub reads it: default 30, clamped to 1..100; junk falls back to the default. */
export function readPerPage(query: URLSearchParams): number {
  const raw = query.get("per_page");
  if (raw === null || !/^\d+$/.test(raw)) return DEFAULT_PER_PAGE;
  return Math.min(MAX_PER_PAGE, Math.max(1, Number(raw)));
}

function readPage(query: URLSearchParams): number {
  const raw = query.get("page");
  if (raw === null || !/^\d+$/.test(raw)) return 1;
  return Math.max(1, Number(raw));
}

interface LinkPart {
  rel: string;
  params: URLSearchParams;
}

/** `<url>; rel="x", …` — keeps the request's own query (e.g. per_page, filters) and overrides the paging keys. */
function formatLink(linkBase: string, parts: LinkPart[]): string | undefined {
  if (parts.length === 0) return undefined;
  return parts.map(({ rel, params }) => `<${linkBase}?${params.toString()}>; rel="${rel}"`).join(", ");
}

function withParams(query: URLSearchParams, set: Record<string, string>, remove: string[] = []): URLSearchParams {
  const params = new URLSearchParams(query);
  for (const key of [...remove, ...Object.keys(set)]) params.delete(key);
  for (const [key, value] of Object.entries(set)) params.append(key, value);
  return params;
}

export interface PageSlice<T> {
  items: T[];
  link: string | undefined;
}

/**
 * Page-style pagination. `cap` limits how many results are reachable (GitHub's 1,000-result limit
 * for filtered run searches); callers report the real total_count themselves.
 */
export function paginateByPage<T>(
  all: readonly T[],
  query: URLSearchParams,
  linkBase: string,
  cap: number = Number.POSITIVE_INFINITY,
): PageSlice<T> {
  const perPage = readPerPage(query);
  const page = readPage(query);
  const reachable = Math.min(all.length, cap);
  const lastPage = Math.max(1, Math.ceil(reachable / perPage));
  const start = (page - 1) * perPage;
  const items = start >= reachable ? [] : all.slice(start, Math.min(start + perPage, reachable));

  const at = (n: number): URLSearchParams => withParams(query, { page: String(n) });
  const parts: LinkPart[] = [];
  if (page > 1) parts.push({ rel: "prev", params: at(page - 1) });
  if (page < lastPage) {
    parts.push({ rel: "next", params: at(page + 1) });
    parts.push({ rel: "last", params: at(lastPage) });
  }
  if (page > 1) parts.push({ rel: "first", params: at(1) });
  return { items, link: formatLink(linkBase, parts) };
}

const CURSOR_PREFIX = "cursor:v1:";

/** Opaque cursor: standard base64 (with `+`, `/`, `=`) so clients must percent-encode it correctly. */
export function encodeCursor(key: string): string {
  return Buffer.from(CURSOR_PREFIX + key, "utf8").toString("base64");
}

export function decodeCursor(cursor: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(cursor)) return undefined;
  const text = Buffer.from(cursor, "base64").toString("utf8");
  if (!text.startsWith(CURSOR_PREFIX) || encodeCursor(text.slice(CURSOR_PREFIX.length)) !== cursor) return undefined;
  return text.slice(CURSOR_PREFIX.length);
}

export interface CursorOptions<T> {
  /** Stable unique key of an item; cursors encode the key of the item just before the boundary. */
  keyOf(item: T): string;
  /** Misbehaving-server fixture: from this forward page on, rel="next" repeats the request's own cursor. */
  repeatCursorFromPage?: number;
}

export type CursorSlice<T> = ({ ok: true } & PageSlice<T>) | { ok: false; field: "after" | "before" | "after,before" };

/**
 * Cursor-style pagination. A cursor is a boundary just after the item whose key it encodes:
 * `after=c` returns the items following the boundary, `before=c` the items preceding it — so
 * `before=<next cursor of page N>` returns page N again and its rel="prev" chain walks back to page 1.
 */
export function paginateByCursor<T>(
  all: readonly T[],
  query: URLSearchParams,
  linkBase: string,
  options: CursorOptions<T>,
): CursorSlice<T> {
  const perPage = readPerPage(query);
  const after = query.get("after");
  const before = query.get("before");
  if (after !== null && before !== null) return { ok: false, field: "after,before" };

  const boundaryOf = (cursor: string): number | undefined => {
    const key = decodeCursor(cursor);
    const index = key === undefined ? -1 : all.findIndex((item) => options.keyOf(item) === key);
    return index < 0 ? undefined : index + 1;
  };
  const cursorAt = (boundary: number): string => encodeCursor(options.keyOf(all[boundary - 1] as T));
  const paging = ["after", "before"];
  const parts: LinkPart[] = [];

  if (before !== null) {
    const end = boundaryOf(before);
    if (end === undefined) return { ok: false, field: "before" };
    const start = Math.max(0, end - perPage);
    if (start > 0) parts.push({ rel: "prev", params: withParams(query, { before: cursorAt(start) }, paging) });
    if (end < all.length) parts.push({ rel: "next", params: withParams(query, { after: cursorAt(end) }, paging) });
    return { ok: true, items: all.slice(start, end), link: formatLink(linkBase, parts) };
  }

  const start = after === null ? 0 : boundaryOf(after);
  if (start === undefined) return { ok: false, field: "after" };
  const end = Math.min(all.length, start + perPage);
  if (end < all.length) {
    const pageNumber = Math.floor(start / perPage) + 1;
    const repeat = after !== null && options.repeatCursorFromPage !== undefined && pageNumber >= options.repeatCursorFromPage;
    parts.push({ rel: "next", params: withParams(query, { after: repeat ? after : cursorAt(end) }, paging) });
  }
  return { ok: true, items: all.slice(start, end), link: formatLink(linkBase, parts) };
}
