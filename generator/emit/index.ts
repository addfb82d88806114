// Every file of the generated package that depends on the spec, in memory, before formatting.
// The runtime's files are added by the pipeline (runtime-build.ts).
import type { ApiModel } from "../model/types.js";
import type { EmittedFile } from "./file.js";
import { emitIndex } from "./index-module.js";
import { emitOperationModules } from "./operations-module.js";
import { emitPackageJson, emitReadme, type PackageInfo } from "./package-files.js";
import { emitPagination } from "./pagination-module.js";
import { emitSchemas } from "./schemas-module.js";
import { emitTypes, type PlainJson } from "./types-file.js";

export type { EmittedFile } from "./file.js";
export type { PackageInfo } from "./package-files.js";

/** `plainJson`: the JSON text that `document` is exactly the parse of, if it is (see emitTypes). */
export async function emitPackage(model: ApiModel, document: Record<string, unknown>, pkg: PackageInfo, plainJson?: PlainJson): Promise<EmittedFile[]> {
  const types = emitTypes(document, plainJson);
  const files = [
    ...emitOperationModules(model.operations),
    ...emitPagination(model),
    ...emitSchemas(model, document),
    ...emitIndex(model),
    emitPackageJson(model, pkg),
    emitReadme(model, pkg),
  ];
  files.push(await types);
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
