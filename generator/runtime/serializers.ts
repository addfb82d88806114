// What the request core does not do itself, for the operations that need it: the OpenAPI
// parameter styles GitHub does not use, cookie params, request bodies (JSON too: a GET has none),
// binary responses and manual redirects. An operation's spec names the ones it needs (the generator
// imports each one by name), so a bundle carries only those of the operations it imports.
import { responseError } from "./errors.js";
import type {
  BodyWriter,
  BytesReader,
  HeaderWriter,
  OperationSpec,
  PathWriter,
  QueryWriter,
  RedirectReader,
} from "./types.js";
import { isSet, join, simpleValue } from "./url.js";

/** Query `form` exploded (OpenAPI's default): `tag=a&tag=b`, objects `x=1&y=2`. */
export const queryForm: QueryWriter = (key, v) =>
  Array.isArray(v) ? key + "=" + join(v, "&" + key + "=") : join(v, "&", "=");

/** Query `spaceDelimited`: `tag=a%20b`. */
export const querySpaceDelimited: QueryWriter = (key, v) => key + "=" + join(v, "%20", "%20");

/** Query `pipeDelimited`: `tag=a|b`. */
export const queryPipeDelimited: QueryWriter = (key, v) => key + "=" + join(v, "|", "|");

/** Query `deepObject`: `filter[color]=red&filter[size]=L`; an array has no such form and is written as form. */
export const queryDeepObject: QueryWriter = (key, v) => {
  if (Array.isArray(v)) return queryForm(key, v);
  const entries = join(v, "&" + key + "[", "]=");
  return entries && key + "[" + entries;
};

/** Path `simple` exploded: objects as `k=v,k2=v2`. */
export const pathSimpleExplode: PathWriter = (_name, v) => join(v, ",", "=");

/** Path `label`: `.a,b`. */
export const pathLabel: PathWriter = (_name, v) => "." + join(v, ",");

/** Path `label` exploded: `.a.b`, objects `.k=v.k2=v2`. */
export const pathLabelExplode: PathWriter = (_name, v) => "." + join(v, ".", "=");

/** Path `matrix`: `;id=a,b`. */
export const pathMatrix: PathWriter = (name, v) => ";" + name + "=" + join(v, ",");

/** Path `matrix` exploded: `;id=a;id=b`, objects `;k=v;k2=v2`. */
export const pathMatrixExplode: PathWriter = (name, v) =>
  Array.isArray(v) ? ";" + name + "=" + join(v, ";" + name + "=") : ";" + join(v, ";", "=");

/** The cookie params `names`, written into one `Cookie` header: `a=1; b=2`. */
export function cookies(...names: string[]): HeaderWriter {
  return (params, headers) => {
    // Browsers refuse to let fetch set a Cookie header; servers and Node do not.
    let cookie = "";
    for (const key of names) {
      if (isSet(params[key])) cookie += (cookie ? "; " : "") + key + "=" + encodeURIComponent(simpleValue(params[key]));
    }
    if (cookie) headers.cookie = cookie;
  };
}

/**
 * A plain object as form fields: an array repeats its key, a Blob stays a file part (FormData),
 * a nested object is sent as JSON (OpenAPI's default for object parts); null and undefined are
 * left out.
 */
function formFields<F extends FormData | URLSearchParams>(form: F, o: object): F {
  for (const [key, value] of Object.entries(o)) {
    if (value == null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      // URLSearchParams takes strings only; a Blob can only be in a FormData's fields.
      (form as FormData).append(
        key,
        item instanceof Blob ? item : typeof item === "object" ? JSON.stringify(item) : String(item),
      );
    }
  }
  return form;
}

/**
 * JSON: the `bodyParams` keys the caller set, gathered into an object (none set: no body), or
 * the whole `params.body`; sent as `bodyType` (a JSON media type) or `application/json`.
 */
export const jsonBody: BodyWriter = (params, headers, spec) => {
  const keys = spec.bodyParams;
  const body = keys === "body" ? params.body : pick(params, keys ?? []);
  if (body === undefined) return undefined;
  headers["content-type"] = spec.bodyType ?? "application/json";
  return JSON.stringify(body);
};

/** The keys the caller set; with none set (all optional), undefined: no body at all. */
function pick(params: Readonly<Record<string, unknown>>, keys: readonly string[]): object | undefined {
  let picked: Record<string, unknown> | undefined;
  for (const key of keys) if (params[key] !== undefined) (picked ??= {})[key] = params[key];
  return picked;
}

/** `multipart/form-data`: FormData as given, or an object's fields. No content type of ours: fetch writes it, with the boundary. */
export const multipartBody: BodyWriter = ({ body }) =>
  body === undefined || body instanceof FormData ? body : formFields(new FormData(), body as object);

/** `application/x-www-form-urlencoded`: URLSearchParams as given, or an object's fields. */
export const urlEncodedBody: BodyWriter = ({ body }, headers, spec) =>
  body === undefined
    ? body
    : withType(
        headers,
        spec,
        body instanceof URLSearchParams ? body : formFields(new URLSearchParams(), body as object),
      );

/** Any other media type (text, bytes): sent as given, a string, Blob, ArrayBuffer or typed array. */
export const rawBody: BodyWriter = ({ body }, headers, spec) =>
  body === undefined ? body : withType(headers, spec, body as BodyInit);

/** `body`, sent as the spec's `bodyType`. */
function withType(headers: Record<string, string>, spec: OperationSpec, body: BodyInit): BodyInit {
  headers["content-type"] = spec.bodyType!;
  return body;
}

/** Keeps a 2xx that is neither JSON nor text as an ArrayBuffer: bytes read as text would be corrupted. */
export const readBytes: BytesReader = (res, method) => {
  const status = res.status;
  const type = res.headers.get("content-type")?.toLowerCase();
  const bytes = status > 199 && status < 300 && status !== 204 && status !== 205 && method !== "HEAD";
  return bytes && !(type?.includes("json") || type?.startsWith("text/"));
};

/** A 3xx with a `location` is the result, `{ status, data: undefined, headers, location }`: never followed. */
export const manualRedirect: RedirectReader = (status, headers, method, url) => {
  // Browsers hide the target of a manual redirect behind an opaque response (status 0).
  if (!status) throw responseError(method, url, status, headers, "this fetch hides the redirect target");
  const location = headers.location;
  return location && status < 400 ? { status, data: undefined, headers, location } : undefined;
};
