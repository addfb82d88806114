// The whole job, from a spec file to the files of a package: load, check, model, emit, format,
// compile. It returns results and problems; only the CLI talks to the process.
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { SpecError, type Locator } from "./diagnostics.js";
import { checkSpec } from "./check/index.js";
import { CJS_PACKAGE, typesDist } from "./emit/dist-files.js";
import { emitPackage, type EmittedFile, type PackageInfo } from "./emit/index.js";
import { runtimeFiles } from "./emit/runtime-build.js";
import { PendingFile, settle, speculateTypes, type PlainJson } from "./emit/types-file.js";
import { apiSurface, planRelease, type ReleasePlan } from "./changes/index.js";
import { changelogFile, CHANGELOG_PATH, parseSurface, surfaceFile, SURFACE_PATH } from "./changes/files.js";
import { loadSpec, type LoadOptions } from "./load/index.js";
import { buildModel } from "./model/build.js";
import type { ApiModel } from "./model/types.js";
import { doneFormatting, FormatSession, formatFiles } from "./write/format.js";

export interface GenerateResult {
  readonly model: ApiModel;
  readonly files: EmittedFile[];
  /** What changed in the API since the last generation into the same folder, and the version it calls for. */
  readonly release: ReleasePlan;
  /** False when generator/runtime/built.json was missing or stale, and the runtime was built in this run. */
  readonly runtimePrebuilt: boolean;
}

export const DEFAULT_PACKAGE: PackageInfo = { name: "github-actions-rest-client", version: "0.1.0" };

/** Loads and checks a spec; throws SpecError with every problem found, positioned. */
export async function loadModel(specPath: string, options?: LoadOptions): Promise<{ model: ApiModel; document: Record<string, unknown>; locate: Locator; plainJson?: PlainJson }> {
  const loaded = await loadSpec(specPath, options);
  if (!loaded.spec) throw new SpecError(loaded.diagnostics, noLocator);
  const diagnostics = [...loaded.diagnostics, ...checkSpec(loaded.spec)];
  if (diagnostics.length) throw new SpecError(diagnostics, loaded.spec.locate);
  const { document, locate, plainJsonText, rootFile } = loaded.spec;
  return { model: buildModel(document), document, locate, ...(plainJsonText === undefined ? {} : { plainJson: { file: rootFile, text: plainJsonText } }) };
}

export async function generate(specPath: string, outDir: string, options?: LoadOptions): Promise<GenerateResult> {
  // The runtime's files do not depend on the spec: prebuilt, or built while the spec loads.
  const session = new FormatSession();
  const runtime = runtimeFiles(session);
  runtime.catch(() => {}); // awaited below
  speculateTypes(resolve(specPath));
  const { model, document, plainJson } = await loadModel(specPath, options);
  const previous = await previousOutput(outDir);
  const surface = apiSurface(document, model);
  const release = planRelease(previous.surface, surface, previous.pkg.version);
  const emitted = await emitPackage(model, document, { name: previous.pkg.name, version: release.version }, plainJson);
  // src/types.ts comes from a worker thread (emit/types-file.ts) while prettier workers format
  // the other sources (write/format.ts). openapi-typescript prints its output consistently, and
  // dist/ is printed from the same structures as the sources: prettier over them would cost most
  // of the run.
  const ready = emitted.filter((file) => !(file instanceof PendingFile));
  const types = settle(emitted.filter((file) => file instanceof PendingFile));
  types.catch(() => {}); // awaited below, after formatting; a failure is reported there
  const formatted = await formatFiles(ready, { session, skip: (file) => file.formatted === true || file.path.startsWith("dist/") || file.path === "src/types.ts" });
  const { files: runtimeOutput, prebuilt: runtimePrebuilt } = await runtime;
  doneFormatting();
  const late = await types;
  // Written as they are: prettier over megabytes of surface would cost more than the rest.
  const record = [surfaceFile(surface), changelogFile(previous.changelog, release), CJS_PACKAGE];
  const files = [...formatted, ...runtimeOutput, ...late, ...late.flatMap(typesDist), ...record].sort((a, b) => (a.path < b.path ? -1 : 1));
  return { model, files, release, runtimePrebuilt };
}

/** What the last generation left in the output folder: package name and version, API surface, changelog. */
async function previousOutput(outDir: string): Promise<{ pkg: PackageInfo; surface?: ReturnType<typeof parseSurface>; changelog?: string }> {
  const read = (name: string) => readFile(join(outDir, name), "utf8").catch(() => undefined);
  const [pkgText, surfaceText, changelog] = await Promise.all([read("package.json"), read(SURFACE_PATH), read(CHANGELOG_PATH)]);
  let pkg = DEFAULT_PACKAGE;
  try {
    const parsed = JSON.parse(pkgText ?? "{}") as Partial<PackageInfo>;
    pkg = { name: parsed.name ?? DEFAULT_PACKAGE.name, version: parsed.version ?? DEFAULT_PACKAGE.version };
  } catch {
    // An unreadable package.json is regenerated with the defaults.
  }
  return { pkg, surface: parseSurface(surfaceText), ...(changelog === undefined ? {} : { changelog }) };
}

const noLocator: Locator = () => undefined;
