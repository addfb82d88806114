// Builds the generator's TypeScript sources into plain JavaScript with esbuild, for bin.mjs (into
// node_modules/.cache/, once per change of the sources) and for `npm pack` (pack.mjs, into dist/,
// shipped in the tarball). The generator's own dependencies stay outside the bundle: they are
// resolved from where the bundle lies, so it must lie inside the package's folder.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Every .ts file under `dir`, sorted. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : []))
    .sort();
}

/** Names the sources' contents: a bundle built from other sources is never used. */
export function sourcesHash(generatorDir) {
  const hash = createHash("sha256");
  for (const file of sources(generatorDir)) hash.update(relative(generatorDir, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

/**
 * `generatorDir`, as the bundle's paths.ts sees it: an absolute path, or a path relative to the
 * bundle's own folder (for a bundle that moves with the package, as dist/ does).
 */
export async function buildBundle({ generatorDir, entries, outdir, generatorDirAs }) {
  const { build } = await import("esbuild");
  await build({
    entryPoints: entries.map((entry) => join(generatorDir, entry)),
    outdir,
    bundle: true,
    splitting: true, // the CLI's entry loads no dependency, so the worker threads start before the rest loads
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    define: { __GENERATOR_DIR__: JSON.stringify(generatorDirAs) },
    logLevel: "error",
  });
}
