// src/runtime/*: the client runtime is real, tested TypeScript in generator/runtime, copied as is.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { EmittedFile } from "./file.js";
import { TS_HEADER } from "./file.js";

const RUNTIME_DIR = fileURLToPath(new URL("../runtime/", import.meta.url));

/** Every name the runtime exports (values and types): generated names must not reuse them. */
export function runtimeExportNames(): Set<string> {
  const names = new Set<string>();
  for (const name of readdirSync(RUNTIME_DIR).filter((n) => n.endsWith(".ts"))) {
    const text = readFileSync(RUNTIME_DIR + name, "utf8");
    for (const m of text.matchAll(/^export (?:declare )?(?:abstract )?(?:class|interface|type|function|const|let)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
    for (const m of text.matchAll(/^export (?:type )?\{([^}]*)\}/gm)) {
      for (const part of m[1]!.split(",")) {
        const alias = part.trim().split(/\s+as\s+/).pop()?.replace(/^type\s+/, "");
        if (alias) names.add(alias);
      }
    }
  }
  return names;
}

export function emitRuntime(): EmittedFile[] {
  return readdirSync(RUNTIME_DIR)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .sort()
    .map((name) => ({ path: `src/runtime/${name}`, contents: TS_HEADER + readFileSync(RUNTIME_DIR + name, "utf8") }));
}
