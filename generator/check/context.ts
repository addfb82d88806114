// What every check receives: the bundled document and a way to report a problem at a pointer of
// it, which the loader maps back to the file and position where it was written.
import type { Diagnostic } from "../diagnostics.js";
import type { LoadedSpec } from "../load/index.js";
import type { Json } from "../document/json.js";

export interface CheckContext {
  readonly document: Json;
  report(pointer: readonly (string | number)[], message: string, hint?: string): void;
}

export type Check = (context: CheckContext) => void;

export function checkContext(spec: LoadedSpec, diagnostics: Diagnostic[]): CheckContext {
  return {
    document: spec.document,
    report(pointer, message, hint) {
      diagnostics.push({ location: spec.locationOf(pointer), message, ...(hint ? { hint } : {}) });
    },
  };
}
