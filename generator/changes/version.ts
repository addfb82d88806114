// The package version that follows from a list of API changes (semver): a breaking change bumps
// the major, any other change a caller can use (an addition, a relaxed requirement, a deprecation)
// the minor, a documentation-only change the patch. No change: the same version.
// Before 1.0.0, as npm's caret ranges and Cargo read 0.y.z: a breaking change bumps the minor and
// every other change the patch, so that `^0.y.z` users get additions and never a break; 1.0.0 is
// a release someone decides on, not a side effect of a spec change.
// A change that may break exhaustive handling (a new response enum value or success status) takes
// an addition's bump, not a major: the server sends the new value from the day GitHub adds it,
// whatever our version says, so the types catching up is news to act on (the report lists these
// apart), and a live API that grows every month would otherwise make every release a major.
import { isBreaking, isDocsOnly, type ApiChange } from "./diff.js";

export type Bump = "major" | "minor" | "patch" | "none";

export function bumpFor(changes: readonly ApiChange[]): Bump {
  if (changes.length === 0) return "none";
  if (changes.some(isBreaking)) return "major";
  if (changes.some((c) => !isDocsOnly(c))) return "minor";
  return "patch";
}

export const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** `nextVersion("1.4.2", changes)`: "2.0.0", "1.5.0", "1.4.3" or "1.4.2". */
export function nextVersion(current: string, changes: readonly ApiChange[]): string {
  const match = SEMVER.exec(current);
  if (!match) throw new Error(`"${current}" is not a semver version (major.minor.patch)`);
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // As `npm version`: a pre-release of x.y.z is released as x.y.z when that already is the bump.
  const pre = current.includes("-");
  const bump = bumpFor(changes);
  if (major === 0 && bump !== "none") {
    if (bump === "major") return pre && patch === 0 ? `0.${minor}.0` : `0.${minor + 1}.0`;
    return pre ? `0.${minor}.${patch}` : `0.${minor}.${patch + 1}`;
  }
  switch (bump) {
    case "major":
      return pre && minor === 0 && patch === 0 ? `${major}.0.0` : `${major + 1}.0.0`;
    case "minor":
      return pre && patch === 0 ? `${major}.${minor}.0` : `${major}.${minor + 1}.0`;
    case "patch":
      return pre ? `${major}.${minor}.${patch}` : `${major}.${minor}.${patch + 1}`;
    case "none":
      return current;
  }
}
