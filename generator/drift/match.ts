// Sorts the differences into those a deviation accepts and those it does not, and finds the
// deviations that accept nothing (stale: spec/ or upstream changed since they were reviewed).
import type { Diagnostic } from "../diagnostics.js";
import { canonical, sameJson, type Difference } from "./compare.js";
import type { Deviation } from "./deviations.js";

export interface Matched {
  readonly listed: Difference[];
  readonly unlisted: Difference[];
  readonly diagnostics: Diagnostic[];
}

const keyOf = (anchor: string, aspect: string) => `${anchor}\0${aspect}`;

export function matchDeviations(differences: readonly Difference[], deviations: readonly Deviation[], file: string): Matched {
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map<string, { deviation: Deviation; used: boolean; position: { line: number; col: number } }>();
  for (const deviation of deviations) {
    for (const { anchor, position } of deviation.at) {
      const key = keyOf(anchor, deviation.aspect);
      const earlier = byKey.get(key);
      if (earlier) {
        diagnostics.push({
          location: { file, pointer: [] },
          position,
          message: `${anchor} (${deviation.aspect}) is listed twice`,
          hint: `the other entry is at line ${earlier.position.line}; keep one, with one reason`,
        });
        continue;
      }
      byKey.set(key, { deviation, used: false, position });
    }
  }

  const listed: Difference[] = [];
  const unlisted: Difference[] = [];
  for (const difference of differences) {
    const entry = byKey.get(keyOf(difference.anchor, difference.aspect));
    if (entry && sameJson(entry.deviation.spec, difference.spec) && sameJson(entry.deviation.upstream, difference.upstream)) {
      entry.used = true;
      listed.push(difference);
    } else {
      unlisted.push(difference);
    }
  }

  for (const [key, { deviation, used, position }] of byKey) {
    if (used) continue;
    const anchor = key.split("\0")[0]!;
    // The same place still differs, with other values: say what they are now.
    const now = unlisted.find((d) => d.anchor === anchor && d.aspect === deviation.aspect);
    diagnostics.push({
      location: { file, pointer: [] },
      position,
      message: now
        ? `stale deviation: ${anchor} (${deviation.aspect}) is listed with spec ${canonical(deviation.spec)}, upstream ${canonical(deviation.upstream)}, but now spec has ${canonical(now.spec)}, upstream ${canonical(now.upstream)}`
        : `stale deviation: ${anchor} (${deviation.aspect}) no longer differs from upstream`,
      hint: now
        ? "review the new difference; update the entry's values and reason, or change spec/"
        : "remove it from the entry (spec/ and upstream agree now, or the name changed)",
    });
  }
  return { listed, unlisted, diagnostics };
}
