// `npm run build:runtime`: builds the runtime's formatted sources and dist/ files once, into
// generator/runtime/built.json, so that `npm run generate` does not spend time on them.
import { writeBuiltRuntime } from "./emit/runtime-build.js";
import { doneFormatting, startFormatWorkers } from "./write/format.js";

startFormatWorkers({ once: true });
const built = await writeBuiltRuntime();
doneFormatting();
process.stdout.write(`generator/runtime/built.json: ${built.files.length} files from sources ${built.sourcesHash.slice(0, 12)}\n`);
