// src/runtime/*: the client runtime is real, tested TypeScript in generator/runtime, copied into
// the package byte for byte after the generated header. Its sources are kept in the package's
// prettier layout in place (`npm run format:runtime`; a test fails when one is not).
import { readdirSync, readFileSync } from "node:fs";
import { RUNTIME_DIR } from "../paths.js";
import type { EmittedFile } from "./file.js";
import { TS_HEADER } from "./file.js";

/** generator/runtime/*.ts, the runtime's own tests aside, sorted. */
export function runtimeSourceFiles(): string[] {
  return readdirSync(RUNTIME_DIR)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .sort()
    .map((name) => RUNTIME_DIR + name);
}

/** src/runtime/*.ts: each source with the generated header. */
export function runtimeSources(): EmittedFile[] {
  return runtimeSourceFiles().map((file) => ({
    path: `src/runtime/${file.slice(RUNTIME_DIR.length)}`,
    contents: TS_HEADER + readFileSync(file, "utf8"),
    formatted: true,
  }));
}
