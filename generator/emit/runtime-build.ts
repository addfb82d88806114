// Builds the runtime's files for a package: its sources formatted by prettier, and dist/ compiled
// from them. `npm run build:runtime` stores the result (generator/runtime/built.json); a run of
// the generator builds it only when that file is missing or stale.
import { writeFileSync } from "node:fs";
import { formatFiles, type FormatSession } from "../write/format.js";
import type { EmittedFile } from "./file.js";
import { BUILT_RUNTIME_PATH, prebuiltRuntime, runtimeSources, runtimeSourcesHash, type BuiltRuntime } from "./runtime-files.js";

export async function buildRuntime(session?: FormatSession): Promise<EmittedFile[]> {
  const formatted = await formatFiles(runtimeSources(), session ? { session } : {});
  // Loaded here only: it brings a TypeScript compiler, which a run with a prebuilt runtime does without.
  const { compileToDist } = await import("./compile.js");
  return [...formatted, ...compileToDist(formatted)].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The runtime's files: prebuilt when generator/runtime/built.json is up to date, else built now. */
export async function runtimeFiles(session?: FormatSession): Promise<{ files: EmittedFile[]; prebuilt: boolean }> {
  const prebuilt = prebuiltRuntime();
  return prebuilt ? { files: prebuilt, prebuilt: true } : { files: await buildRuntime(session), prebuilt: false };
}

export async function writeBuiltRuntime(): Promise<BuiltRuntime> {
  const built: BuiltRuntime = { sourcesHash: runtimeSourcesHash(), files: await buildRuntime() };
  writeFileSync(BUILT_RUNTIME_PATH, JSON.stringify(built, null, 1) + "\n");
  return built;
}
