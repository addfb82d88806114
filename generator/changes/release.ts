// Everything the CLI needs after a generation, in one call: what changed since the stored
// surface, the version that follows, and the texts to print and to prepend to CHANGELOG.md.
import { diffSurfaces, type ApiChange } from "./diff.js";
import { changelogSection, reportLines } from "./report.js";
import type { ApiSurface } from "./surface.js";
import { bumpFor, nextVersion, type Bump } from "./version.js";

export interface ReleasePlan {
  readonly changes: readonly ApiChange[];
  readonly bump: Bump;
  readonly version: string;
  readonly breaking: boolean;
  /** For the terminal. */
  readonly lines: readonly string[];
  /** For CHANGELOG.md (see prependChangelog); undefined when nothing changed. */
  readonly changelog?: string;
}

/** `before` undefined (no stored surface yet): the current surface becomes the baseline, nothing is reported. */
export function planRelease(before: ApiSurface | undefined, after: ApiSurface, currentVersion: string): ReleasePlan {
  const changes = before ? diffSurfaces(before, after) : [];
  const version = nextVersion(currentVersion, changes);
  return {
    changes,
    bump: bumpFor(changes),
    version,
    breaking: changes.some((c) => c.breaking),
    lines: reportLines(changes, currentVersion, version),
    ...(changes.length ? { changelog: changelogSection(version, changes) } : {}),
  };
}
