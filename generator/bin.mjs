#!/usr/bin/env node
// `npm run generate`, and the installed package's `openapi-client-gen`: runs the generator
// (generator/cli.ts) as plain JavaScript. An installed package runs dist/generator/, built by
// `npm pack` (pack.mjs) and stamped with the hash of the sources it was built from. In this
// repository, where the sources change, they are bundled into node_modules/.cache/ once per
// change instead, which spares every run the cost of compiling them on the fly (tsx): about half
// a second of a two-second run on spec/.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildBundle, sourcesHash } from "./bundle.mjs";

const generatorDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(generatorDir);
const contents = sourcesHash(generatorDir);

/** The packed bundle, when it was built from exactly these sources. */
function prebuilt() {
  const dir = join(root, "dist", "generator");
  const stamp = join(dir, "sources.sha256");
  return existsSync(stamp) && readFileSync(stamp, "utf8").trim() === contents ? join(dir, "cli.js") : undefined;
}

/** A bundle in the cache, built first if needed. It has this checkout's folder written in (paths.ts), so that is part of its name. */
async function cached() {
  const key = createHash("sha256").update(process.version).update(generatorDir).update(contents).digest("hex").slice(0, 16);
  const cacheDir = join(root, "node_modules", ".cache", "actions-client-generator");
  const bundle = join(cacheDir, `cli-${key}`, "cli.js");
  if (existsSync(bundle)) return bundle;
  const temp = `${dirname(bundle)}.${process.pid}-${randomUUID()}.tmp`;
  try {
    await buildBundle({ generatorDir, entries: ["cli.ts"], outdir: temp, generatorDirAs: generatorDir + "/" });
  } catch (error) {
    if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
    process.stderr.write(
      "error: this installation of the generator has no build of its sources (dist/generator/ is missing or was built from other sources), and esbuild is not installed to build one: reinstall the package\n",
    );
    process.exit(70);
  }
  mkdirSync(cacheDir, { recursive: true });
  try {
    renameSync(temp, dirname(bundle));
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(bundle)) throw error; // else another run placed the same bundle first
  }
  return bundle;
}

await import(pathToFileURL(prebuilt() ?? (await cached())).href);
