// GitHub's conventions: vendor `Accept`, `X-GitHub-Api-Version`, a bearer `token`, `x-ratelimit-*`
// and secondary rate limits, `x-github-request-id`. A package whose profile is `github` gets this file
// as src/runtime/profile.ts; any other gets profile-generic.ts in its place (emit/profile-module.ts),
// so that each package carries only its own profile's code and a bundler has no dead branch to keep.
import { checkHeaderValue } from "./headers.js";
import type { RateLimit } from "./errors.js";
import type { Client, ClientOptions, OperationSpec, ResponseHeaders, TokenSource } from "./types.js";

// <api> Written from the API description and the config by the generator.
/** Where requests go when `createClient` is given no `baseUrl`. */
export const DEFAULT_BASE_URL: string = "https://api.github.com";
/** Sent as `user-agent` when `createClient` is given no `userAgent`. */
export const DEFAULT_USER_AGENT: string = "gh-actions-client";
// </api>

/** The options of `createClient` that belong to GitHub. */
export interface ProfileOptions {
  /**
   * A token, or a function that returns one (e.g. a GitHub App installation token, refreshed; asked
   * before each attempt). A token with CR, LF, NUL or a character beyond U+00FF is refused with a
   * TypeError before any request, as is a function that returns anything but a string.
   */
  readonly token?: TokenSource;
  /**
   * Default `https://api.github.com`; for GitHub Enterprise Server, `https://HOST/api/v3`. An http(s)
   * URL without credentials (`user:token@` is refused: pass the token as `token`), query or fragment.
   * Pagination follows Link targets only on its origin and under its path.
   */
  readonly baseUrl?: string;
}

/** The headers every request starts with. */
export function requestHeaders(spec: OperationSpec, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/vnd.github+json", "user-agent": userAgent };
  if (spec.apiVersion) headers["x-github-api-version"] = spec.apiVersion;
  return headers;
}

/**
 * The token as `Authorization: Bearer …` on every request (a fixed token checked now, a function's
 * per attempt), and the caller's fetch as it is: fetch drops the token on a redirect to another origin.
 */
export function credentials({ token, fetch }: ClientOptions): Pick<Client, "authenticated" | "authorize" | "fetch"> {
  const bearer = (headers: Record<string, string>, url: string, t: unknown): string => {
    if (typeof t !== "string") throw new TypeError("token: the token function returned " + typeof t);
    checkHeaderValue("token", t);
    if (t) headers.authorization = "Bearer " + t;
    return url;
  };
  if (typeof token === "string") bearer({}, "", token);
  return {
    fetch,
    authenticated: !!token,
    // A token function is called per request so that a refreshed token (e.g. a GitHub App
    // installation token) is always the one sent.
    authorize:
      typeof token === "function"
        ? async (_spec, headers, url) => bearer(headers, url, await token())
        : (_spec, headers, url) => bearer(headers, url, token ?? ""),
  };
}

/** `x-github-request-id`: quoted in messages, for GitHub support. */
export function requestIdOf(h: ResponseHeaders): string | undefined {
  return h["x-github-request-id"];
}

/** Parses the `x-ratelimit-*` headers, or returns undefined when the response has none. */
export function rateLimitOf(h: ResponseHeaders): RateLimit | undefined {
  const limit = h["x-ratelimit-limit"];
  const used = h["x-ratelimit-used"];
  return limit === undefined
    ? undefined
    : {
        limit: +limit,
        remaining: +h["x-ratelimit-remaining"]!,
        reset: new Date(resetMs(h)),
        used: used === undefined ? used : +used,
        resource: h["x-ratelimit-resource"],
      };
}

/**
 * `x-ratelimit-reset` in ms. Epoch seconds as digits only: `1e400`, `0x10` or `Infinity` are not
 * read as numbers, and 12 digits at most keep the result a valid Date. NaN when absent or invalid.
 */
export function resetMs(h: ResponseHeaders): number {
  const v = h["x-ratelimit-reset"];
  return v && /^\d{1,12}$/.test(v) ? +v * 1000 : NaN;
}

/** A secondary rate limit announces itself only in the body's message. */
export function isSecondaryRateLimit(body: string): boolean {
  return /secondary rate limit/i.test(body);
}

/** 429, or a 403 that is GitHub's rate limit rather than a permission error. */
export function isRateLimited(status: number, h: ResponseHeaders, body: string): boolean {
  return (
    status === 429 ||
    (status === 403 && (h["retry-after"] != null || h["x-ratelimit-remaining"] === "0" || isSecondaryRateLimit(body)))
  );
}

/**
 * The wait GitHub asks for besides `retry-after`, in ms from `now`: `x-ratelimit-reset` when
 * `x-ratelimit-remaining` is 0, else 60 s for a secondary rate limit that names no time (GitHub
 * documents "wait at least one minute"). NaN: no ask.
 */
export function vendorDelayMs(h: ResponseHeaders, body: string, now: number): number {
  const ms = h["x-ratelimit-remaining"] === "0" ? resetMs(h) - now : NaN;
  return isNaN(ms) && isSecondaryRateLimit(body) ? 60_000 : ms;
}
