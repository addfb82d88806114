// Where the generator's own files are. Every module asks here rather than resolving paths from
// its own location: the generator also runs bundled (bin.mjs), from a cache folder elsewhere, and
// the bundle then has this folder's path written in.
import { fileURLToPath } from "node:url";

/** Set by bundle.mjs: an absolute path, or one relative to the bundle's folder (the packed dist/, which moves with the package). */
declare const __GENERATOR_DIR__: string | undefined;

export const GENERATOR_DIR =
  typeof __GENERATOR_DIR__ !== "string"
    ? fileURLToPath(new URL(".", import.meta.url))
    : __GENERATOR_DIR__.startsWith(".")
      ? fileURLToPath(new URL(__GENERATOR_DIR__, import.meta.url))
      : __GENERATOR_DIR__;
export const RUNTIME_DIR = GENERATOR_DIR + "runtime/";
/** Helpers over one API's operations, emitted when a spec has them (emit/helpers.ts). */
export const HELPERS_DIR = GENERATOR_DIR + "helpers/";
export const TEMPLATES_DIR = GENERATOR_DIR + "../templates/";
/** What the generator keeps between runs (bin.mjs, plain JavaScript, names the same folder for its bundle; the runtime's dist/): never committed. */
export const CACHE_DIR = GENERATOR_DIR + "../node_modules/.cache/actions-client-generator/";
