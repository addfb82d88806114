// The program of the types worker thread (types-file.ts starts it): openapi-typescript turns a
// document into the text of src/types.ts.
//
// It calls openapi-typescript's `transformSchema` with the context its `openapiTS()` builds for our
// options, rather than `openapiTS()` itself: that entry point first runs Redocly over the document
// (parse, lint, bundle), which on GitHub's full description took a seventh of the run and a second
// copy of the document. Ours is bundled and checked already (generator/load, check). Upstream,
// https://github.com/openapi-ts/openapi-typescript/issues/2840 asks for a way to skip the lint;
// until openapiTS() can skip the whole pass, the context is built here, typed by the package's own
// `GlobalContext` (a field added upstream fails the type check).
//
// The four functions used are public (the package entry exports them), but they are loaded from
// the modules the entry re-exports them from: the entry also loads all of Redocly for openapiTS(),
// which costs about 0.4 s of CPU on the worker's path, a quarter of a run on spec/ (measured with
// bench/before-after.sh against the entry). So the version they were written for is asserted
// before anything is loaded, and a test checks that they are the very functions the entry exports.
// No upstream issue asks for a Redocly-free entry yet; the session report proposes one.
import type { MessagePort } from "node:worker_threads";
import type * as OpenApiTypescript from "openapi-typescript";
import type { GlobalContext, OpenAPI3 } from "openapi-typescript";

/** The public functions the worker calls. */
export type TransformFunctions = Pick<typeof OpenApiTypescript, "transformSchema" | "scanDiscriminators" | "resolveRef" | "astToString">;

/** Loads them from their modules (see above); `load` resolves from openapi-typescript's installation. Runs in the worker too: self-contained. */
export function loadTransformFunctions(load: NodeJS.Require): TransformFunctions {
  const utils = load("openapi-typescript/dist/lib/utils.cjs") as TransformFunctions;
  return {
    transformSchema: load("openapi-typescript/dist/transform/index.cjs") as TransformFunctions["transformSchema"],
    scanDiscriminators: utils.scanDiscriminators,
    resolveRef: utils.resolveRef,
    astToString: (load("openapi-typescript/dist/lib/ts.cjs") as TransformFunctions).astToString,
  };
}

/** The openapi-typescript whose context `typesWorker` builds. */
export const OPENAPI_TYPESCRIPT_VERSION = "7.13.0";

export interface TypesWorkerData {
  /** A file or folder URL that `require` resolves openapi-typescript from. */
  readonly base: string;
  readonly expectedVersion: string;
}

/** The document to transform, or the JSON text it is exactly the parse of (cheaper to send). */
export type TypesRequest = { readonly document: Record<string, unknown> } | { readonly json: string };

/** `setup`: openapi-typescript could not be loaded as expected (not a bug of the generator). */
export type TypesReply = { readonly text: string } | { readonly error: string; readonly setup?: true };

/**
 * Runs in the worker thread, which receives it as source text: it may use only its arguments and
 * globals, nothing else from this module. It answers one request on `port`.
 */
export function typesWorker(
  require: NodeJS.Require,
  port: MessagePort,
  data: TypesWorkerData,
  loadTransform: typeof loadTransformFunctions,
): void {
  const { createRequire } = require("node:module") as typeof import("node:module");
  const load = createRequire(data.base);

  let lib: TransformFunctions | undefined;
  let failure: string | undefined;
  try {
    const { version } = load("openapi-typescript/package.json") as { version: string };
    if (version !== data.expectedVersion) {
      failure = `openapi-typescript ${version} is installed, but the types worker builds the transform context of ${data.expectedVersion}: install ${data.expectedVersion} (npm ci), or update generator/emit/types-worker.ts for ${version}`;
    } else lib = loadTransform(load);
  } catch (error) {
    failure = `cannot load openapi-typescript: ${String((error as Error)?.message ?? error)}`;
  }

  function context(document: OpenAPI3): GlobalContext {
    const options = { silent: true, alphabetize: true, defaultNonNullable: false };
    const ctx: Omit<GlobalContext, "redoc"> = {
      additionalProperties: false,
      alphabetize: true,
      arrayLength: false,
      defaultNonNullable: false,
      discriminators: lib!.scanDiscriminators(document, options),
      emptyObjectsUnknown: false,
      enum: false,
      enumValues: false,
      conditionalEnums: false,
      dedupeEnums: false,
      excludeDeprecated: false,
      exportType: false,
      immutable: false,
      rootTypes: false,
      rootTypesNoSchemaPrefix: false,
      rootTypesKeepCasing: false,
      injectFooter: [],
      pathParamsAsTypes: false,
      postTransform: undefined,
      propertiesRequiredByDefault: false,
      silent: true,
      inject: undefined,
      transform: undefined,
      transformProperty: undefined,
      makePathsEnum: false,
      generatePathParams: false,
      readWriteMarkers: false,
      resolve: <T>($ref: string) => lib!.resolveRef<T>(document, $ref, { silent: true }),
    };
    // `redoc` (Redocly's config) is read only by openapiTS()'s Redocly pass, which is skipped.
    return ctx as GlobalContext;
  }

  function transform(document: unknown): TypesReply {
    if (failure !== undefined) return { error: failure, setup: true };
    try {
      return { text: lib!.astToString(lib!.transformSchema(document as OpenAPI3, context(document as OpenAPI3))) };
    } catch (error) {
      return { error: String((error as Error)?.stack ?? error) };
    }
  }

  port.once("message", (request: TypesRequest) => {
    // The main thread parsed this JSON text already.
    port.postMessage(transform("document" in request ? request.document : JSON.parse(request.json)));
  });
}
