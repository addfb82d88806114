// Any API's own conventions, read from its description: `Accept: application/json` (or what an
// operation's responses declare), credentials from `components.securitySchemes` sent as each
// operation's `security` asks and only to the base URL's origin, `Retry-After` on 429 and 503. A
// package whose profile is `generic` gets this file as src/runtime/profile.ts, with its "api" block
// below written from its description (emit/profile-module.ts); profile.ts is GitHub's.
import type { RateLimit } from "./errors.js";
import { checkHeaderValue, setHeader } from "./headers.js";
import { redact, redactedResponse, secretForms } from "./secrets.js";
import type { Client, ClientOptions, OperationSpec, ResponseHeaders } from "./types.js";

/** A credential, or a function that returns one: asked before each attempt, so a refreshed one is sent. */
export type Credential<T = string> = T | (() => T | Promise<T>);

/** HTTP basic credentials, sent as `Authorization: Basic base64(username:password)`. */
export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * Where a security scheme's credential goes: `Authorization: Bearer` (http bearer, oauth2,
 * openIdConnect), `Authorization: Basic`, or an API key's header, query parameter or cookie.
 */
export type Scheme = readonly ["bearer" | "basic"] | readonly ["header" | "query" | "cookie", string];

/** A security requirement: alternatives, each the names of the schemes sent together (`[]`: none). */
export type Security = readonly (readonly string[])[];

// <api> Written from the API description and the config by the generator.
/** Where requests go when `createClient` is given no `baseUrl` ("" when the description names no server). */
export const DEFAULT_BASE_URL: string = "https://api.example.com";
/** Sent as `user-agent` when `createClient` is given no `userAgent`. */
export const DEFAULT_USER_AGENT: string = "api-client";
/** The description's security schemes that the client can send. */
export const SCHEMES: Readonly<Record<string, Scheme>> = { bearerAuth: ["bearer"] };
/** The description's own `security`: what an operation without one sends. */
export const SECURITY: Security = [["bearerAuth"], []];

/** Credentials, by the name of the description's security scheme. */
export interface Auth {
  /** `Authorization: Bearer <token>`. */
  readonly bearerAuth?: Credential;
}

/** The options of `createClient` that come from the API description. */
export interface ProfileOptions {
  /** Credentials by security scheme; an operation sends those its `security` names. */
  readonly auth?: Auth;
  /** Where requests go; default `https://api.example.com`, the description's first server. */
  readonly baseUrl?: string;
}
// </api>

/** The headers every request starts with. */
export function requestHeaders(spec: OperationSpec, userAgent: string): Record<string, string> {
  return { accept: spec.accept ?? "application/json", "user-agent": userAgent };
}

/** What one attempt sent, by its headers object: what to cut from errors, responses and next links. */
interface Sent {
  /** Each credential in the forms it may be echoed in (secrets.ts). */
  readonly forms: readonly string[];
  /** The names of the query parameters that carried one. */
  readonly queryKeys: readonly string[];
}

/** The most redirects followed, as fetch does. */
const MAX_REDIRECTS = 20;

/**
 * The only headers a redirect carries to another origin: none of them can hold a credential, whether
 * `auth`, the call's `headers`, a hook or a header parameter put it there.
 */
const CROSS_ORIGIN_HEADERS = ["accept", "accept-language", "user-agent", "if-none-match", "if-modified-since"];

/**
 * The credentials of `auth`, sent per operation: the first alternative of its `security` (else the
 * description's) that the caller has every credential for; none for `security: []` or when the
 * caller has none. A fixed value is checked now, a function's per attempt; no message quotes one.
 * The returned `fetch` follows redirects itself, so that no credential (a header, a cookie) goes to
 * another origin, and cuts the credentials it sent from the errors, failed responses and next links it
 * passes on.
 */
export function credentials(
  options: ClientOptions & ProfileOptions,
): Pick<Client, "authenticated" | "authorize" | "fetch"> {
  if (!(options.baseUrl ?? DEFAULT_BASE_URL))
    throw new TypeError(
      'createClient: baseUrl is required: the API description names no server to send requests to (createClient({ baseUrl: "https://…" }))',
    );
  const auth = (options.auth ?? {}) as Readonly<Record<string, unknown>>;
  for (const name of Object.keys(auth)) {
    if (!Object.hasOwn(SCHEMES, name))
      throw new TypeError(
        `createClient: auth.${name}: the API has no such security scheme; it has: ${Object.keys(SCHEMES).join(", ") || "none"}`,
      );
    if (typeof auth[name] !== "function" && auth[name] != null) credentialValue(name, auth[name]);
  }
  const sentBy = new WeakMap<object, Sent>();
  const has = (name: string): boolean => Object.hasOwn(auth, name) && auth[name] != null;
  return {
    authenticated: Object.keys(auth).some(has),
    authorize: async (spec, headers, url) => {
      const chosen = (spec.security ?? SECURITY).find((names) => names.every(has)) ?? [];
      const secrets: string[] = [];
      const queryKeys: string[] = [];
      // A fresh copy of the call's headers each attempt: a credential that is "" now sends nothing.
      let target = url;
      for (const name of chosen) {
        let value = auth[name];
        if (typeof value === "function") value = await (value as () => unknown)();
        const secret = credentialValue(name, value);
        if (!secret) continue;
        const [where, key = "authorization"] = SCHEMES[name]!;
        // A basic password is cut from echoes as itself too, not only inside its base64.
        secrets.push(secret, where === "basic" ? (value as BasicCredentials).password : "");
        if (where === "query") {
          queryKeys.push(key);
          target = withQuery(target, key, secret);
        } else if (where === "cookie") {
          headers.cookie = (headers.cookie ? headers.cookie + "; " : "") + key + "=" + secret;
        } else {
          setHeader(headers, key, where === "header" ? secret : (where === "bearer" ? "Bearer " : "Basic ") + secret);
        }
      }
      sentBy.set(headers, { forms: secretForms(secrets), queryKeys });
      return target;
    },
    fetch: (async (url: string, init: RequestInit) => {
      const sent = sentBy.get(init.headers as object);
      let res: Response;
      try {
        res = await follow(options.fetch ?? fetch, url, init);
      } catch (e) {
        throw sent?.forms.length ? scrubbed(e, sent.forms) : e;
      }
      if (!sent?.forms.length) return res;
      // Not a success: its body and headers go into the error. A success's data is the caller's own.
      return res.status > 299 && res.status < 600
        ? redactedResponse(res, sent.forms)
        : withoutCredentialsInLink(res, sent);
    }) as typeof fetch,
  };
}

/**
 * A credential as it is sent: a string (header-safe; for a cookie, without `;`), or for basic the
 * base64 of `username:password` in UTF-8. "" sends nothing. A TypeError names the scheme, never the value.
 */
function credentialValue(name: string, value: unknown): string {
  const what = `auth.${name}`;
  if (SCHEMES[name]![0] === "basic") {
    const { username, password } = (value ?? {}) as Partial<BasicCredentials>;
    if (typeof username !== "string" || typeof password !== "string")
      throw new TypeError(`${what}: give { username, password }, two strings`);
    if (username.includes(":")) throw new TypeError(`${what}: a basic user name cannot hold ":"`);
    return btoa(String.fromCharCode(...new TextEncoder().encode(username + ":" + password)));
  }
  if (typeof value !== "string") throw new TypeError(`${what}: a credential is a string, not ${typeof value}`);
  checkHeaderValue(what, value);
  if (SCHEMES[name]![0] === "cookie" && /[;,\s"\\]/.test(value))
    throw new TypeError(`${what}: a cookie value cannot hold ";", ",", white space, quotes or backslashes (not shown)`);
  return value;
}

/** `url` with `key=value` as its only `key` parameter; the rest of the query is kept as it is. */
function withQuery(url: string, key: string, value: string): string {
  const [path, query] = splitQuery(url);
  const parts = query ? query.split("&").filter((part) => !isParam(part, key)) : [];
  parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(value));
  return path + "?" + parts.join("&");
}

function splitQuery(url: string): [string, string | undefined] {
  const at = url.indexOf("?");
  return at < 0 ? [url, undefined] : [url.slice(0, at), url.slice(at + 1)];
}

/** Whether a `name=value` query part is the parameter `key`. */
function isParam(part: string, key: string): boolean {
  return decoded(part.split("=")[0]!) === key;
}

/** A query part's name or value, decoded; undefined when it is not valid percent-encoding. */
function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}

/**
 * GETs follow redirects here rather than in fetch: fetch drops `authorization` and `cookie` on
 * another origin but keeps an API key's own header. On the first hop to another origin only
 * CROSS_ORIGIN_HEADERS go on, for every later hop too. Only http(s) targets are followed, as by
 * fetch. A non-GET (`redirect: "manual"`) is sent once. A browser hides the target of a manual
 * redirect (an opaque response), which the request core then reports.
 */
async function follow(f: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  if (init.redirect) return f(url, init);
  const origin = new URL(url).origin;
  let headers = init.headers as Record<string, string>;
  for (let hops = 0; ; hops++) {
    const res = await f(url, { ...init, headers, redirect: "manual" });
    const location = res.status > 299 && res.status < 400 ? res.headers.get("location") : null;
    if (location === null) return res;
    await res.body?.cancel();
    if (hops === MAX_REDIRECTS) throw new TypeError(`more than ${MAX_REDIRECTS} redirects`);
    url = redirectTarget(location, url);
    if (new URL(url).origin !== origin) {
      const safe: Record<string, string> = {};
      for (const name of CROSS_ORIGIN_HEADERS) if (headers[name] !== undefined) safe[name] = headers[name];
      headers = safe;
    }
  }
}

/**
 * Where a redirect goes, refused unless http(s) (a `data:` or `blob:` URL is no API's answer). The
 * error quotes neither URL: the one redirected from may hold a query credential.
 */
function redirectTarget(location: string, from: string): string {
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    throw new TypeError("redirect with an invalid Location, not followed");
  }
  if (target.protocol !== "http:" && target.protocol !== "https:")
    throw new TypeError(`redirect to a ${target.protocol} URL, not followed: only http(s) is`);
  return target.href;
}

/**
 * A success, with every credential taken out of its `Link` header: a server that echoes the query in
 * its next link, under the key's name or another, would otherwise put the key into the next page's
 * URL, and so into errors and log lines.
 */
function withoutCredentialsInLink(res: Response, sent: Sent): Response {
  const link = res.headers.get("link");
  if (!link) return res;
  const cleaned = link.replace(/<([^>]*)>/g, (_, target: string) => {
    const [path, query] = splitQuery(target);
    const kept = query?.split("&").filter((part) => !holdsCredential(part, sent));
    return "<" + redact(path, sent.forms) + (kept?.length ? "?" + kept.join("&") : "") + ">";
  });
  if (cleaned === link) return res;
  const headers = new Headers(res.headers);
  headers.set("link", cleaned);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

/** Whether a `name=value` query part is a query credential's parameter, or has a credential in it. */
function holdsCredential(part: string, sent: Sent): boolean {
  const value = decoded(part.slice(part.indexOf("=") + 1)) ?? part;
  return sent.queryKeys.some((key) => isParam(part, key)) || sent.forms.some((form) => value.includes(form));
}

/**
 * A fetch error once a credential was sent: a fresh TypeError with its message (and its cause's) cut
 * of credentials, and no cause. An error's other fields may quote the request: Node's invalid-URL
 * error keeps the URL, query key included, in `base`.
 */
function scrubbed(e: unknown, forms: readonly string[]): TypeError {
  const cause = (e as { cause?: Error } | undefined)?.cause?.message;
  return new TypeError(redact(`${(e as Error)?.message ?? e}${cause ? ` (${cause})` : ""}`, forms));
}

/** A request id, when the API sends the common `x-request-id`. */
export function requestIdOf(h: ResponseHeaders): string | undefined {
  return h["x-request-id"];
}

/** No standard rate-limit headers: `retry-after` is all there is. */
export function rateLimitOf(_h: ResponseHeaders): RateLimit | undefined {
  return undefined;
}

/** 429 Too Many Requests. */
export function isRateLimited(status: number, _h: ResponseHeaders, _body: string): boolean {
  return status === 429;
}

/** No wait besides `retry-after`. */
export function vendorDelayMs(_h: ResponseHeaders, _body: string, _now: number): number {
  return NaN;
}
