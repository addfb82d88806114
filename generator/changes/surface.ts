// The API surface: what a client of the generated package can observe, per operation, in a
// compact, sorted, JSON-serializable form. Two surfaces are compared by diff.ts; storing the
// surface of the last generation next to the package is enough to tell what changed since.
import type { Json } from "../document/json.js";
import { deref } from "../document/deref.js";
import { isObject } from "../document/json.js";
import { compareText } from "../model/order.js";
import { resolveParameters } from "../model/params.js";
import { isSuccess, pickMediaType } from "../model/responses.js";
import type { ApiModel, OperationModel } from "../model/types.js";
import { describeSchema, docHash, flattenFields, type SurfaceField } from "./schema.js";

export type { SurfaceField } from "./schema.js";

export interface SurfaceParam {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly type: string;
  readonly enum?: readonly string[];
  readonly doc?: string;
}

export interface SurfaceBody {
  readonly mediaType: string;
  readonly required: boolean;
  /** The type of the body as a whole (`object` for the usual JSON object). */
  readonly type: string;
  readonly fields: readonly SurfaceField[];
}

export interface SurfaceResponse {
  readonly status: number;
  readonly fields: readonly SurfaceField[];
}

export interface SurfaceOperation {
  /** The generated function's name. */
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly deprecated: boolean;
  /** Fingerprint of summary, description, permissions and docs URL. */
  readonly doc?: string;
  readonly params: readonly SurfaceParam[];
  readonly body?: SurfaceBody;
  /** Every documented status, successes and errors. */
  readonly statuses: readonly number[];
  /** The fields of each success response with a JSON body. */
  readonly responses: readonly SurfaceResponse[];
}

export interface ApiSurface {
  /** By operationId (the model's `id`), in sorted key order. */
  readonly operations: Readonly<Record<string, SurfaceOperation>>;
}

export function apiSurface(document: Json, model: ApiModel): ApiSurface {
  const operations: Record<string, SurfaceOperation> = {};
  for (const op of [...model.operations].sort((a, b) => compareText(a.id, b.id))) {
    operations[op.id] = surfaceOf(document, op);
  }
  return { operations };
}

function surfaceOf(document: Json, op: OperationModel): SurfaceOperation {
  const pathItem =
    isObject(document.paths) && isObject(document.paths[op.path]) ? (document.paths[op.path] as Json) : {};
  const raw = isObject(pathItem[op.method.toLowerCase()]) ? (pathItem[op.method.toLowerCase()] as Json) : {};
  const doc = docHash(JSON.stringify([op.docs.summary, op.docs.description, op.docs.permissions, op.docs.url]));
  const body = bodyOf(document, raw.requestBody);
  return {
    name: op.name,
    method: op.method,
    path: op.path,
    deprecated: op.docs.deprecated,
    ...(doc ? { doc } : {}),
    params: paramsOf(document, op, pathItem, raw),
    ...(body ? { body } : {}),
    statuses: op.responses.map((r) => r.status),
    responses: op.responses
      .filter((r) => isSuccess(r.status) && r.kind === "json")
      .map((r) => ({
        status: r.status,
        fields: flattenFields(document, responseSchema(document, raw, r.status, r.mediaType)),
      })),
  };
}

function paramsOf(document: Json, op: OperationModel, pathItem: Json, raw: Json): SurfaceParam[] {
  // The model knows which params there are and which are required; the spec has their schemas.
  const schemas = new Map(resolveParameters(document, pathItem, raw).map((p) => [`${p.in}:${p.name}`, p]));
  const params: SurfaceParam[] = [];
  for (const [location, list] of Object.entries(op.params)) {
    for (const param of list) {
      const spec = schemas.get(`${location}:${param.name}`);
      const shape = describeSchema(document, spec?.schema);
      const doc = docHash(param.description);
      params.push({
        name: param.name,
        in: location,
        required: param.required,
        type: shape.type,
        ...(shape.enum ? { enum: shape.enum } : {}),
        ...(doc ? { doc } : {}),
      });
    }
  }
  return params.sort((a, b) => compareText(a.name, b.name) || compareText(a.in, b.in));
}

function bodyOf(document: Json, requestBody: unknown): SurfaceBody | undefined {
  const body = deref(document, requestBody);
  const mediaType = pickMediaType(body?.content);
  if (!body || !mediaType) return undefined;
  const media = (body.content as Json)[mediaType];
  const schema = isObject(media) ? media.schema : undefined;
  return {
    mediaType,
    required: body.required === true,
    type: describeSchema(document, schema).type,
    fields: flattenFields(document, schema),
  };
}

function responseSchema(document: Json, raw: Json, status: number, mediaType: string | undefined): unknown {
  const responses = isObject(raw.responses) ? raw.responses : {};
  const response = deref(document, responses[String(status)]);
  const content = isObject(response?.content) ? response.content : {};
  const media = mediaType ? content[mediaType] : undefined;
  return isObject(media) ? media.schema : undefined;
}

/** For messages: `GET /repos/{owner}/{repo}/actions/runs`. */
export function operationLabel(op: Pick<SurfaceOperation, "method" | "path">): string {
  return `${op.method} ${op.path}`;
}
