// src/runtime/*: the client runtime is real, tested TypeScript in generator/runtime, copied as is.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { EmittedFile } from "./file.js";
import { TS_HEADER } from "./file.js";

const RUNTIME_DIR = fileURLToPath(new URL("../runtime/", import.meta.url));

export function emitRuntime(): EmittedFile[] {
  return readdirSync(RUNTIME_DIR)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .sort()
    .map((name) => ({ path: `src/runtime/${name}`, contents: TS_HEADER + readFileSync(RUNTIME_DIR + name, "utf8") }));
}
