// src/runtime/* and dist/runtime/*: the client runtime is real, tested TypeScript in
// generator/runtime, copied as is. It does not depend on the spec, so its formatted source and
// compiled files are built ahead, by `npm run build:runtime`, into generator/runtime/built.json:
// a run of the generator then spends no time on them. That file records a hash of the sources it
// was built from; when the sources have changed since, the generator builds them itself (slower,
// same bytes) and says so.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { RUNTIME_DIR } from "../paths.js";
import type { EmittedFile } from "./file.js";
import { TS_HEADER } from "./file.js";

export const BUILT_RUNTIME_PATH = RUNTIME_DIR + "built.json";

/** Every name the runtime exports (values and types): generated names must not reuse them. */
export function runtimeExportNames(): Set<string> {
  const names = new Set<string>();
  for (const { contents: text } of runtimeSources()) {
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

let sources: EmittedFile[] | undefined;

/** src/runtime/*.ts as they are in generator/runtime, with the generated header, before formatting. */
export function runtimeSources(): EmittedFile[] {
  return (sources ??= readdirSync(RUNTIME_DIR)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .sort()
    .map((name) => ({ path: `src/runtime/${name}`, contents: TS_HEADER + readFileSync(RUNTIME_DIR + name, "utf8") })));
}

/** Identifies the runtime's sources (and the header) that a build was made from. */
export function runtimeSourcesHash(): string {
  const hash = createHash("sha256");
  for (const file of runtimeSources()) hash.update(file.path).update("\0").update(file.contents).update("\0");
  return hash.digest("hex");
}

export interface BuiltRuntime {
  readonly sourcesHash: string;
  /** Formatted src/runtime/* and their dist/ files, by path. */
  readonly files: readonly EmittedFile[];
}

/** The prebuilt runtime files, or undefined when there is none or it was built from other sources. */
export function prebuiltRuntime(): EmittedFile[] | undefined {
  let built: BuiltRuntime;
  try {
    built = JSON.parse(readFileSync(BUILT_RUNTIME_PATH, "utf8")) as BuiltRuntime;
  } catch {
    return undefined;
  }
  return built.sourcesHash === runtimeSourcesHash() ? [...built.files] : undefined;
}
