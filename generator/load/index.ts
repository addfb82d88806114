// Loads a spec from its root file: every file it refers to, parsed with positions, then bundled
// into one document with internal refs only.
import { dirname, resolve } from "node:path";
import { sortDiagnostics, type Diagnostic, type Locator, type SpecLocation } from "../diagnostics.js";
import { bundle, isRemote } from "./bundle.js";
import { collectRefs } from "./ref-sites.js";
import { splitRef, type Pointer } from "./json-pointer.js";
import { readSourceFile, type SourceFile } from "./source-file.js";

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

export async function loadSpec(rootPath: string): Promise<LoadResult> {
  const rootFile = resolve(rootPath);
  const files = new Map<string, SourceFile>();
  const diagnostics: Diagnostic[] = [];
  const pending = new Set([rootFile]);
  const locate: Locator = (at) => files.get(at.file)?.locate(at.pointer);

  /** Files that could not be used: why (a read error), or null when a syntax error was reported. */
  const unavailable = new Map<string, string | null>();

  while (pending.size) {
    const batch = [...pending];
    pending.clear();
    const parsed = await Promise.all(
      batch.map((path) => readSourceFile(path).then((result) => ({ path, result }), (error: NodeJS.ErrnoException) => ({ path, error }))),
    );
    for (const entry of parsed) {
      const { path } = entry;
      if ("error" in entry) {
        const reason = readFailure(entry.error);
        unavailable.set(path, reason);
        // A file reached through a $ref is reported at every ref to it, by the bundler, which
        // knows where those refs are; only the root file has no ref to point at.
        if (path === rootFile) {
          diagnostics.push({ location: { file: path, pointer: [] }, message: `cannot read the spec: ${reason}`, hint: "check the --spec path", position: { line: 1, col: 1 } });
        }
        continue;
      }
      const { file } = entry.result;
      if (!file) {
        diagnostics.push(...entry.result.diagnostics);
        unavailable.set(path, null);
        continue;
      }
      files.set(file.path, file);
      for (const target of externalFiles(file)) if (!files.has(target) && !unavailable.has(target)) pending.add(target);
    }
  }
  const root = files.get(rootFile);
  if (!root) return { diagnostics: sortDiagnostics(diagnostics, locate, rootFile) };
  if (!root.value || typeof root.value !== "object" || Array.isArray(root.value)) {
    return { diagnostics: [...sortDiagnostics(diagnostics, locate, rootFile), { location: { file: rootFile, pointer: [] }, message: "the root document is not an object", hint: "an OpenAPI document starts with `openapi: 3.1.0`, `info` and `paths`" }] };
  }
  const bundled = bundle(rootFile, files, unavailable, resolveFile);
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
  const plainJsonText = files.size === 1 && !diagnostics.length ? root.jsonText : undefined;
  return { spec: { rootFile, document, files, locationOf, locate, plainJsonText }, diagnostics: sortDiagnostics(diagnostics, locate, rootFile) };
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

/** Why a file could not be read, in words rather than an errno code alone. */
function readFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "it is a folder, not a file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return error.code ?? error.message;
  }
}
