// The one-endpoint bundle figure alone (issue 15, point 9), for measuring one size step at a time:
// `npx tsx bench/one-endpoint.ts [--dump=/abs/file.js]`. Same entry and build as section 7
// (seams.ts); `--dump` also writes the bundle unminified, to read where the bytes are.
import { writeFileSync } from "node:fs";
import { bundleEntry, unminifiedBundle } from "./bundle.js";
import { SEAM_ENTRIES } from "./seams.js";

const entry = SEAM_ENTRIES[0]!;
const result = await bundleEntry(entry);
if (result.error) throw new Error(`bundling the one-endpoint entry failed: ${result.error}`);
console.log(`${entry.name}: ${result.minified} B min, ${result.gzip} B gzip`);
for (const i of result.inputs) console.log(`  ${i.file.replace(/^.*generated\/dist\//, "")}: ${i.bytes} B min`);

const dump = process.argv.find((a) => a.startsWith("--dump="))?.slice("--dump=".length);
if (dump) {
  writeFileSync(dump, await unminifiedBundle(entry));
  console.log(`unminified bundle written to ${dump}`);
}
