// The API surface: what a client of the generated package can observe, per operation, in a
// compact, sorted, JSON-serializable form. Two surfaces are compared by diff.ts; storing the
// surface of the last generation next to the package is enough to tell what changed since.
import type { Json } from "../document/json.js";
import { deref } from "../document/deref.js";
import { isObject } from "../document/json.js";
import { compareText } from "../model/order.js";
import { resolveParameters } from "../model/params.js";
import { isSuccess } from "../model/responses.js";
import type { ApiModel, BodyModel, OperationModel } from "../model/types.js";
import { describeSchema, docHash, flattenFields, MAX_FIELDS, MAX_SURFACE_FIELDS, type SurfaceField } from "./schema.js";

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
  let left = MAX_SURFACE_FIELDS;
  const flatten = (schema: unknown) => {
    const fields = flattenFields(document, schema, Math.min(MAX_FIELDS, left));
    left -= fields.length;
    return fields;
  };
  for (const op of [...model.operations].sort((a, b) => compareText(a.id, b.id))) {
    operations[op.id] = surfaceOf(document, op, flatten);
  }
  return { operations };
}

/**
 * What the model says about an operation (names, locations, requirements, media types, statuses,
 * docs), with the shapes of its schemas, read from the document at the places the model names.
 */
function surfaceOf(document: Json, op: OperationModel, flatten: (schema: unknown) => SurfaceField[]): SurfaceOperation {
  const schemas = schemasOf(document, op);
  const doc = docHash(JSON.stringify([op.docs.summary, op.docs.description, op.docs.permissions, op.docs.url]));
  return {
    name: op.name,
    method: op.method,
    path: op.path,
    deprecated: op.docs.deprecated,
    ...(doc ? { doc } : {}),
    params: paramsOf(document, op, schemas),
    ...(op.body ? { body: bodyOf(document, op.body, schemas.body, flatten) } : {}),
    statuses: op.responses.map((r) => r.status),
    responses: op.responses
      .filter((r) => isSuccess(r.status) && r.kind === "json")
      .map((r) => ({ status: r.status, fields: flatten(schemas.response(r.status, r.mediaType)) })),
  };
}

function paramsOf(document: Json, op: OperationModel, schemas: OperationSchemas): SurfaceParam[] {
  const params: SurfaceParam[] = [];
  for (const [location, list] of Object.entries(op.params)) {
    for (const param of list) {
      const shape = describeSchema(document, schemas.param(location, param.name));
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

function bodyOf(document: Json, body: BodyModel, schema: unknown, flatten: (schema: unknown) => SurfaceField[]): SurfaceBody {
  return {
    mediaType: body.mediaType,
    required: body.required,
    type: describeSchema(document, schema).type,
    fields: flatten(schema),
  };
}

/** The schemas of an operation's parameters, body and responses, where the model found them. */
interface OperationSchemas {
  param(location: string, name: string): unknown;
  readonly body: unknown;
  response(status: number, mediaType: string | undefined): unknown;
}

function schemasOf(document: Json, op: OperationModel): OperationSchemas {
  const pathItem = deref(document, isObject(document.paths) ? document.paths[op.path] : undefined) ?? {};
  const operation = isObject(pathItem[op.method.toLowerCase()]) ? (pathItem[op.method.toLowerCase()] as Json) : {};
  const params = new Map(resolveParameters(document, pathItem, operation).map((p) => [`${p.in}:${p.name}`, p.schema]));
  const mediaSchema = (holder: unknown, mediaType: string | undefined) => {
    const content = deref(document, holder)?.content;
    const media = mediaType && isObject(content) ? content[mediaType] : undefined;
    return isObject(media) ? media.schema : undefined;
  };
  const responses = isObject(operation.responses) ? operation.responses : {};
  return {
    param: (location, name) => params.get(`${location}:${name}`),
    body: mediaSchema(operation.requestBody, op.body?.mediaType),
    response: (status, mediaType) => mediaSchema(responses[String(status)], mediaType),
  };
}

/** For messages: `GET /repos/{owner}/{repo}/actions/runs`. */
export function operationLabel(op: Pick<SurfaceOperation, "method" | "path">): string {
  return `${op.method} ${op.path}`;
}
