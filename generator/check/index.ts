// Runs every semantic check before anything is emitted; all problems are collected, and
// returned in reading order (file, then position) whatever check found them.
import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { LoadedSpec } from "../load/index.js";
import { checkContext, type Check } from "./context.js";
import { checkNames } from "./names.js";
import { checkOperationIds } from "./operation-ids.js";
import { checkPagination } from "./pagination.js";
import { checkPathParams } from "./path-params.js";
import { checkPrototypeKeys } from "./prototype-keys.js";
import { checkRefCycles } from "./ref-cycles.js";
import { checkStructure } from "./structure.js";
import { checkVersion } from "./version.js";

const CHECKS: readonly Check[] = [
  checkVersion,
  checkStructure,
  checkPrototypeKeys,
  checkOperationIds,
  checkPathParams,
  checkPagination,
  checkRefCycles,
  checkNames,
];

export function checkSpec(spec: LoadedSpec): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const context = checkContext(spec, diagnostics);
  for (const check of CHECKS) check(context);
  return sortDiagnostics(diagnostics, spec.locate, spec.rootFile);
}
