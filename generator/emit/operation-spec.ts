// The runtime's description of one operation (an OperationSpec literal): only what the request
// core and the pagination helpers read at run time. Optional fields are left out when they hold
// the runtime's default, which keeps the literals, and the bundle, small. What the request core
// does not do itself (parameter styles other than GitHub's, cookies, bodies, binary responses,
// redirects) is named as a function of the runtime's serializers.ts, imported only by the modules
// whose operations use it, so that a bundler leaves the rest out.
import type * as serializers from "../runtime/serializers.js";
import type { PathStyle, QueryStyle } from "../runtime/types.js";
import type { OperationModel, ParamModel } from "../model/types.js";
import type { MediaKind } from "../model/media-type.js";
import type { Profile } from "../config/schema.js";
import { printDoc } from "./layout/doc.js";
import { expressionDoc } from "./layout/layout.js";
import { array, identifier, literal, object, pureCall, type Expression } from "./ts.js";

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

export type SpecValue =
  string | number | boolean | null | SerializerRef | readonly SpecValue[] | { readonly [key: string]: SpecValue | undefined };

/**
 * `profile`: a generic operation carries its own `security` and `Accept` (when its successes are
 * not all JSON), never GitHub's `apiVersion`.
 */
export function operationSpec(op: OperationModel, profile: Profile = "github"): Record<string, SpecValue> {
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
    if (op.body.kind !== "json") spec.bodyType = op.body.mediaType;
    spec.writeBody = new SerializerRef(BODY_WRITERS[op.body.kind]);
  }
  // Only a binary 2xx is read as bytes; every other operation reads text.
  if (op.responses.some((r) => r.kind === "binary" && r.status >= 200 && r.status < 300)) spec.binary = new SerializerRef("readBytes");
  if (profile === "github" && op.apiVersion) spec.apiVersion = op.apiVersion;
  if (profile === "generic") {
    const accept = acceptOf(op);
    if (accept) spec.accept = accept;
    if (op.security) spec.security = op.security.map((names) => [...names]);
  }
  if (op.responses.some((r) => r.kind === "redirect")) spec.redirect = new SerializerRef("manualRedirect");
  if (op.pagination) spec.pagination = { ...op.pagination };
  // Compact strings and numbers: they sit in every operation's literal, so in every bundle.
  if (op.requiredPermissions.length) spec.permissions = op.requiredPermissions.map((p) => `${p.scope}: ${p.access}`).join(", ");
  const errors = errorStatuses(op);
  if (errors.length) spec.errors = errors;
  return spec;
}

/**
 * The documented error statuses, for `isErrorOf`: a number when the body is JSON (the guard then
 * also wants a parsed body), a string for a text or empty body.
 */
export function errorStatuses(op: OperationModel): (number | string)[] {
  return op.responses.filter((r) => r.status >= 400).map((r) => (r.kind === "json" ? r.status : String(r.status)));
}

/** The media types of the documented 2xx bodies, when one of them is not JSON (JSON is the generic profile's default). */
function acceptOf(op: OperationModel): string | undefined {
  const types = [...new Set(op.responses.filter((r) => r.status >= 200 && r.status < 300 && r.mediaType).map((r) => r.mediaType!))];
  return types.some((type) => !isJsonMediaType(type)) ? types.join(", ") : undefined;
}

function isJsonMediaType(type: string): boolean {
  return /^application\/([\w.-]+\+)?json$/i.test(type.split(";")[0]!.trim());
}

/** The writer of each kind of body; a text body is a string, sent as is. */
const BODY_WRITERS: Record<MediaKind, SerializerName> = {
  json: "jsonBody",
  text: "rawBody",
  form: "urlEncodedBody",
  multipart: "multipartBody",
  binary: "rawBody",
};

/** `{ name: writer }` for the params that have a style other than the runtime's default. */
function writers<S extends string>(
  params: readonly ParamModel[],
  byStyle: Record<S, SerializerName>,
): Record<string, SerializerRef> | undefined {
  const styled = params.filter((p) => p.style);
  return styled.length ? Object.fromEntries(styled.map((p) => [p.name, new SerializerRef(byStyle[p.style as S])])) : undefined;
}

/**
 * The spec as an object expression, and the serializers it names (to import): on one line when
 * short, else one property per line (the layout printer breaks what is still too long).
 */
export function specLiteral(value: Record<string, SpecValue>, imports: Set<SerializerName>): Expression {
  const flat = expression(value, imports);
  const expanded = flat.kind === "object" && printDoc(expressionDoc(flat), Infinity).length > 80;
  return expanded ? object(flat.properties, true) : flat;
}

function expression(value: SpecValue, imports: Set<SerializerName>): Expression {
  if (value instanceof SerializerRef) {
    imports.add(value.name);
    return value.args ? pureCall(value.name, ...value.args.map(literal)) : identifier(value.name);
  }
  if (Array.isArray(value)) return array(value.map((v) => expression(v, imports)));
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as { readonly [key: string]: SpecValue | undefined });
    return object(entries.flatMap(([key, v]) => (v === undefined ? [] : [{ key, value: expression(v, imports) }])));
  }
  return literal(value);
}
