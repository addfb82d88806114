// Everything the CLI needs after a generation, in one call: what changed since the last release,
// the version that follows, the texts to print and to put in CHANGELOG.md, and the record to keep.
// The version is counted from the last release, not from the last run: two additions before a
// release bump once, and an addition reverted before a release bumps nothing.
import { diffSurfaces, isBreaking, type ApiChange } from "./diff.js";
import type { Release, SurfaceRecord } from "./files.js";
import { changelogSection, reportLines, UNRELEASED } from "./report.js";
import type { ApiSurface } from "./surface.js";
import { bumpFor, nextVersion, type Bump } from "./version.js";

export interface ReleasePlan {
  /** Since the last release. */
  readonly changes: readonly ApiChange[];
  readonly bump: Bump;
  readonly version: string;
  readonly breaking: boolean;
  /** For the terminal. */
  readonly lines: readonly string[];
  /** The CHANGELOG.md section of these changes (see prependChangelog); undefined when nothing changed. */
  readonly changelog?: string;
  /** What api-surface.json will record. */
  readonly record: SurfaceRecord;
  /** The surface of the last generation into the folder, if any: what `--fail-on-breaking` without `--base` compares with. */
  readonly previous?: ApiSurface;
  /** Set by a release (see planRelease's `releaseDate`): true when there was something to release. */
  readonly released: boolean;
}

/**
 * `stored` undefined (no record yet): the current surface becomes the baseline, released at
 * `packageVersion`, and nothing is reported. `releaseDate` (YYYY-MM-DD): this run releases the
 * pending changes, dating their section and making the current surface the released one.
 */
export function planRelease(
  stored: SurfaceRecord | undefined,
  after: ApiSurface,
  packageVersion: string,
  releaseDate?: string,
): ReleasePlan {
  const last: Release = stored?.released ?? { version: packageVersion, surface: after };
  const changes = diffSurfaces(last.surface, after);
  const version = nextVersion(last.version, changes);
  const releasing = releaseDate !== undefined && changes.length > 0;
  const released: Release = releasing ? { version, date: releaseDate, surface: after } : last;
  const since = `${last.version}${last.date ? ` (released ${last.date})` : ""}`;
  return {
    changes,
    bump: bumpFor(changes),
    version,
    breaking: changes.some(isBreaking),
    lines: changes.length
      ? reportLines(`API changes since ${since} → ${version}${releasing ? `, released ${releaseDate}` : " (unreleased)"}`, changes)
      : [`API unchanged since ${since}`],
    ...(changes.length ? { changelog: changelogSection(version, releasing ? releaseDate : UNRELEASED, changes) } : {}),
    record: { surface: after, released },
    ...(stored ? { previous: stored.surface } : {}),
    released: releasing,
  };
}
