// `npm pack`'s prepack step: builds what the installed package runs, into dist/ (not committed):
// dist/generator/ the CLI and the library, bundled, stamped with the hash of their sources
// (bin.mjs runs it only when they match), and dist/types/ the library's declarations.
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildBundle, sourcesHash } from "./bundle.mjs";

const generatorDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(generatorDir);
const dist = join(root, "dist");

rmSync(dist, { recursive: true, force: true });
const outdir = join(dist, "generator");
// Relative to the bundle's folder: the package may be installed anywhere.
await buildBundle({ generatorDir, entries: ["cli.ts", "api.ts"], outdir, generatorDirAs: "../../generator/" });
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.dist.json")], {
  stdio: "inherit",
});
writeFileSync(join(outdir, "sources.sha256"), sourcesHash(generatorDir) + "\n");
