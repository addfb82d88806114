// Builds request URLs from an operation's path template and flat params. Only the styles GitHub
// uses are here; the others are writers in serializers.ts that an operation's spec names.
import type { OperationSpec } from "./types.js";

type Params = Readonly<Record<string, unknown>>;

/**
 * Array items, or object entries as `k${kv}v` (null ones left out), each part encoded and joined
 * by `sep`. Every style of OpenAPI (and RFC 6570) is this join with its own separators and
 * prefix. A nested object has no defined form in any style; it is not flattened.
 */
export function join(v: object, sep: string, kv = ","): string {
  return (
    Array.isArray(v)
      ? v.map(encodeURIComponent)
      : Object.entries(v)
          .filter((e) => e[1] != null)
          .map((e) => encodeURIComponent(e[0]) + kv + encodeURIComponent(e[1] as string))
  ).join(sep);
}

/** A params value that is given: not null, undefined or a function. */
export type SetValue = string | number | boolean | bigint | symbol | object;

/** Whether a params value is given. A function is not: it is what an unset key named `constructor` reads. */
export function isSet(v: unknown): v is SetValue {
  return v != null && typeof v !== "function";
}

/** A header or cookie value in OpenAPI's `simple` style: arrays and objects (`k,v`) comma-joined. */
export function simpleValue(v: SetValue): string {
  if (typeof v === "object") return (Array.isArray(v) ? v : Object.entries(v).flat()).join(",");
  return String(v);
}

/** A value in GitHub's style: encoded, arrays and objects comma-joined. */
function encodeValue(v: SetValue): string {
  return typeof v === "object" ? join(v, ",") : encodeURIComponent(v as string);
}

/** An empty array or object: like an unset value, it is not sent. */
function isEmpty(v: unknown): boolean {
  return typeof v === "object" && !Object.keys(v!).length;
}

/** The writer a spec names for a key; own properties only, so `constructor` finds none. */
function writerOf<W>(writers: Readonly<Record<string, W>> | undefined, key: string): W | undefined {
  return writers && Object.hasOwn(writers, key) ? writers[key] : undefined;
}

/**
 * Encodes one path parameter as exactly one path segment: `/`, `?`, `#`, spaces and non-ASCII are
 * percent-encoded, so `deploy/prod eu?#..` arrives as one segment and round-trips.
 *
 * A value that writes as nothing (`""`, `[]`, `[""]`, `{ a: null }`) is refused, whatever the
 * style: `/runs/` with an empty segment is another endpoint. So are `.` and `..`: the WHATWG URL
 * parser (used by every fetch) treats them, and their percent-encoded forms `%2E` / `%2E%2E`
 * alike, as dot segments and removes them, which would send the request, credentials included, to
 * a different endpoint. No encoding survives that.
 */
export function encodePathParam(value: unknown, name: string, spec: OperationSpec): string {
  const plain = isSet(value) ? encodeValue(value) : "";
  if (!plain) throw new TypeError(`${spec.id}: missing path parameter "${name}" (unset, or empty once written)`);
  const write = writerOf(spec.pathStyles, name);
  const s = write ? write(name, typeof value === "object" ? value! : [value]) : plain;
  // A literal `%2E` in a value is encoded to `%252E`, so only exact `.` and `..` can form dot segments.
  if (s === "." || s === "..") throw new TypeError(`${spec.id}: path parameter "${name}" cannot be "${s}"`);
  return s;
}

/**
 * Serializes `spec.queryParams`: skips unset values, `[]` and `{}`; values encoded. Arrays and
 * objects are comma-joined GitHub-style (`tag=a,b`), or as `spec.queryStyles` says.
 */
export function buildQuery(spec: OperationSpec, params: Params): string {
  let q = "";
  for (const key of spec.queryParams ?? []) {
    const v = params[key];
    if (!isSet(v) || isEmpty(v)) continue;
    const write = typeof v === "object" && writerOf(spec.queryStyles, key);
    // encodeURIComponent stringifies numbers and booleans (`true`/`false`) itself.
    const s = write ? write(key, v) : key + "=" + encodeValue(v);
    // A writer may have nothing to send (an object with only null members).
    if (s) q += (q ? "&" : "?") + s;
  }
  return q;
}

/** `/a/{x}/b/{y}` → `["/a/", "x", "/b/", "y", ""]`: names at odd indexes. Split once per operation. */
const templates = new WeakMap<OperationSpec, readonly string[]>();

/** `baseUrl` + the path with each `{name}` filled in from `params[name]` + the query string. */
export function buildUrl(baseUrl: string, spec: OperationSpec, params: Params): string {
  let parts = templates.get(spec);
  if (!parts) templates.set(spec, (parts = spec.path.split(/[{}]/)));
  let url = baseUrl + parts[0];
  for (let i = 1; i < parts.length; i += 2) url += encodePathParam(params[parts[i]!], parts[i]!, spec) + parts[i + 1];
  return url + buildQuery(spec, params);
}

/**
 * A Link target as an absolute URL, resolved against the URL of the page that gave it, when it is
 * on `baseUrl`'s origin and under its path (after dot segments are resolved: `/api/v3/../../evil`
 * is outside `/api/v3`), without credentials; undefined otherwise, a target that is not a URL too.
 */
export function linkTarget(baseUrl: string, pageUrl: string, link: string): string | undefined {
  try {
    const u = new URL(link, pageUrl);
    const base = new URL(baseUrl);
    const prefix = base.pathname.replace(/\/$/, "") + "/";
    if (u.origin === base.origin && !u.username && !u.password && (u.pathname + "/").startsWith(prefix)) return u.href;
  } catch {
    // Not a URL: the caller reports it.
  }
  return undefined;
}
