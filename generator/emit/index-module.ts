// src/index.ts: the package's one entry point, and its dist/ files.
import type { ApiModel } from "../model/types.js";
import { TYPES_FILE_EXPORTS } from "../model/reserved-names.js";
import type { EmittedFile } from "./file.js";
import { TS_HEADER } from "./file.js";
import { selfTypes } from "./module-renderings.js";
import { render } from "./templates.js";

export function emitIndex(model: ApiModel): EmittedFile[] {
  const groups = [...new Set(model.operations.map((op) => op.group))].sort();
  const reexported = ["./runtime/index.js", "./pagination.js", "./schemas.js", ...groups.map((g) => `./operations/${g}.js`)];
  const source = render("index.ts.hbs", { header: TS_HEADER.trimEnd(), reexported, typesExports: TYPES_FILE_EXPORTS.join(", ") });
  const esm = reexported.map((from) => `export * from ${JSON.stringify(from)};\n`).join("");
  return [
    // One `export *` per line: nothing prettier would lay out otherwise.
    { path: "src/index.ts", contents: source, formatted: true },
    { path: "dist/index.js", contents: TS_HEADER + selfTypes("index") + esm },
    { path: "dist/index.d.ts", contents: source },
    { path: "dist/cjs/index.js", contents: TS_HEADER + commonJsReexports(reexported) },
    { path: "dist/cjs/index.d.ts", contents: source },
  ];
}

/**
 * `export *` in CommonJS. The helper's name and call shape are the ones Node's CommonJS export
 * detection (cjs-module-lexer) recognizes, so `import { createClient } from` works on this file too.
 */
function commonJsReexports(modules: readonly string[]): string {
  const lines = [
    '"use strict";',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    "function __exportStar(from, to) {",
    "    for (const name in from) {",
    '        if (name !== "default" && !Object.prototype.hasOwnProperty.call(to, name)) Object.defineProperty(to, name, { enumerable: true, get: () => from[name] });',
    "    }",
    "}",
    ...modules.map((from) => `__exportStar(require(${JSON.stringify(from)}), exports);`),
  ];
  return lines.join("\n") + "\n";
}
