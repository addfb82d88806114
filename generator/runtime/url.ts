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
  if (value == null || value === "" || typeof value === "function" || isEmpty(value)) {
    throw new TypeError(`${spec.id}: missing required path parameter "${name}"`);
  }
  const style = spec.pathStyles?.[name];
  const s =
    style === undefined && typeof value !== "object"
      ? encodeURIComponent(value as string)
      : pathValue(name, typeof value === "object" ? value! : [value], style);
  // A literal `%2E` in a value is encoded to `%252E`, so only exact `.` and `..` can form dot segments.
  if (s === "." || s === "..") {
    throw new TypeError(
      `${spec.id}: path parameter "${name}" cannot be "${s}": fetch would drop it as a dot segment`,
    );
  }
  return s;
}

/**
 * Array items, or object entries as `k${kv}v` (null ones left out), each part encoded and joined
 * by `sep`. Every style of OpenAPI (and RFC 6570) is this join with its own separators and
 * prefix. A nested object has no defined form in any style; it is not flattened.
 */
function join(v: object, sep: string, kv = ","): string {
  const parts = Array.isArray(v)
    ? v.map(encodeURIComponent)
    : Object.entries(v)
        .filter((e) => e[1] != null)
        .map((e) => encodeURIComponent(e[0]) + kv + encodeURIComponent(e[1] as string));
  return parts.join(sep);
}

/** A path value (a scalar comes as a one-item array) in its style; `simple` when none is given. */
function pathValue(name: string, v: object, style: PathStyle | undefined): string {
  const named = ";" + name + "=";
  switch (style) {
    case "simpleExplode":
      return join(v, ",", "=");
    case "label":
      return "." + join(v, ",");
    case "labelExplode":
      return "." + join(v, ".", "=");
    case "matrix":
      return named + join(v, ",");
    case "matrixExplode":
      return Array.isArray(v) ? named + join(v, named) : ";" + join(v, ";", "=");
  }
  return join(v, ",");
}

/** An empty array or object: like an unset value, it is not sent. */
function isEmpty(v: unknown): boolean {
  return typeof v === "object" && Object.keys(v!).length === 0;
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
    if (v == null || typeof v === "function") continue;
    let s: string;
    if (typeof v !== "object") {
      // encodeURIComponent stringifies numbers and booleans (`true`/`false`) itself.
      s = key + "=" + encodeURIComponent(v as string);
    } else {
      s = isEmpty(v) ? "" : queryValue(key, v, spec.queryStyles?.[key]);
      if (s === "") continue; // nothing to send: `[]`, `{}`, or only null members
    }
    q += (q === "" ? "?" : "&") + s;
  }
  return q;
}

/** An array or object query value in its style (an unknown one, e.g. inherited, is the default). */
function queryValue(key: string, v: object, style: QueryStyle | undefined): string {
  const named = key + "=";
  const array = Array.isArray(v);
  switch (style) {
    case "form":
      return array ? named + join(v, "&" + named) : join(v, "&", "=");
    case "space":
      return named + join(v, "%20", "%20");
    case "pipe":
      return named + join(v, "|", "|");
    case "deepObject": {
      // `filter[color]=red&filter[size]=L`; an array has no deepObject form and is written as form.
      if (array) return named + join(v, "&" + named);
      const entries = join(v, "&" + key + "[", "]=");
      return entries && key + "[" + entries;
    }
  }
  return named + join(v, ",");
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
