// Loads a spec from its root file: every file it refers to, parsed with positions, then bundled
// into one document with internal refs only. A $ref may lead only to a regular file inside the
// root file's folder (after symlinks are resolved) or inside a folder the caller allows: a spec
// from a pull request must not read ~/.ssh or /proc/self/environ into the generated package.
import { dirname, resolve } from "node:path";
import { sortDiagnostics, type Diagnostic, type Locator, type SpecLocation } from "../diagnostics.js";
import { bundle, isRemote, type Unavailable } from "./bundle.js";
import { readConfined, realFolder, type ReadOutcome } from "./confined-read.js";
import { DEFAULT_LOAD_LIMITS, formatBytes, formatCount, type LoadLimits } from "./limits.js";
import { measureDocument, type Overflow } from "./measure.js";
import { collectRefs } from "./ref-sites.js";
import { splitRef, type Pointer } from "./json-pointer.js";
import { parseSource, type SourceFile } from "./source-file.js";

export interface LoadOptions {
  /** Folders besides the root file's own that $refs may read files from (the CLI's --allow-ref-folder). */
  readonly allowedFolders?: readonly string[];
  /** Any of the limits to change; the others keep DEFAULT_LOAD_LIMITS. */
  readonly limits?: Partial<LoadLimits>;
  /**
   * Set for a spec read from a URL (remote.ts): it must be one bundled document, and a $ref to
   * another file is an error rather than a read of the temporary folder it was saved in.
   */
  readonly singleDocument?: boolean;
  /** Told the path of every file the spec names, read or not (--watch watches them). */
  readonly onRead?: (path: string) => void;
}

export interface LoadedSpec {
  readonly rootFile: string;
  readonly document: Record<string, unknown>;
  readonly files: ReadonlyMap<string, SourceFile>;
  /** Where the value at `pointer` of the bundled document was written. */
  locationOf(pointer: Pointer): SpecLocation;
  readonly locate: Locator;
  /**
   * For one JSON file with internal refs only, its text: the document is what JSON.parse gives
   * for it, unchanged by bundling (so a worker may parse that text itself).
   */
  readonly plainJsonText: string | undefined;
}

export type LoadResult = { spec: LoadedSpec; diagnostics: Diagnostic[] } | { spec?: undefined; diagnostics: Diagnostic[] };

const resolveFile = (fromFile: string, relative: string) => resolve(dirname(fromFile), decodeUriSafe(relative));

/** `a%20b.yaml` names `a b.yaml`; a stray `%` is taken literally rather than thrown on. */
function decodeUriSafe(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

export async function loadSpec(rootPath: string, options: LoadOptions = {}): Promise<LoadResult> {
  const rootFile = resolve(rootPath);
  const limits: LoadLimits = { ...DEFAULT_LOAD_LIMITS, ...options.limits };
  const files = new Map<string, SourceFile>();
  const diagnostics: Diagnostic[] = [];
  const locate: Locator = (at) => files.get(at.file)?.locate(at.pointer);
  const at1 = (message: string, hint: string): Diagnostic => ({
    location: { file: rootFile, pointer: [] },
    message,
    hint,
    position: { line: 1, col: 1 },
  });

  const folders: string[] = [];
  for (const folder of [dirname(rootFile), ...(options.allowedFolders ?? [])]) {
    const real = await realFolder(folder);
    if (real) folders.push(real);
    else if (folder !== dirname(rootFile))
      diagnostics.push(at1(`the folder ${resolve(folder)} allowed for $refs does not exist`, "check the --allow-ref-folder path"));
  }
  if (diagnostics.length) return { diagnostics };

  const unavailable = new Map<string, Unavailable>();
  const pending = new Set([rootFile]);
  while (pending.size) {
    const batch = [...pending];
    pending.clear();
    for (const path of batch) options.onRead?.(path);
    // The root file too: a pull request can turn spec/openapi.yaml into a symlink to ~/.kube/config.
    const read = await Promise.all(batch.map((path) => readConfined(path, folders, limits.maxFileBytes)));
    batch.forEach((path, i) => {
      const outcome = read[i]!;
      if (!("text" in outcome)) {
        unavailable.set(path, "tooLarge" in outcome ? "too-large" : "refused");
        // A file reached through a $ref is reported at every ref to it, by the bundler, which
        // knows where those refs are; only the root file has no ref to point at.
        if (path === rootFile) diagnostics.push(rootFailure(rootFile, outcome, limits));
        return;
      }
      const parsed = parseSource(path, outcome.text, limits);
      const { file } = parsed;
      if (!file) {
        diagnostics.push(...parsed.diagnostics);
        unavailable.set(path, "invalid");
        return;
      }
      files.set(file.path, file);
      if (options.singleDocument) {
        diagnostics.push(...refsToOtherFiles(file));
        return;
      }
      for (const target of externalFiles(file)) if (!files.has(target) && !unavailable.has(target)) pending.add(target);
    });
  }
  // The bundler would report those refs again, as files that cannot be read.
  if (options.singleDocument && diagnostics.length) return { diagnostics: sortDiagnostics(diagnostics, locate, rootFile) };
  const root = files.get(rootFile);
  if (!root) return { diagnostics: sortDiagnostics(diagnostics, locate, rootFile) };
  if (!root.value || typeof root.value !== "object" || Array.isArray(root.value)) {
    return {
      diagnostics: [
        ...sortDiagnostics(diagnostics, locate, rootFile),
        {
          location: { file: rootFile, pointer: [] },
          message: "the root document is not an object",
          hint: "an OpenAPI document starts with `openapi: 3.1.0`, `info` and `paths`",
        },
      ],
    };
  }
  const bundled = bundle(rootFile, files, unavailable, resolveFile, {
    folders: [dirname(rootFile), ...(options.allowedFolders ?? []).map((f) => resolve(f))],
    limits,
  });
  diagnostics.push(...bundled.diagnostics);
  const document = bundled.document;

  const locationOf = (pointer: Pointer): SpecLocation => {
    // The deepest object on the way that came from another file tells where the rest is.
    let base: SpecLocation = { file: rootFile, pointer: [] };
    let from = 0;
    let node: unknown = document;
    for (let i = 0; i < pointer.length && node && typeof node === "object"; i++) {
      node = (node as Record<string, unknown>)[String(pointer[i])];
      const origin = node && typeof node === "object" ? bundled.origins.get(node) : undefined;
      if (origin) {
        base = origin;
        from = i + 1;
      }
    }
    return { file: base.file, pointer: [...base.pointer, ...pointer.slice(from)] };
  };
  // Each file was measured alone; $refs inlined from other files can nest and repeat them further.
  if (!bundled.diagnostics.length && (files.size > 1 || root.hasAliases)) {
    const overflow = measureDocument(document, limits);
    if (overflow) diagnostics.push(documentOverflow(overflow, locationOf, limits));
  }
  const plainJsonText = files.size === 1 && !diagnostics.length ? root.jsonText : undefined;
  return {
    spec: { rootFile, document, files, locationOf, locate, plainJsonText },
    diagnostics: sortDiagnostics(diagnostics, locate, rootFile),
  };
}

/** Files named by the refs of one file; the walk is skipped when the text has no such ref. */
function externalFiles(file: SourceFile): string[] {
  if (!file.value || typeof file.value !== "object") return [];
  const targets = new Set<string>();
  for (const site of collectRefs(file.value)) {
    const { file: rel } = splitRef(site.ref);
    if (rel && !isRemote(rel)) targets.add(resolveFile(file.path, rel));
  }
  return [...targets];
}

/** A spec read from a URL refers to other files: each such $ref, told where it is. */
function refsToOtherFiles(file: SourceFile): Diagnostic[] {
  if (!file.value || typeof file.value !== "object") return [];
  return collectRefs(file.value)
    .filter((site) => splitRef(site.ref).file !== "" && !isRemote(site.ref))
    .map((site) => ({
      location: { file: file.path, pointer: [...site.pointer, "$ref"] },
      // Positioned here: a load that fails has no document to locate pointers in afterwards.
      position: file.locate([...site.pointer, "$ref"]),
      message: `$ref "${site.ref}" names another file, which is not fetched: a spec read from a URL must be one bundled document`,
      hint: "bundle the spec into one file first (for example `redocly bundle`), or download its files and give the path of the root file",
    }));
}

/** Why the root file cannot be used: it was named by the user, so it is told exactly. */
function rootFailure(rootFile: string, outcome: Exclude<ReadOutcome, { text: string }>, limits: LoadLimits): Diagnostic {
  const reason =
    "tooLarge" in outcome
      ? `it is larger than ${formatBytes(limits.maxFileBytes)}, the limit for one spec file`
      : REFUSALS[outcome.refused];
  const hint = "tooLarge" in outcome ? "split the spec into files joined by $ref" : "check the --spec path";
  return { location: { file: rootFile, pointer: [] }, message: `cannot read the spec: ${reason}`, hint, position: { line: 1, col: 1 } };
}

/** The document is too deep or too large once other files' objects are put in place of their $refs. */
function documentOverflow(overflow: Overflow, locationOf: (pointer: Pointer) => SpecLocation, limits: LoadLimits): Diagnostic {
  const location = locationOf(overflow.pointer);
  if (overflow.kind === "depth") {
    return {
      location,
      message: `nested too deep: more than ${limits.maxDepth} levels of objects and lists, once $refs to other files are put in place`,
      hint: "a spec needs far fewer; give the inner schemas names under components/schemas and refer to them with $ref",
    };
  }
  return {
    location,
    message: `the document expands to more than ${formatCount(limits.maxValues)} values, the limit${overflow.uses ? `; this object is included ${formatCount(overflow.uses)} times` : ""}`,
    hint: "a $ref to an object in another file (other than a schema) is copied at every use; move that object under components in the root file, where a $ref is not copied",
  };
}

/** Why a file named by the user cannot be read (the spec's root file; the config file). */
export const REFUSALS = {
  missing: "no such file",
  folder: "it is a folder, not a file",
  special: "it is not a regular file (a FIFO, a device or a socket)",
  outside: "it is a symlink to a file outside its own folder (and outside any --allow-ref-folder)",
  unreadable: "permission denied, or it cannot be opened",
} as const;
