// `npm run generate`: runs the generator (generator/cli.ts) as plain JavaScript. The TypeScript
// sources are bundled with esbuild into node_modules/.cache/ once per change of their contents,
// which spares every run the cost of compiling them on the fly (tsx): about half a second of a
// two-second run on spec/. The generator's own dependencies stay outside the bundle.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const generatorDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(generatorDir);

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : []))
    .sort();
}

// The bundle is named by the contents it was built from, so a stale one is never used.
// The bundle also has this checkout's folder written in (paths.ts), so that is part of its name.
const hash = createHash("sha256").update(process.version).update(generatorDir);
for (const file of sources(generatorDir)) hash.update(relative(generatorDir, file)).update("\0").update(readFileSync(file)).update("\0");
const cacheDir = join(root, "node_modules", ".cache", "actions-client-generator");
const bundle = join(cacheDir, `cli-${hash.digest("hex").slice(0, 16)}`, "cli.js");

if (!existsSync(bundle)) {
  const { build } = await import("esbuild");
  const temp = `${dirname(bundle)}.${process.pid}-${randomUUID()}.tmp`;
  await build({
    entryPoints: [join(generatorDir, "cli.ts")],
    outdir: temp,
    bundle: true,
    splitting: true, // the entry loads no dependency, so the worker threads start before the rest loads
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    define: { __GENERATOR_DIR__: JSON.stringify(generatorDir + "/") },
    logLevel: "error",
  });
  mkdirSync(cacheDir, { recursive: true });
  try {
    renameSync(temp, dirname(bundle));
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(bundle)) throw error; // else another run placed the same bundle first
  }
}
await import(pathToFileURL(bundle).href);
