// The gate of `--fail-on-breaking`: the API changes between a baseline surface (the one committed
// at `--base <ref>`, or else the last generation into the output folder) and this run's surface.
export { surfaceAtBase, type BaseSurface } from "./base.js";
export { GitError } from "./git.js";
import { diffSurfaces, isBreaking, reportLines, type ApiSurface } from "../changes/index.js";

export interface GateReport {
  readonly lines: readonly string[];
  readonly breaking: boolean;
}

/** `since`: what the baseline is, for the heading (`origin/main (1a2b3c4d5e6f)`). */
export function gateReport(baseline: ApiSurface | undefined, after: ApiSurface, since: string): GateReport {
  if (!baseline) return { lines: [`API changes since ${since}: none recorded there (a new output), nothing to compare`], breaking: false };
  const changes = diffSurfaces(baseline, after);
  return { lines: reportLines(`API changes since ${since}`, changes), breaking: changes.some(isBreaking) };
}
