// Builds request URLs from an operation's path template and flat params.
import type { OperationSpec, PathStyle, QueryStyle } from "./types.js";

type Params = Readonly<Record<string, unknown>>;

/**
 * Encodes one path parameter as exactly one path segment: `/`, `?`, `#`, spaces and non-ASCII are
 * percent-encoded, so `deploy/prod eu?#..` arrives as one segment and round-trips. Arrays and
 * objects, and the `label` and `matrix` styles, are written as `spec.pathStyles` says.
 *
 * `.` and `..` are refused: the WHATWG URL parser (used by every fetch) treats them, and their
 * percent-encoded forms `%2E` / `%2E%2E` alike, as dot segments and removes them, which would send
 * the request, credentials included, to a different endpoint. No encoding survives that.
 */
export function encodePathParam(value: unknown, name: string, spec: OperationSpec): string {
  // A function is no value: it is what an unset key named like an Object.prototype member reads.
  if (
    value === undefined ||
    value === null ||
    value === "" ||
    typeof value === "function" ||
    isEmpty(value)
  ) {
    throw new TypeError(`${spec.id}: missing required path parameter "${name}"`);
  }
  const style = styleOf(spec.pathStyles, name);
  const s =
    style === undefined
      ? typeof value === "object"
        ? expand(name, value, "", ",", false, false)
        : encodeURIComponent(value as string)
      : PATH_STYLES[style](name, value);
  // A literal `%2E` in a value is encoded to `%252E`, so only exact `.` and `..` can form dot segments.
  if (s === "." || s === "..") {
    throw new TypeError(
      `${spec.id}: path parameter "${name}" cannot be "${s}": fetch would drop it as a dot segment`,
    );
  }
  return s;
}

const PATH_STYLES: Record<PathStyle, (name: string, value: unknown) => string> = {
  simpleExplode: (name, v) => expand(name, v, "", ",", false, true),
  label: (name, v) => expand(name, v, ".", ".", false, false),
  labelExplode: (name, v) => expand(name, v, ".", ".", false, true),
  matrix: (name, v) => expand(name, v, ";", ";", true, false),
  matrixExplode: (name, v) => expand(name, v, ";", ";", true, true),
};

/**
 * One value written the RFC 6570 way, which OpenAPI's path and form styles follow: `first`
 * starts it, `named` writes `name=`. Unexploded, an array is `a,b` and an object `k,v,k2,v2`;
 * exploded, parts are joined by `sep`, array items each named (`tag=a&tag=b`), object entries
 * as `k=v`. Values and property names are encoded; the separators are not.
 */
function expand(
  name: string,
  value: unknown,
  first: string,
  sep: string,
  named: boolean,
  explode: boolean,
): string {
  const prefix = named ? name + "=" : "";
  if (typeof value !== "object" || value === null)
    return first + prefix + encodeURIComponent(value as string);
  if (Array.isArray(value))
    return first + prefix + value.map(encodeURIComponent).join(explode ? sep + prefix : ",");
  let s = "";
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || v === null) continue;
    s +=
      (s === "" ? "" : explode ? sep : ",") +
      encodeURIComponent(k) +
      (explode ? "=" : ",") +
      encodeURIComponent(v as string);
  }
  return first + (explode ? "" : prefix) + s;
}

/** The style of a param, if it has one; `toString` and the like are not inherited styles. */
function styleOf<S>(styles: Readonly<Record<string, S>> | undefined, key: string): S | undefined {
  return styles !== undefined && Object.hasOwn(styles, key) ? styles[key] : undefined;
}

/** An empty array or object: like an unset value, it is not sent. */
function isEmpty(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return value.length === 0;
  for (const k in value) if (Object.hasOwn(value, k)) return false;
  return true;
}

/**
 * Serializes `spec.queryParams`: skips null/undefined, values encoded. Arrays and objects are
 * comma-joined GitHub-style (`tag=a,b`), or as `spec.queryStyles` says.
 */
export function buildQuery(spec: OperationSpec, params: Params): string {
  const keys = spec.queryParams;
  if (keys === undefined) return "";
  let q = "";
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const v = params[key];
    if (v === undefined || v === null || typeof v === "function") continue;
    let s: string;
    if (typeof v !== "object") {
      // encodeURIComponent stringifies numbers and booleans (`true`/`false`) itself.
      s = key + "=" + encodeURIComponent(v as string);
    } else {
      s = isEmpty(v) ? "" : queryPart(key, v, styleOf(spec.queryStyles, key));
      if (s === "") continue; // nothing to send: `[]`, `{}`, or only null members
    }
    q += (q === "" ? "?" : "&") + s;
  }
  return q;
}

/** An array or object query value, written in its style. */
function queryPart(key: string, v: object, style: QueryStyle | undefined): string {
  switch (style) {
    case undefined:
      return expand(key, v, "", "&", true, false);
    case "space":
      return key + "=" + flat(v).join("%20");
    case "pipe":
      return key + "=" + flat(v).join("|");
    case "form":
      return expand(key, v, "", "&", true, true);
    case "deepObject":
      // An array has no deepObject form: it is written as `form` writes it.
      return Array.isArray(v) ? expand(key, v, "", "&", true, true) : deepObject(key, v);
  }
}

/** Array items, or an object's keys and values in turn, each encoded. */
function flat(v: object): string[] {
  const values = Array.isArray(v)
    ? v
    : Object.entries(v)
        .filter((e) => e[1] != null)
        .flat();
  return values.map(encodeURIComponent);
}

/** `filter[color]=red&filter[size]=L`; nested objects nest their brackets, arrays repeat the key. */
function deepObject(key: string, v: object): string {
  const parts: string[] = [];
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || x === null) continue;
    const at = key + "[" + encodeURIComponent(k) + "]";
    if (typeof x !== "object") parts.push(at + "=" + encodeURIComponent(x as string));
    else if (Array.isArray(x))
      for (const item of x) parts.push(at + "=" + encodeURIComponent(item as string));
    else parts.push(deepObject(at, x));
  }
  return parts.filter(Boolean).join("&");
}

/** `baseUrl` + the path with its parameters filled in + the query string. */
export function buildUrl(baseUrl: string, spec: OperationSpec, params: Params): string {
  let path = spec.path;
  const names = spec.pathParams;
  if (names !== undefined) {
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      // A string pattern replaces literally; encoded values never contain `$`, so no `$&` surprises.
      path = path.replace("{" + name + "}", encodePathParam(params[name], name, spec));
    }
  }
  return baseUrl + path + buildQuery(spec, params);
}
