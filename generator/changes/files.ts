// The two files the change report keeps in the output folder. api-surface.json: the API surface
// of the last generation (what `--fail-on-breaking` compares with) and the last release, its
// version, date and surface (what the next version is counted from). The released surface is
// kept as the operations that differ from the current one, so a folder with nothing pending
// holds the surface once. CHANGELOG.md: one section per release, newest first, and on top the
// section of the changes not released yet.
import type { EmittedFile } from "../emit/file.js";
import { HEADER_TEXT } from "../emit/file.js";
import type { ReleasePlan } from "./release.js";
import { prependChangelog } from "./report.js";
import type { ApiSurface, SurfaceOperation } from "./surface.js";

export const SURFACE_PATH = "api-surface.json";
export const CHANGELOG_PATH = "CHANGELOG.md";
const CHANGELOG_HEADER = `<!-- ${HEADER_TEXT} -->\n\n`;
const CHANGELOG_INTRO =
  "The API changes of each version, newest first, written by `npm run generate` when the spec changes; `npm run generate -- --release` dates the unreleased section.";

/** The last release: its package version, its date (none for a release made before dates were kept), its surface. */
export interface Release {
  readonly version: string;
  readonly date?: string;
  readonly surface: ApiSurface;
}

/** What api-surface.json records. */
export interface SurfaceRecord {
  readonly surface: ApiSurface;
  readonly released: Release;
}

type Operations = ApiSurface["operations"];

/** One operation per line: a spec change shows as a diff of the operations it touched. */
function operationLines(operations: Readonly<Record<string, SurfaceOperation | null>>): string {
  const lines = Object.keys(operations)
    .sort()
    .map((id) => `    ${JSON.stringify(id)}: ${JSON.stringify(operations[id])}`);
  return `{\n${lines.join(",\n")}\n  }`;
}

export function surfaceFile(record: SurfaceRecord): EmittedFile {
  const { surface, released } = record;
  const differing = releasedOverlay(released.surface.operations, surface.operations);
  const releasedHead = JSON.stringify({ version: released.version, ...(released.date ? { date: released.date } : {}) });
  const contents = [
    `{\n  "//": ${JSON.stringify(HEADER_TEXT)},`,
    `  "released": ${releasedHead},`,
    ...(Object.keys(differing).length ? [`  "releasedOperations": ${operationLines(differing)},`] : []),
    `  "operations": ${operationLines(surface.operations)}\n}\n`,
  ].join("\n");
  return { path: SURFACE_PATH, contents };
}

/** The released operations that differ from the current ones; null where the release had none. */
function releasedOverlay(released: Operations, current: Operations): Record<string, SurfaceOperation | null> {
  const out: Record<string, SurfaceOperation | null> = {};
  for (const id of new Set([...Object.keys(released), ...Object.keys(current)])) {
    const was = released[id];
    if (JSON.stringify(was) !== JSON.stringify(current[id])) out[id] = was ?? null;
  }
  return out;
}

/** Just the current surface of a record's text (what another commit's output says): undefined when unreadable. */
export function parseSurface(text: string | undefined): ApiSurface | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as { operations?: unknown };
    return isRecord(parsed.operations) ? { operations: parsed.operations as Operations } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The stored record, or undefined when there is none yet (or it cannot be read: start over). A
 * record without a release (written before releases were kept) is taken as released at
 * `packageVersion`, so the first run after an upgrade reports nothing.
 */
export function parseRecord(text: string | undefined, packageVersion: string): SurfaceRecord | undefined {
  const surface = parseSurface(text);
  if (!surface || text === undefined) return undefined;
  const parsed = JSON.parse(text) as { released?: unknown; releasedOperations?: unknown };
  const head = isRecord(parsed.released) ? parsed.released : {};
  const version = typeof head.version === "string" ? head.version : packageVersion;
  const date = typeof head.date === "string" ? head.date : undefined;
  const operations: Record<string, SurfaceOperation> = { ...surface.operations };
  if (isRecord(parsed.releasedOperations)) {
    for (const [id, op] of Object.entries(parsed.releasedOperations)) {
      if (op === null) delete operations[id];
      else if (isRecord(op)) operations[id] = op as unknown as SurfaceOperation;
    }
  }
  return { surface, released: { version, ...(date ? { date } : {}), surface: { operations: sortedKeys(operations) } } };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const sortedKeys = <T>(object: Record<string, T>): Record<string, T> =>
  Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((key) => [key, object[key]!]),
  );

export function changelogFile(existing: string | undefined, plan: ReleasePlan): EmittedFile {
  const body = (existing ?? "").replace(CHANGELOG_HEADER, "");
  const start = body.trim() ? body : `# Changelog\n\n${CHANGELOG_INTRO}\n`;
  return { path: CHANGELOG_PATH, contents: CHANGELOG_HEADER + prependChangelog(start, plan.changelog) };
}
