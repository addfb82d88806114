// `npm run format:runtime`: formats generator/runtime/*.ts in place with the generated package's
// prettier options. The package copies these sources byte for byte (emit/runtime-files.ts), so
// they must already be in that layout; test/generator/runtime-build.test.ts fails when one is not.
import { readFileSync, writeFileSync } from "node:fs";
import { formatText } from "./emit/prettier.js";
import { runtimeSourceFiles } from "./emit/runtime-files.js";

let changed = 0;
for (const file of runtimeSourceFiles()) {
  const text = readFileSync(file, "utf8");
  const formatted = await formatText(file, text);
  if (formatted === text) continue;
  writeFileSync(file, formatted);
  changed++;
  process.stdout.write(`formatted ${file}\n`);
}
process.stdout.write(`${changed} runtime source(s) reformatted\n`);
