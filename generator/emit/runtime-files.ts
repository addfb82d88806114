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

/** An alternative profile (profile-generic.ts): it becomes src/runtime/profile.ts of the packages that use it. */
const ALTERNATE_PROFILE = /^profile-[\w-]+\.ts$/;

/**
 * src/runtime/*.ts: each source with the generated header, the alternative profiles left out.
 * `profile`: the package's own src/runtime/profile.ts (profile-module.ts), in place of GitHub's.
 */
export function runtimeSources(profile?: EmittedFile): EmittedFile[] {
  return runtimeSourceFiles()
    .map((file) => file.slice(RUNTIME_DIR.length))
    .filter((name) => !ALTERNATE_PROFILE.test(name))
    .map((name) =>
      profile && name === "profile.ts"
        ? profile
        : { path: `src/runtime/${name}`, contents: TS_HEADER + readFileSync(RUNTIME_DIR + name, "utf8"), formatted: true },
    );
}
