// The runtime's description of one operation (an OperationSpec literal): only what the request
// core and the pagination helpers read at run time. Optional fields are left out when they hold
// the runtime's default, which keeps the literals, and the bundle, small. What the request core
// does not do itself (parameter styles other than GitHub's, cookies, bodies, binary responses,
// redirects) is named as a function of the runtime's serializers.ts, imported only by the modules
// whose operations use it, so that a bundler leaves the rest out.
import type * as serializers from "../runtime/serializers.js";
import type { PathStyle, QueryStyle } from "../runtime/types.js";
import type { OperationModel, ParamModel } from "../model/types.js";
import { isJsonMediaType } from "../model/responses.js";
import { propertyName } from "./ts.js";

export type SerializerName = keyof typeof serializers;

/** A function of the runtime's serializers.ts in a spec literal; with `args`, called with them. */
export class SerializerRef {
  constructor(
    readonly name: SerializerName,
    readonly args?: readonly string[],
  ) {}
}

/** The serializer of each query style the model names (see the runtime's QueryStyle). */
export const QUERY_WRITERS: Record<QueryStyle, SerializerName> = {
  form: "queryForm",
  space: "querySpaceDelimited",
  pipe: "queryPipeDelimited",
  deepObject: "queryDeepObject",
};

/** The serializer of each path style the model names (see the runtime's PathStyle). */
export const PATH_WRITERS: Record<PathStyle, SerializerName> = {
  simpleExplode: "pathSimpleExplode",
  label: "pathLabel",
  labelExplode: "pathLabelExplode",
  matrix: "pathMatrix",
  matrixExplode: "pathMatrixExplode",
};

export type SpecValue = string | number | boolean | null | SerializerRef | readonly SpecValue[] | { readonly [key: string]: SpecValue | undefined };

export function operationSpec(op: OperationModel): Record<string, SpecValue> {
  const names = (list: readonly { name: string }[]) => list.map((p) => p.name);
  const spec: Record<string, SpecValue> = { id: op.id, method: op.method, path: op.path };
  const pathStyles = writers(op.params.path, PATH_WRITERS);
  if (pathStyles) spec.pathStyles = pathStyles;
  if (op.params.query.length) spec.queryParams = names(op.params.query);
  const queryStyles = writers(op.params.query, QUERY_WRITERS);
  if (queryStyles) spec.queryStyles = queryStyles;
  if (op.params.header.length) spec.headerParams = names(op.params.header);
  if (op.params.cookie.length) spec.cookies = new SerializerRef("cookies", names(op.params.cookie));
  if (op.body) {
    spec.bodyParams = op.body.flatKeys ?? "body";
    const type = op.body.mediaType;
    if (!isJsonMediaType(type)) spec.bodyType = type;
    spec.writeBody = new SerializerRef(bodyWriter(type));
  }
  // Only a binary 2xx is read as bytes; every other operation reads text.
  if (op.responses.some((r) => r.kind === "binary" && r.status >= 200 && r.status < 300)) spec.binary = new SerializerRef("readBytes");
  if (op.apiVersion) spec.apiVersion = op.apiVersion;
  if (op.responses.some((r) => r.kind === "redirect")) spec.redirect = new SerializerRef("manualRedirect");
  if (op.pagination) spec.pagination = { ...op.pagination };
  return spec;
}

function bodyWriter(mediaType: string): SerializerName {
  if (isJsonMediaType(mediaType)) return "jsonBody";
  if (mediaType.startsWith("multipart/form-data")) return "multipartBody";
  return mediaType.startsWith("application/x-www-form-urlencoded") ? "urlEncodedBody" : "rawBody";
}

/** `{ name: writer }` for the params that have a style other than the runtime's default. */
function writers<S extends string>(params: readonly ParamModel[], byStyle: Record<S, SerializerName>): Record<string, SerializerRef> | undefined {
  const styled = params.filter((p) => p.style);
  return styled.length ? Object.fromEntries(styled.map((p) => [p.name, new SerializerRef(byStyle[p.style as S])])) : undefined;
}

/**
 * The spec as TypeScript, and the serializers it names (to import): on one line when short, else
 * one property per line (the layout printer breaks what is still too long). Keys are bare where
 * they can be; `__proto__` is a computed key, which sets a property where `"__proto__": v` would
 * set the prototype.
 */
export function specLiteral(value: Record<string, SpecValue>, imports: Set<SerializerName>): string {
  const entries = properties(value, imports);
  const flat = `{ ${entries.join(", ")} }`;
  return flat.length <= 80 ? flat : `{\n${entries.map((e) => `  ${e},\n`).join("")}}`;
}

function properties(value: { readonly [key: string]: SpecValue | undefined }, imports: Set<SerializerName>): string[] {
  return Object.entries(value)
    .filter((e): e is [string, SpecValue] => e[1] !== undefined)
    .map(([k, v]) => `${k === "__proto__" ? '["__proto__"]' : propertyName(k)}: ${inline(v, imports)}`);
}

function inline(value: SpecValue, imports: Set<SerializerName>): string {
  if (value instanceof SerializerRef) {
    imports.add(value.name);
    return value.args ? `/* @__PURE__ */ ${value.name}(${value.args.map((a) => JSON.stringify(a)).join(", ")})` : value.name;
  }
  if (Array.isArray(value)) return `[${value.map((v) => inline(v, imports)).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = properties(value as { readonly [key: string]: SpecValue | undefined }, imports);
    return entries.length ? `{ ${entries.join(", ")} }` : "{}";
  }
  return JSON.stringify(value);
}
