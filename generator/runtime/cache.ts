// Conditional GETs: a cached response's ETag / Last-Modified go out as If-None-Match /
// If-Modified-Since, and a 304 (which GitHub does not count against the rate limit) resolves to the
// cached data. Imported only by clients that configure it (`createClient({ cache: memoryCache() })`).
import { checkLimit } from "./retry.js";
import type { ApiResponse, CachedResponse, CacheStore, CacheTicket, ResponseCache, ResponseHeaders } from "./types.js";

export interface MemoryCacheOptions {
  /** Responses kept; the least recently used goes first. Default 500. */
  readonly maxEntries?: number;
  /**
   * Bytes kept in all, counted as 2 a character of the bodies and response headers kept (what a
   * string may take); a larger response is not kept. Default 16 MiB (16,777,216).
   */
  readonly maxBytes?: number;
}

export interface ResponseCacheOptions {
  /**
   * The HMAC key of the keys' request hash, for a store that outlives the process or is shared by
   * several (Redis, a file): at least 32 characters (or bytes), kept as secret as the tokens. Without
   * it, each `responseCache` draws a random key, so that its entries are found only by itself.
   */
  readonly secret?: string | Uint8Array;
}

/** Conditional GETs with an in-memory LRU store, bounded by entries and bytes. */
export function memoryCache(options?: MemoryCacheOptions): ResponseCache {
  return responseCache(lruStore(options));
}

/**
 * Conditional GETs over any store. Keys are the request URL under an HMAC-SHA-256 of the request
 * as sent (every header, credentials included, and a query credential), so two tokens, cookies or
 * `accept` values never share an entry and a store holds no credential, nor a hash one could test
 * guesses against without the HMAC key. An entry keeps the body as text; each hit is parsed anew,
 * so a caller changing its result does not change the entry.
 */
export function responseCache(store: CacheStore, { secret }: ResponseCacheOptions = {}): ResponseCache {
  if (secret !== undefined && !((typeof secret === "string" || secret instanceof Uint8Array) && secret.length >= 32))
    throw new TypeError(
      "responseCache: secret must be a string or Uint8Array of at least 32 characters or bytes (e.g. 32 random bytes from crypto.getRandomValues), or left out",
    );
  // A copy, taken now: a caller reusing its buffer later does not change the key.
  const raw = typeof secret === "string" ? new TextEncoder().encode(secret) : secret && new Uint8Array(secret);
  let key: Promise<CryptoKey> | undefined;
  return {
    async prepare(url, request, headers) {
      const subtle = globalThis.crypto?.subtle;
      // No HMAC to tell requests apart (a browser page on plain http has no crypto.subtle): no cache.
      if (!subtle) return undefined;
      key ??= hmacKey(subtle, raw);
      const name = `${hex(await subtle.sign("HMAC", await key, new TextEncoder().encode(request)))} ${url}`;
      const hit = await store.get(name);
      // An entry of another shape (an older version's, a store's mistake) is a miss.
      const usable = typeof hit?.body === "string" ? hit : undefined;
      if (usable?.etag) headers["if-none-match"] = usable.etag;
      else if (usable?.lastModified) headers["if-modified-since"] = usable.lastModified;
      const ticket: CacheTicket = {
        notModified: usable && ((h) => replay(usable, h)),
        keep(response, text) {
          const entry = entryOf(response, headers, text);
          // Stored later: a store that fails only means no cache for this response.
          if (entry)
            Promise.resolve(entry)
              .then((e) => store.set(name, e))
              .catch(ignore);
          return response;
        },
      };
      return ticket;
    },
  };
}

/**
 * What a store keeps of a 2xx, or undefined when it is not kept: no validator, a binary body, or a
 * `Vary` the key does not cover. Its size is what its strings may take: 2 bytes a character.
 */
function entryOf(response: ApiResponse, sent: Record<string, string>, body: string): CachedResponse | undefined {
  const { status, data, headers } = response;
  const { etag, "last-modified": lastModified } = headers;
  if (!(etag || lastModified) || (data !== undefined && !body) || !variesWithin(headers.vary, sent)) return undefined;
  let size = body.length;
  for (const name in headers) size += name.length + headers[name]!.length;
  return { etag, lastModified, status, body, headers, size: size * 2 };
}

/**
 * Whether the key holds every request header `vary` names. It holds each header the request set (its
 * value, or its absence), and fetch decodes any `accept-encoding`. `*`, and in a browser a header the
 * request did not set (the page's own cookies or HTTP authentication may go with it), are not covered.
 */
function variesWithin(vary: string | undefined, sent: Record<string, string>): boolean {
  // A page or a worker (they have a location): fetch sends their origin's cookies along.
  const browser = "location" in globalThis;
  for (const name of vary?.toLowerCase().split(",") ?? []) {
    const header = name.trim();
    if (header === "*" || (browser && header !== "accept-encoding" && !(header in sent))) return false;
  }
  return true;
}

/** The cached response as the call's result: the body parsed anew, the 304's headers (fresh rate-limit counts) over the cached ones. */
function replay({ status, body, headers }: CachedResponse, h: ResponseHeaders): ApiResponse {
  // As the request core reads a body: JSON by content type, else text, and no data for none.
  const data = body ? (headers["content-type"]?.includes("json") ? JSON.parse(body) : body) : undefined;
  return { status, data, headers: { ...headers, ...h }, fromCache: true };
}

/** The HMAC key: the caller's secret, or 32 random bytes that never leave this process. */
function hmacKey(subtle: SubtleCrypto, raw: Uint8Array<ArrayBuffer> | undefined): Promise<CryptoKey> {
  raw ??= globalThis.crypto.getRandomValues(new Uint8Array(32));
  return subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

function hex(bytes: ArrayBuffer): string {
  let text = "";
  for (const byte of new Uint8Array(bytes)) text += byte.toString(16).padStart(2, "0");
  return text;
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
