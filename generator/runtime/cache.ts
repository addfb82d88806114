// Conditional GETs: a cached response's ETag / Last-Modified go out as If-None-Match /
// If-Modified-Since, and a 304 (which GitHub does not count against the rate limit) resolves to the
// cached data. Imported only by clients that configure it (`createClient({ cache: memoryCache() })`).
import { checkLimit } from "./retry.js";
import type { ApiResponse, CachedResponse, CacheStore, CacheTicket, ResponseCache, ResponseHeaders } from "./types.js";

export interface MemoryCacheOptions {
  /** Responses kept; the least recently used goes first. Default 500. */
  readonly maxEntries?: number;
  /** Body bytes kept in all; a larger response is not kept. Default 16 MiB (16,777,216). */
  readonly maxBytes?: number;
}

/** Conditional GETs with an in-memory LRU store, bounded by entries and bytes. */
export function memoryCache(options?: MemoryCacheOptions): ResponseCache {
  return responseCache(lruStore(options));
}

/**
 * Conditional GETs over any store. Keys are the request URL and `accept` header, under a SHA-256
 * hash of the credentials sent (never a credential itself): two tokens never share an entry. Data
 * returned from the cache is a copy (`structuredClone`), so a caller changing it does not change
 * the entry.
 */
export function responseCache(store: CacheStore): ResponseCache {
  return {
    async prepare(url, credentials, headers) {
      const who = await identity(credentials);
      // No hash to tell tokens apart (a browser page on plain http has no crypto.subtle): no cache.
      if (!who) return undefined;
      const key = `${who} ${headers.accept ?? ""} ${url}`;
      const hit = await store.get(key);
      if (hit?.etag) headers["if-none-match"] = hit.etag;
      else if (hit?.lastModified) headers["if-modified-since"] = hit.lastModified;
      const ticket: CacheTicket = {
        notModified: hit && ((h) => replay(hit, h)),
        keep(response, size) {
          const { etag, "last-modified": lastModified } = response.headers;
          const { status, data, headers } = response;
          // Kept as a copy, and later: a store that fails only means no cache for this response.
          const entry = { etag, lastModified, status, data: structuredClone(data), headers, size };
          if (etag || lastModified)
            Promise.resolve(entry)
              .then((e) => store.set(key, e))
              .catch(ignore);
          return response;
        },
      };
      return ticket;
    },
  };
}

/** The cached response as the call's result: the 304's headers (fresh rate-limit counts) over the cached ones. */
function replay(hit: CachedResponse, h: ResponseHeaders): ApiResponse {
  return { status: hit.status, data: structuredClone(hit.data), headers: { ...hit.headers, ...h }, fromCache: true };
}

/** A hash that tells tokens apart without revealing them; undefined where Web Crypto is missing. */
async function identity(credentials: string | undefined): Promise<string | undefined> {
  if (!credentials) return "anonymous";
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(credentials));
  let hex = "";
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** An LRU map (a Map keeps insertion order: a hit is moved to the end, the first is the oldest). */
function lruStore({ maxEntries = 500, maxBytes = 16_777_216 }: MemoryCacheOptions = {}): CacheStore {
  checkLimit("memoryCache: maxEntries", maxEntries);
  checkLimit("memoryCache: maxBytes", maxBytes);
  const entries = new Map<string, CachedResponse>();
  let bytes = 0;
  const drop = (key: string): void => {
    bytes -= entries.get(key)?.size ?? 0;
    entries.delete(key);
  };
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
      }
      return hit;
    },
    set(key, value) {
      drop(key);
      if (value.size > maxBytes || maxEntries < 1) return;
      entries.set(key, value);
      bytes += value.size;
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break;
        drop(oldest);
      }
    },
  };
}

function ignore(): void {}
