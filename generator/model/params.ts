// Parameters of an operation, path-level and operation-level merged (operation wins), grouped
// by location.
import type { PathStyle, QueryStyle } from "../runtime/types.js";
import type { ParamModel } from "./types.js";
import { deref } from "../document/deref.js";
import { isObject, stringField, type Json } from "../document/json.js";

export type ParamLocation = "path" | "query" | "header" | "cookie";
export type GroupedParams = Record<ParamLocation, ParamModel[]>;

export function resolveParameters(document: Json, pathItem: Json, operation: Json): ResolvedParameter[] {
  const merged = new Map<string, ResolvedParameter>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const param = deref(document, entry);
      if (isResolvedParameter(param)) merged.set(`${param.in}:${param.name}`, param);
    }
  }
  return [...merged.values()];
}

/** A parameter object with a name and a location, the two that identify it; one without them is left out. */
export type ResolvedParameter = Json & { readonly name: string; readonly in: string };

function isResolvedParameter(param: Json | undefined): param is ResolvedParameter {
  return typeof param?.name === "string" && typeof param.in === "string" && param.in !== "";
}

export function groupParameters(document: Json, parameters: Json[]): GroupedParams {
  const grouped: GroupedParams = { path: [], query: [], header: [], cookie: [] };
  for (const param of parameters) {
    const location = param.in as ParamLocation;
    if (!(location in grouped)) continue;
    const description = stringField(param, "description");
    const type = stringField(parameterSchema(document, param), "type");
    const style = styleOf(document, param, location);
    grouped[location].push({
      name: param.name as string,
      required: location === "path" || param.required === true,
      ...(type ? { type } : {}),
      ...(description ? { description } : {}),
      ...(style ? { style } : {}),
    });
  }
  return grouped;
}

/** The schema of a parameter, for the checks and pagination inference. */
export function parameterSchema(document: Json, param: Json): Json | undefined {
  if (isObject(param.schema)) return deref(document, param.schema);
  return undefined;
}

/**
 * How the runtime must write a path or query parameter, when that differs from its default:
 * `simple` for path values, and for query values `form` unexploded (GitHub's `tag=a,b`; OpenAPI's
 * own default is exploded, `tag=a&tag=b`). Styles only differ for arrays and objects, so
 * parameters whose schema is a scalar get none, and the runtime spec literal stays small. A
 * style OpenAPI does not define for the location is left to the checks to report.
 */
function styleOf(document: Json, param: Json, location: ParamLocation): PathStyle | QueryStyle | undefined {
  const style = stringField(param, "style");
  const explode = typeof param.explode === "boolean" ? param.explode : undefined;
  if (location === "path") {
    // label and matrix prefix even a scalar (`.5`, `;id=5`).
    if (style === "label" || style === "matrix") return explode ? `${style}Explode` : style;
    return explode && !isScalar(document, param.schema) ? "simpleExplode" : undefined;
  }
  if (location !== "query" || isScalar(document, param.schema)) return undefined;
  if (style === "deepObject") return "deepObject";
  // Exploded, spaceDelimited and pipeDelimited arrays are repeated keys, as with form.
  if (explode ?? (style === undefined || style === "form")) return "form";
  if (style === "spaceDelimited") return "space";
  if (style === "pipeDelimited") return "pipe";
  return undefined;
}

const SCALAR_TYPES = new Set(["string", "integer", "number", "boolean", "null"]);

/**
 * Whether a schema only admits strings, numbers, booleans and null. No schema at all (a
 * parameter described by `content`) is a string to openapi-typescript, so a scalar too.
 */
function isScalar(document: Json, schema: unknown, depth = 0): boolean {
  if (schema === undefined) return true;
  const s = deref(document, schema);
  if (!s || depth > 16) return false;
  const type = s.type;
  if (typeof type === "string") return SCALAR_TYPES.has(type);
  if (Array.isArray(type)) return type.every((t) => SCALAR_TYPES.has(t as string));
  const scalarMember = (member: unknown) => isScalar(document, member, depth + 1);
  if (Array.isArray(s.oneOf)) return s.oneOf.every(scalarMember);
  if (Array.isArray(s.anyOf)) return s.anyOf.every(scalarMember);
  if (Array.isArray(s.allOf)) return s.allOf.some(scalarMember);
  if (Array.isArray(s.enum)) return s.enum.every((v) => v === null || typeof v !== "object");
  if ("const" in s) return s.const === null || typeof s.const !== "object";
  return false;
}
