// The two files the change report keeps in the output folder: the API surface of the last
// generation (what the next one is compared with) and CHANGELOG.md, newest first.
import type { EmittedFile } from "../emit/file.js";
import { HEADER_TEXT } from "../emit/file.js";
import type { ReleasePlan } from "./release.js";
import { prependChangelog } from "./report.js";
import type { ApiSurface } from "./surface.js";

export const SURFACE_PATH = "api-surface.json";
export const CHANGELOG_PATH = "CHANGELOG.md";
const CHANGELOG_HEADER = `<!-- ${HEADER_TEXT} -->\n\n`;
const CHANGELOG_INTRO = "The API changes of each version, newest first, written by `npm run generate` when the spec changes.";

/** One operation per line: a spec change shows as a diff of the operations it touched. */
export function surfaceFile(surface: ApiSurface): EmittedFile {
  const lines = Object.keys(surface.operations)
    .sort()
    .map((id) => `    ${JSON.stringify(id)}: ${JSON.stringify(surface.operations[id])}`);
  const contents = `{\n  "//": ${JSON.stringify(HEADER_TEXT)},\n  "operations": {\n${lines.join(",\n")}\n  }\n}\n`;
  return { path: SURFACE_PATH, contents };
}

/** The stored surface, or undefined when there is none yet (or it cannot be read: start over). */
export function parseSurface(text: string | undefined): ApiSurface | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<ApiSurface>;
    return parsed.operations && typeof parsed.operations === "object" ? { operations: parsed.operations } : undefined;
  } catch {
    return undefined;
  }
}

export function changelogFile(existing: string | undefined, plan: ReleasePlan): EmittedFile {
  const body = (existing ?? "").replace(CHANGELOG_HEADER, "");
  const start = body.trim() ? body : `# Changelog\n\n${CHANGELOG_INTRO}\n`;
  return { path: CHANGELOG_PATH, contents: CHANGELOG_HEADER + (plan.changelog ? prependChangelog(start, plan.changelog) : start) };
}
