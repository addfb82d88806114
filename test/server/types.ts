// Types shared by the fake GitHub server's modules (no runtime code here).

/** Which listener a request reached: the REST API origin or the log-archive downloads origin. */
export type Origin = "api" | "downloads";

export interface RecordedRequest {
  origin: Origin;
  method: string;
  /** Raw pathname exactly as received (percent-encoding intact, no query). */
  path: string;
  /** Raw request target (path + query) exactly as received. */
  url: string;
  /** URLSearchParams → object; on repeated keys the last one wins (see rawQuery for the exact string). */
  query: Record<string, string>;
  /** Raw query string without the leading "?" ("" when absent). */
  rawQuery: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON when the body is valid JSON, the raw text otherwise, undefined when empty. */
  body: unknown;
  rawBody: string;
  /** Matched route as "METHOD /template", e.g. "GET /repos/{owner}/{repo}/actions/runs". */
  route?: string;
  receivedAt: number;
}

/** What a route handler produces; the server adds GitHub's standard headers when writing it. */
export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialised body. */
  json?: unknown;
  /** Raw body bytes (used instead of `json`), e.g. the zip archive or an XML storage error. */
  raw?: Buffer;
}

export interface StatusFault {
  status: number;
  /** Seconds, sent as `retry-after`. */
  retryAfter?: number;
  /** 403 with GitHub's secondary-rate-limit message. */
  secondaryRateLimit?: boolean;
  /** Overrides `x-ratelimit-remaining` (0 for a primary rate-limit 403). */
  rateLimitRemaining?: number;
  /** `x-ratelimit-reset` = now + resetInSeconds (epoch seconds). */
  resetInSeconds?: number;
  /** Overrides the error body's message. */
  message?: string;
}

/** Hostile responses (hostile.ts); none of them runs the route's handler. */
export type HostileFault =
  /** Exactly this response: any status (a 3xx to another origin), raw headers (`retry-after: 1e400`, a crafted Link), a JSON body. */
  | { respond: { status: number; headers?: Record<string, string>; json?: unknown } }
  /**
   * A body of `bytes` bytes (`x`s), streamed in 64 KiB chunks as the client reads them, so the
   * server holds none of it; with `contentLength`, announced up front; with `gzip`, compressed on
   * the wire (a decompression bomb: a few hundred KB for hundreds of MB).
   */
  | { largeBody: { bytes: number; status?: number; contentLength?: boolean; gzip?: boolean } }
  /** Headers, then one byte of a JSON body every `trickleMs`, never ending (until the client hangs up). */
  | { trickleMs: number }
  /**
   * A list page of one item `{ id: N }` under `itemsKey` whose `rel="next"` link never ends:
   * `?page=N+1`, or with `nonce`, the same page with `&nonce=N+1`. `totalCount` is sent as `total_count`.
   */
  | { endlessPages: { itemsKey: string; totalCount?: number; nonce?: boolean } };

export type Fault =
  | StatusFault
  | HostileFault
  | { reset: "mid-body" | "before-response" }
  | { stallMs: number }
  | { truncatedJson: true }
  | { invalidJson: true };

export interface FaultRule {
  /** Only requests with this method (case-insensitive); any method when omitted. */
  method?: string;
  /**
   * A string matches the raw pathname, the raw path+query, or the route template
   * ("/repos/{owner}/{repo}/actions/runs"); a RegExp is tested against the raw path+query.
   */
  path?: string | RegExp;
  /** Which listener the rule applies to (default "api"). */
  origin?: Origin;
  /** How many matching requests the fault applies to (default 1). */
  times?: number;
  fault: Fault;
}

/** FaultRule as JSON, for POST /__control/faults (a RegExp travels as pathPattern + pathFlags). */
export interface SerializedFaultRule extends Omit<FaultRule, "path"> {
  path?: string;
  pathPattern?: string;
  pathFlags?: string;
}

export interface Violation {
  kind: "authorization-sent-to-downloads";
  message: string;
  request: RecordedRequest;
}

export interface ServerOptions {
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** API port (default 0 = ephemeral). */
  port?: number;
  /** Downloads port (default 0 = ephemeral). */
  downloadsPort?: number;
  /**
   * Reject requests without X-GitHub-Api-Version (default true). GitHub itself would default to
   * 2022-11-28; being strict here catches a client that forgets the header.
   */
  requireApiVersionHeader?: boolean;
  /** Lifetime of signed log-download URLs in seconds (default 60, as the docs say). */
  logUrlTtlSeconds?: number;
}
