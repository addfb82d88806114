// Turns a spec spread over several files into one document whose every $ref is internal.
// Schemas reached from another file are hoisted into components/schemas (so recursive ones
// stay expressible as named types); any other kind of object is inlined at its ref. Each
// object brought in from another file remembers where it came from, for error positions.
import { basename, extname } from "node:path";
import type { Diagnostic, SpecLocation } from "../diagnostics.js";
import { SCHEMA_LIST_KEYWORDS, SCHEMA_MAP_KEYWORDS, SUBSCHEMA_KEYWORDS } from "../document/schema-keywords.js";
import { formatBytes, type LoadLimits } from "./limits.js";
import { collectRefs, type RefSite } from "./ref-sites.js";
import { formatPointer, getAt, splitRef, type Pointer } from "./json-pointer.js";
import type { SourceFile } from "./source-file.js";

export interface Bundle {
  readonly document: Record<string, unknown>;
  /** Where an object that was brought in from another file was written. */
  readonly origins: WeakMap<object, SpecLocation>;
  readonly diagnostics: Diagnostic[];
}

type ResolveFile = (fromFile: string, relative: string) => string;

/**
 * Why a file is not among the loaded ones: refused (missing, a folder, a special file, outside
 * the allowed folders: one wording for all, so that a ref cannot probe the disk), too large, or
 * invalid (its syntax errors are reported already, so a ref to it adds nothing).
 */
export type Unavailable = "refused" | "too-large" | "invalid";

export interface BundleOptions {
  /** The folders $refs may read from, as the user would write them: for the hint of a refused ref. */
  readonly folders: readonly string[];
  readonly limits: LoadLimits;
}

// A parameter's, header's or media type's `schema`, and `components/schemas`, hold schemas too.
const SCHEMA_PARENT_KEYS = new Set(["schema", ...SUBSCHEMA_KEYWORDS]);
const SCHEMA_MAP_KEYS = new Set([...SCHEMA_MAP_KEYWORDS, "schemas"]);
const SCHEMA_LIST_KEYS = new Set(SCHEMA_LIST_KEYWORDS);

/** Whether a $ref at this pointer stands for a schema (hoisted) rather than another object (inlined). */
export function isSchemaPosition(pointer: Pointer): boolean {
  const last = pointer[pointer.length - 1];
  const parent = pointer[pointer.length - 2];
  if (typeof last === "string" && SCHEMA_PARENT_KEYS.has(last)) return true;
  if (typeof parent !== "string") return false;
  return SCHEMA_MAP_KEYS.has(parent) || (SCHEMA_LIST_KEYS.has(parent) && typeof last === "number");
}

/** `unavailable` holds the files that could not be loaded, and why. */
export function bundle(
  rootFile: string,
  files: ReadonlyMap<string, SourceFile>,
  unavailable: ReadonlyMap<string, Unavailable>,
  resolveFile: ResolveFile,
  options: BundleOptions,
): Bundle {
  const root = files.get(rootFile)!;
  const document = root.value as Record<string, unknown>;
  const origins = new WeakMap<object, SpecLocation>();
  const diagnostics: Diagnostic[] = [];
  /** `file#pointer` of an external target → the internal ref that now stands for it. */
  const placed = new Map<string, string>();
  /** `file#pointer` of an inlined target → its processed value. */
  const inlined = new Map<string, unknown>();
  const inProgress = new Set<string>();
  const rewritten = new WeakSet<object>();

  // Created only when missing: a `components` of the wrong kind is left for the checks to report.
  const hadComponents = document.components !== undefined;
  if (!hadComponents) document.components = {};
  const components = (isPlainObject(document.components) ? document.components : {}) as Record<string, Record<string, unknown>>;

  const targetOf = (site: RefSite, file: string) => {
    const { file: rel, pointer } = splitRef(site.ref);
    return { file: rel === "" ? file : resolveFile(file, rel), pointer };
  };
  const keyOf = (t: { file: string; pointer: Pointer }) => `${t.file}${formatPointer(t.pointer)}`;

  /** Checks that a ref's target exists; reports and returns undefined when it does not. */
  const lookup = (site: RefSite, file: string) => {
    const at: SpecLocation = { file, pointer: [...site.pointer, "$ref"] };
    if (isRemote(site.ref)) {
      diagnostics.push({
        location: at,
        message: `$ref "${site.ref}" points to a URL; remote references are not fetched`,
        hint: "save the referenced document next to the spec and refer to it by a relative path",
      });
      return undefined;
    }
    const target = targetOf(site, file);
    const source = files.get(target.file);
    if (!source) {
      const reason = unavailable.get(target.file);
      if (reason === "invalid") return undefined;
      diagnostics.push(
        reason === "too-large"
          ? {
              location: at,
              message: `$ref "${site.ref}" points to a file larger than ${formatBytes(options.limits.maxFileBytes)}, the limit for one spec file`,
              hint: "split it into smaller files joined by $ref",
            }
          : {
              location: at,
              message: `$ref "${site.ref}" does not lead to a readable file inside the spec's folder`,
              hint: refusedHint(target.file, options.folders),
            },
      );
      return undefined;
    }
    const got = getAt(source.value, target.pointer);
    if (!got.found) {
      const parentPointer = target.pointer.slice(0, got.missingAt);
      const parent = getAt(source.value, parentPointer);
      const keys = parent.found && isPlainObject(parent.value) ? Object.keys(parent.value).slice(0, 8) : [];
      const there = formatPointer(parentPointer);
      diagnostics.push({
        location: at,
        message: `$ref "${site.ref}" points to nothing: "${String(target.pointer[got.missingAt])}" does not exist${target.file === file ? "" : ` in ${basename(target.file)}`}`,
        hint: keys.length
          ? `keys there: ${keys.join(", ")}`
          : !parent.found
            ? "check the JSON pointer after #"
            : isPlainObject(parent.value)
              ? `${there} is empty`
              : Array.isArray(parent.value)
                ? `${there} is a list of ${parent.value.length}`
                : `${there} is ${describeValue(parent.value)}, not an object`,
      });
      return undefined;
    }
    if (target.file === rootFile && target.pointer.length === 0) {
      diagnostics.push({
        location: at,
        message: `$ref "${site.ref}" points to the whole document`,
        hint: "point it at one object, e.g. `#/components/schemas/Name`",
      });
      return undefined;
    }
    if (!isPlainObject(got.value) && typeof got.value !== "boolean") {
      diagnostics.push({
        location: at,
        message: `$ref "${site.ref}" points to ${describeValue(got.value)}, not an object`,
        hint: "a $ref must point to a schema, parameter, response or other object",
      });
      return undefined;
    }
    return { target, value: got.value };
  };

  /** Rewrites every ref inside `value` (which lives in `file` at `base`) so that it is internal. */
  const processSubtree = (value: unknown, file: string, base: Pointer) => {
    if (!value || typeof value !== "object") return;
    for (const site of collectRefs(value)) {
      if (rewritten.has(site.holder)) continue;
      const pointer = [...base, ...site.pointer];
      processSite({ ...site, pointer }, file);
    }
  };

  /** How many refs lead into each other along the current chain: each level is a few stack frames. */
  let chain = 0;
  /** processSubtree for the target of the ref at `site`, unless the chain of refs is already too long. */
  const followInto = (site: RefSite, file: string, value: unknown, target: SpecLocation) => {
    if (chain >= options.limits.maxDepth) {
      diagnostics.push({
        location: { file, pointer: [...site.pointer, "$ref"] },
        message: `$refs nested too deep: this one is reached through a chain of more than ${options.limits.maxDepth} $refs, each inside the object the one before leads to`,
        hint: "a spec needs far fewer; refer to the shared parts from one place instead of through a chain",
      });
      // Not followed further, and not reported again by the walk over the root file.
      if (value && typeof value === "object") for (const inner of collectRefs(value)) rewritten.add(inner.holder);
      return;
    }
    chain++;
    processSubtree(value, target.file, target.pointer);
    chain--;
  };

  const processSite = (site: RefSite, file: string) => {
    const found = lookup(site, file);
    if (!found) {
      // Reported once: the walk over the root file must not find this ref again.
      rewritten.add(site.holder);
      return;
    }
    const { target, value } = found;
    if (target.file === rootFile) {
      rewritten.add(site.holder);
      if (file !== rootFile) site.holder.$ref = formatPointer(target.pointer);
      return;
    }
    const key = keyOf(target);
    const internal = placed.get(key);
    if (internal) {
      site.holder.$ref = internal;
      rewritten.add(site.holder);
      return;
    }
    if (isSchemaPosition(site.pointer)) {
      const name = uniqueName((components.schemas ??= {}), nameFor(target));
      const ref = formatPointer(["components", "schemas", name]);
      placed.set(key, ref);
      components.schemas[name] = value;
      remember(value, target);
      site.holder.$ref = ref;
      rewritten.add(site.holder);
      followInto(site, file, value, target);
      return;
    }
    if (inProgress.has(key)) {
      diagnostics.push({
        location: { file, pointer: [...site.pointer, "$ref"] },
        message: `circular $ref "${site.ref}": it leads back to an object that contains it, and only schemas may be recursive`,
        hint: "break the cycle: point the $ref at the object itself, or make the recursive part a schema",
      });
      return;
    }
    if (!inlined.has(key)) {
      inProgress.add(key);
      remember(value, target);
      followInto(site, file, value, target);
      inProgress.delete(key);
      inlined.set(key, value);
    }
    const { $ref: _ignored, ...siblings } = site.holder;
    const replacement = Object.keys(siblings).length && isPlainObject(value) ? { ...value, ...siblings } : inlined.get(key);
    if (replacement !== value && replacement && typeof replacement === "object") remember(replacement, target);
    (site.parent as Record<string | number, unknown>)[site.key] = replacement;
  };

  const remember = (value: unknown, at: SpecLocation) => {
    if (value && typeof value === "object" && !origins.has(value)) origins.set(value, at);
  };

  // Root components that only point elsewhere keep their names: all of them are registered
  // before any is processed, so that refs between them find each other's names.
  const passThrough: { target: { file: string; pointer: Pointer }; value: unknown }[] = [];
  for (const [kind, entries] of Object.entries(components)) {
    if (!isPlainObject(entries)) continue;
    for (const [name, entry] of Object.entries(entries)) {
      if (!isPlainObject(entry) || typeof entry.$ref !== "string" || entry.$ref.startsWith("#")) continue;
      const found = lookup({ parent: entries, key: name, holder: entry, pointer: ["components", kind, name], ref: entry.$ref }, rootFile);
      if (!found) {
        rewritten.add(entry); // reported: the walk over the root file below must not report it again
        continue;
      }
      placed.set(keyOf(found.target), formatPointer(["components", kind, name]));
      entries[name] = found.value;
      remember(found.value, found.target);
      passThrough.push(found);
    }
  }
  for (const { value, target } of passThrough) processSubtree(value, target.file, target.pointer);
  // Then everything else in the root file.
  for (const site of collectRefs(document)) {
    if (!rewritten.has(site.holder)) processSite(site, rootFile);
  }
  // Only an object added here is taken away: a document with only internal refs comes out as it went in.
  if (!hadComponents && Object.keys(components).length === 0) delete document.components;
  return { document, origins, diagnostics };
}

/** Says where the ref leads by its text alone (no file is looked at) and what a ref may name. */
function refusedHint(file: string, folders: readonly string[]): string {
  const where = folders.length === 1 ? folders[0]! : `${folders.slice(0, -1).join(", ")} or ${folders[folders.length - 1]!}`;
  return `it names ${file}; a $ref may name only a regular file inside ${where} (symlinks resolved; --allow-ref-folder adds a folder), relative to the file it is written in`;
}

function nameFor(target: { file: string; pointer: Pointer }): string {
  const last = target.pointer[target.pointer.length - 1];
  if (typeof last === "string" && !/^\d+$/.test(last)) return last;
  return basename(target.file, extname(target.file));
}

function uniqueName(taken: Record<string, unknown>, name: string): string {
  if (!(name in taken)) return name;
  for (let i = 2; ; i++) if (!(`${name}-${i}` in taken)) return `${name}-${i}`;
}

/** `https://…`, `file:…`: a ref with a URL scheme, which the loader does not fetch. */
export function isRemote(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(ref);
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "string" ? "a string" : typeof value === "undefined" ? "missing" : `a ${typeof value}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === "object" && !Array.isArray(value);
}
