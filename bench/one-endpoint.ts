// The one-endpoint bundle figure alone (issue 15, point 9), for measuring one size step at a time:
// `npx tsx bench/one-endpoint.ts [--dump=/abs/file.js]`. Same entry and build as section 7
// (seams.ts); `--dump` also writes the bundle unminified, to read where the bytes are.
import { writeFileSync } from "node:fs";
import { build } from "esbuild";
import { bundleEntry } from "./bundle.js";
import { BENCH } from "./lib/paths.js";
import { SEAM_ENTRIES } from "./seams.js";

const entry = SEAM_ENTRIES[0]!;
const result = await bundleEntry(entry);
if (result.error) throw new Error(`bundling the one-endpoint entry failed: ${result.error}`);
console.log(`${entry.name}: ${result.minified} B min, ${result.gzip} B gzip`);
for (const i of result.inputs) console.log(`  ${i.file.replace(/^.*generated\/dist\//, "")}: ${i.bytes} B min`);

const dump = process.argv.find((a) => a.startsWith("--dump="))?.slice("--dump=".length);
if (dump) {
  const out = await build({
    stdin: { contents: entry.source, resolveDir: BENCH, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  writeFileSync(dump, out.outputFiles[0]!.contents);
  console.log(`unminified bundle written to ${dump}`);
}
