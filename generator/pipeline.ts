// The whole job, from a spec file to the files of a package: load, check, model, emit, format,
// compile. It returns results and problems; only the CLI talks to the process.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { SpecError, type Locator } from "./diagnostics.js";
import { checkSpec } from "./check/index.js";
import { compileToDist } from "./emit/compile.js";
import { emitPackage, type EmittedFile, type PackageInfo } from "./emit/index.js";
import { emitRuntime } from "./emit/runtime-files.js";
import { PendingFile, settle } from "./emit/types-file.js";
import { loadSpec } from "./load/index.js";
import { buildModel } from "./model/build.js";
import type { ApiModel } from "./model/types.js";
import { doneFormatting, FormatSession, formatFiles } from "./write/format.js";

export interface GenerateResult {
  readonly model: ApiModel;
  readonly files: EmittedFile[];
}

export const DEFAULT_PACKAGE: PackageInfo = { name: "github-actions-rest-client", version: "0.1.0" };

/** Loads and checks a spec; throws SpecError with every problem found, positioned. */
export async function loadModel(specPath: string): Promise<{ model: ApiModel; document: Record<string, unknown>; locate: Locator }> {
  const loaded = await loadSpec(specPath);
  if (!loaded.spec) throw new SpecError(loaded.diagnostics, noLocator);
  const diagnostics = [...loaded.diagnostics, ...checkSpec(loaded.spec)];
  if (diagnostics.length) throw new SpecError(diagnostics, loaded.spec.locate);
  return { model: buildModel(loaded.spec.document), document: loaded.spec.document, locate: loaded.spec.locate };
}

export async function generate(specPath: string, outDir: string): Promise<GenerateResult> {
  // The runtime's files do not depend on the spec: prettier starts on them while the spec loads,
  // and the second formatFiles finds them done.
  const session = new FormatSession();
  formatFiles(emitRuntime(), { session }).catch(() => {});
  const { model, document } = await loadModel(specPath);
  const pkg = await currentPackage(outDir);
  const emitted = await emitPackage(model, document, pkg);
  // src/types.ts comes from a worker thread (emit/types-file.ts); meanwhile the other files are
  // formatted by prettier workers (write/format.ts) and each is compiled here as soon as it is
  // formatted. openapi-typescript prints its output consistently; prettier over it would cost
  // most of the run.
  const ready = emitted.filter((file) => !(file instanceof PendingFile));
  const dist: EmittedFile[] = [];
  const formatted = await formatFiles(ready, {
    session,
    skip: (file) => file.path === "src/types.ts",
    onFormatted: (file) => dist.push(...compileToDist([file])),
  });
  doneFormatting();
  const late = await settle(emitted.filter((file) => file instanceof PendingFile));
  const files = [...formatted, ...late, ...dist, ...compileToDist(late)].sort((a, b) => (a.path < b.path ? -1 : 1));
  return { model, files };
}

/** Name and version of the package already in the output folder, kept across regenerations. */
async function currentPackage(outDir: string): Promise<PackageInfo> {
  try {
    const pkg = JSON.parse(await readFile(join(outDir, "package.json"), "utf8")) as Partial<PackageInfo>;
    return { name: pkg.name ?? DEFAULT_PACKAGE.name, version: pkg.version ?? DEFAULT_PACKAGE.version };
  } catch {
    return DEFAULT_PACKAGE;
  }
}

const noLocator: Locator = () => undefined;
