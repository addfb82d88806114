// Loads a spec from its root file: every file it refers to, parsed with positions, then bundled
// into one document with internal refs only.
import { dirname, resolve } from "node:path";
import type { Diagnostic, Locator, SpecLocation } from "../diagnostics.js";
import { bundle } from "./bundle.js";
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
}

export type LoadResult = { spec: LoadedSpec; diagnostics: Diagnostic[] } | { spec?: undefined; diagnostics: Diagnostic[] };

const resolveFile = (fromFile: string, relative: string) => resolve(dirname(fromFile), decodeURI(relative));

export async function loadSpec(rootPath: string): Promise<LoadResult> {
  const rootFile = resolve(rootPath);
  const files = new Map<string, SourceFile>();
  const diagnostics: Diagnostic[] = [];
  const pending = new Set([rootFile]);
  const locate: Locator = (at) => files.get(at.file)?.locate(at.pointer);

  while (pending.size) {
    const batch = [...pending];
    pending.clear();
    const parsed = await Promise.all(batch.map((path) => readSourceFile(path).catch((error: NodeJS.ErrnoException) => ({ error, path }))));
    for (const result of parsed) {
      if ("error" in result) {
        diagnostics.push({ location: { file: result.path, pointer: [] }, message: `cannot read ${result.path}: ${result.error.code ?? result.error.message}`, hint: "check that the file exists and is readable", position: { line: 1, col: 1 } });
        continue;
      }
      if (!result.file) {
        diagnostics.push(...result.diagnostics);
        continue;
      }
      files.set(result.file.path, result.file);
      for (const target of externalFiles(result.file)) if (!files.has(target)) pending.add(target);
    }
  }
  const root = files.get(rootFile);
  if (!root) return { diagnostics };
  if (!root.value || typeof root.value !== "object" || Array.isArray(root.value)) {
    return { diagnostics: [...diagnostics, { location: { file: rootFile, pointer: [] }, message: "the root document is not an object", hint: "an OpenAPI document starts with `openapi: 3.1.0`, `info` and `paths`" }] };
  }
  const bundled = bundle(rootFile, files, resolveFile);
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
  return { spec: { rootFile, document, files, locationOf, locate }, diagnostics };
}

/** Files named by the refs of one file; the walk is skipped when the text has no such ref. */
function externalFiles(file: SourceFile): string[] {
  if (!file.value || typeof file.value !== "object") return [];
  const targets = new Set<string>();
  for (const site of collectRefs(file.value)) {
    const { file: rel } = splitRef(site.ref);
    if (rel && !/^[a-z][a-z0-9+.-]*:/i.test(rel)) targets.add(resolveFile(file.path, rel));
  }
  return [...targets];
}
