// The headers GitHub puts on every API response: a request id and the x-ratelimit-* family
// (a real countdown, so clients that read it see it move).
import { randomBytes } from "node:crypto";

export function newRequestId(): string {
  const hex = (bytes: number): string => randomBytes(bytes).toString("hex").toUpperCase();
  return `${hex(2)}:${hex(2)}:${hex(3)}:${hex(3)}:${hex(4)}`;
}

export class RateLimitCounter {
  readonly limit = 5000;
  private used = 0;
  private resetAt = 0;

  constructor(private readonly now: () => number = Date.now) {
    this.reset();
  }

  reset(): void {
    this.used = 0;
    this.resetAt = Math.floor(this.now() / 1000) + 3600;
  }

  /** Counts one request and returns its x-ratelimit-* headers. */
  consume(): Record<string, string> {
    this.used = Math.min(this.limit, this.used + 1);
    return {
      "x-ratelimit-limit": String(this.limit),
      "x-ratelimit-remaining": String(this.limit - this.used),
      "x-ratelimit-reset": String(this.resetAt),
      "x-ratelimit-used": String(this.used),
      "x-ratelimit-resource": "core",
    };
  }
}

export function apiHeaders(requestId: string, rateLimit: Record<string, string>, apiVersion: string | undefined): Record<string, string> {
  return {
    "x-github-request-id": requestId,
    "x-github-media-type": "github.v3; format=json",
    ...(apiVersion ? { "x-github-api-version-selected": apiVersion } : {}),
    ...rateLimit,
  };
}
