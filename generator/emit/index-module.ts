// src/index.ts: the package's one entry point, and its dist/ files.
import type { ApiModel } from "../model/types.js";
import { TYPES_FILE_EXPORTS } from "../model/reserved-names.js";
import type { EmittedFile } from "./file.js";
import { renderModule } from "./module-renderings.js";
import type { Statement } from "./ts.js";

/** `helpers`: the paths of the emitted src/helpers/ modules (emit/helpers.ts). */
export function emitIndex(model: ApiModel, helpers: readonly string[] = []): EmittedFile[] {
  const groups = [...new Set(model.operations.map((op) => op.group))].sort();
  const reexported = [
    "./runtime/index.js",
    "./pagination.js",
    "./schemas.js",
    ...groups.map((g) => `./operations/${g}.js`),
    ...helpers.map((path) => `./${path.slice("src/".length, -".ts".length)}.js`),
  ];
  return renderModule("src/index.ts", [
    ...reexported.map((from): Statement => ({ kind: "export-from", from, typeOnly: false })),
    { kind: "export-from", from: "./types.js", typeOnly: true, names: TYPES_FILE_EXPORTS },
  ]);
}
