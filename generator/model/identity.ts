// An API's identity: the conventions its client follows (the profile), where it sends requests by
// default (`servers`), and the credentials it can send (`components.securitySchemes`, `security`).
import type { Profile } from "../config/schema.js";
import { deref } from "../document/deref.js";
import { isObject, stringField, type Json } from "../document/json.js";

/** Where a scheme's credential goes; oauth2 and openIdConnect are sent as bearer tokens. */
export type SchemePlace = "bearer" | "basic" | "header" | "query" | "cookie";

export interface SchemeModel {
  /** The scheme's name in `components.securitySchemes`: the key of `auth`. */
  readonly name: string;
  readonly place: SchemePlace;
  /** The header, query parameter or cookie name of an API key. */
  readonly key?: string;
}

/** A security requirement: alternatives, each the names of the schemes sent together (`[]` sends none). */
export type SecurityModel = readonly (readonly string[])[];

/** What the config says about the identity; each wins over what the description implies. */
export interface IdentitySettings {
  readonly profile?: Profile;
  readonly baseUrl?: string;
  readonly userAgent?: string;
}

export interface ApiIdentity {
  readonly profile: Profile;
  /** The default base URL, or undefined when there is none (then `createClient` requires one). */
  readonly baseUrl: string | undefined;
  readonly userAgent: string;
  /** The schemes the client can send, sorted by name (mutualTLS and http schemes other than bearer/basic are left out). */
  readonly schemes: readonly SchemeModel[];
  /** The description's own `security`; none declared is `[]`, which sends no credentials. */
  readonly security: SecurityModel;
}

/** GitHub's own API: its conventions are the default for a description that names it as first server. */
export const GITHUB_API = "https://api.github.com";
/** The user agent a GitHub-profile client has always sent by default. */
export const GITHUB_USER_AGENT = "gh-actions-client";

/** The identity of an API: the config's settings first, then the description's. */
export function apiIdentity(document: Json, settings: IdentitySettings, packageName: string): ApiIdentity {
  const server = firstServer(document);
  const profile = settings.profile ?? detectProfile(server);
  const github = profile === "github";
  return {
    profile,
    baseUrl: settings.baseUrl ?? server ?? (github ? GITHUB_API : undefined),
    userAgent: settings.userAgent ?? (github ? GITHUB_USER_AGENT : packageName),
    schemes: securitySchemes(document),
    security: securityOf(document.security) ?? [],
  };
}

/** `github` for a description whose first server is api.github.com (spec/ and GitHub's published one), else `generic`. */
export function detectProfile(server: string | undefined): Profile {
  return server === GITHUB_API ? "github" : "generic";
}

/**
 * The first server's URL with its variables resolved to their defaults, without a trailing slash;
 * undefined when there is none, or when it is relative, not http(s), has a variable without a
 * default, credentials, a query or a fragment: such a server counts as none.
 */
export function firstServer(document: Json): string | undefined {
  const servers = document.servers;
  const server = Array.isArray(servers) && isObject(servers[0]) ? servers[0] : undefined;
  const template = stringField(server, "url");
  if (template === undefined) return undefined;
  const variables = isObject(server?.variables) ? server.variables : {};
  let unresolved = false;
  const resolved = template.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    const variable = Object.hasOwn(variables, name) ? variables[name] : undefined;
    const value = isObject(variable) ? variable.default : undefined;
    if (typeof value === "string" || typeof value === "number") return String(value);
    unresolved = true;
    return "";
  });
  if (unresolved || /[{}]/.test(resolved)) return undefined;
  let url: URL;
  try {
    url = new URL(resolved);
  } catch {
    return undefined;
  }
  const usable = /^https?:$/.test(url.protocol) && !url.username && !url.password && !url.search && !url.hash;
  return usable ? (url.origin + url.pathname).replace(/\/+$/, "") : undefined;
}

/** The schemes a client can send, sorted by name. */
export function securitySchemes(document: Json): SchemeModel[] {
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const models: SchemeModel[] = [];
  for (const name of Object.keys(schemes).sort()) {
    const scheme = deref(document, schemes[name]);
    const model = scheme && schemeModel(name, scheme);
    if (model) models.push(model);
  }
  return models;
}

/** An HTTP token (RFC 9110): what a header or cookie name must be to be sent at all. */
const TOKEN = /^[!#$%&'*+.^_`|~\w-]+$/;

function schemeModel(name: string, scheme: Json): SchemeModel | undefined {
  // `auth.__proto__` cannot be given in an object literal, nor read back from one.
  if (name === "__proto__") return undefined;
  const type = stringField(scheme, "type");
  if (type === "oauth2" || type === "openIdConnect") return { name, place: "bearer" };
  if (type === "http") {
    // The scheme name is case-insensitive (RFC 9110).
    const kind = stringField(scheme, "scheme")?.toLowerCase();
    return kind === "bearer" || kind === "basic" ? { name, place: kind } : undefined;
  }
  if (type === "apiKey") {
    const place = stringField(scheme, "in");
    const key = stringField(scheme, "name");
    // A header or cookie named `X Api Key` could never be sent: left out like an unknown kind.
    if (key && (place === "query" || ((place === "header" || place === "cookie") && TOKEN.test(key)))) return { name, place, key };
  }
  return undefined;
}

/** A `security` value as alternatives of scheme names; undefined when the value is not a list. */
export function securityOf(value: unknown): SecurityModel | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isObject).map((requirement) => Object.keys(requirement));
}
