// The runtime's files for a package: its sources as they are, and dist/ compiled from them by
// compile.ts. dist/ depends only on those sources and the compiler, so it is compiled once per
// change of either and kept in node_modules/.cache/ (not committed). Measured on spec/: compiling
// costs about 1.3 s (0.5 s to load TypeScript, 0.8 s to transpile 11 files three ways), reading
// the cached result a few milliseconds, against a whole run of about 1 s.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { CACHE_DIR, GENERATOR_DIR } from "../paths.js";
import type { EmittedFile } from "./file.js";
import { withNeutralNames } from "./neutral-names.js";
import { runtimeSources } from "./runtime-files.js";

/**
 * `profile`: the package's src/runtime/profile.ts; `neutral`: GitHub's error names replaced
 * (neutral-names.ts), in the sources and so in dist/.
 */
export async function runtimeFiles(profile?: EmittedFile, neutral = false): Promise<EmittedFile[]> {
  const sources = runtimeSources(profile).map((file) => (neutral ? { ...file, contents: withNeutralNames(file.contents) } : file));
  return [...sources, ...(await runtimeDist(sources))];
}

/** dist/ of the runtime, from the cache when it holds a build of these sources by this compiler. */
export async function runtimeDist(sources: readonly EmittedFile[], cacheDir = CACHE_DIR): Promise<EmittedFile[]> {
  const file = `${cacheDir}runtime-dist-${buildKey(sources)}.json`;
  const cached = readCache(file);
  if (cached) return cached;
  const { compileToDist } = await import("./compile.js");
  const built = compileToDist(sources);
  writeCache(file, built);
  return built;
}

/** The generator's code that shapes dist/: the compile step, and the `@ts-self-types` line it borrows. */
const BUILD_CODE = ["emit/compile.ts", "emit/module-renderings.ts"];

/** Names a build: the sources, the compiler's version, and the code that compiles. */
function buildKey(sources: readonly EmittedFile[]): string {
  const hash = createHash("sha256");
  // The TypeScript that compile.ts imports: in an installed generator it may be hoisted out of the package's folder.
  const compilerPackage = readFileSync(createRequire(import.meta.url).resolve("typescript/package.json"), "utf8");
  hash.update((JSON.parse(compilerPackage) as { version: string }).version).update("\0");
  for (const file of BUILD_CODE) hash.update(readFileSync(GENERATOR_DIR + file)).update("\0");
  for (const source of sources) hash.update(source.path).update("\0").update(source.contents).update("\0");
  return hash.digest("hex").slice(0, 32);
}

/** The cached files, or undefined when there are none or they are not what a build writes. */
function readCache(file: string): EmittedFile[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.every((f) => typeof f?.path === "string" && typeof f.contents === "string" && /^dist\/[\w/-]+\.(js|d\.ts)$/.test(f.path));
  return valid ? (parsed as EmittedFile[]).map(({ path, contents }) => ({ path, contents })) : undefined;
}

/** Written to a temporary name first, so a run never reads half a file; a cache that cannot be written is skipped. */
function writeCache(file: string, files: readonly EmittedFile[]): void {
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, JSON.stringify(files));
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}
