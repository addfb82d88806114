// src/index.ts: the package's one entry point.
import type { ApiModel } from "../model/types.js";
import type { EmittedFile } from "./file.js";
import { TS_HEADER } from "./file.js";
import { render } from "./templates.js";

export function emitIndex(model: ApiModel): EmittedFile {
  const modules = [...new Set(model.operations.map((op) => op.group))].sort();
  return { path: "src/index.ts", contents: render("index.ts.hbs", { header: TS_HEADER.trimEnd(), modules }) };
}
