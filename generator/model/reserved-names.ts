// Names the generated package already uses, which no operation or schema alias may take: what
// src/index.ts exports (the runtime's public API and openapi-typescript's types) and what every
// operations module imports (the runtime's `operation` and serializers). Read from the runtime's
// own sources, so that a new runtime export is reserved without a list to update;
// test/generator/reserved-names.test.ts checks the reading against TypeScript's.
import { readFileSync } from "node:fs";
import { HELPERS_DIR, RUNTIME_DIR } from "../paths.js";

/** The runtime modules the generated code imports from by name. */
export const IMPORTED_MODULES = ["index.ts", "operation.ts", "serializers.ts"];

/** What openapi-typescript's src/types.ts exports, which src/index.ts re-exports (emit/index-module.ts). */
export const TYPES_FILE_EXPORTS = ["components", "operations", "paths", "webhooks"] as const;

/** The helpers src/index.ts may re-export (emit/helpers.ts): reserved whether a spec gets them or not. */
export const HELPER_MODULES = ["github/wait-for-run.ts"];

export const PACKAGE_NAMES: ReadonlySet<string> = new Set([
  ...IMPORTED_MODULES.flatMap((file) => moduleExports(file)),
  ...HELPER_MODULES.flatMap((file) => moduleExports(file, HELPERS_DIR)),
  ...TYPES_FILE_EXPORTS,
]);

/**
 * The names a runtime module exports, values and types: its exported declarations, its
 * `export { a, b as c }` lists and, followed, its `export * from` modules. A form this does not read
 * (`export default`, `export =`) is an error, not a silent gap.
 */
export function moduleExports(file: string, dir = RUNTIME_DIR, seen: ReadonlySet<string> = new Set()): string[] {
  if (seen.has(file)) return []; // `export *` cycles add nothing new
  const text = readFileSync(dir + file, "utf8");
  const names: string[] = [];
  for (const { index } of text.matchAll(/^export\b/gm)) {
    const statement = text.slice(index);
    const declared =
      /^export (?:declare )?(?:abstract )?(?:async )?(?:class|interface|type|function\*?|const|let|var|enum|namespace) +([\p{ID_Start}$_][\p{ID_Continue}$]*)/u.exec(
        statement,
      );
    const list = /^export (?:type )?\{([^}]*)\}/.exec(statement);
    const star = /^export (?:type )?\* from ["']\.\/([^"']+)\.js["']/.exec(statement);
    if (declared) names.push(declared[1]!);
    else if (list)
      names.push(
        ...list[1]!
          .split(",")
          .map((part) =>
            part
              .trim()
              .split(/\s+as\s+/)
              .pop()!
              .replace(/^type\s+/, ""),
          )
          .filter(Boolean),
      );
    else if (star) names.push(...moduleExports(`${star[1]}.ts`, dir, new Set([...seen, file])));
    else throw new Error(`internal error: ${dir}${file} has an export that reserved-names.ts does not read: ${statement.split("\n")[0]}`);
  }
  return names;
}
