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
  const parsed = parseJson(text);
  return parsed && isOperations(parsed.operations) ? { operations: parsed.operations } : undefined;
}

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The shape diffSurfaces walks, so that a hand-edited record is refused rather than crashing the diff. */
function isOperation(value: unknown): value is SurfaceOperation {
  if (!isRecord(value)) return false;
  const { name, method, path, params, statuses, responses } = value;
  return (
    typeof name === "string" &&
    typeof method === "string" &&
    typeof path === "string" &&
    Array.isArray(params) &&
    params.every(isRecord) &&
    Array.isArray(statuses) &&
    Array.isArray(responses) &&
    responses.every((r) => isRecord(r) && Array.isArray(r.fields) && r.fields.every(isRecord)) &&
    (value.body === undefined || (isRecord(value.body) && Array.isArray(value.body.fields) && value.body.fields.every(isRecord)))
  );
}

const isOperations = (value: unknown): value is Operations => isRecord(value) && Object.values(value).every(isOperation);

/** Versions as nextVersion reads them, and dates as releases write them. */
const SEMVER = /^\d{1,9}\.\d{1,9}\.\d{1,9}(?:-[0-9A-Za-z.-]{1,64})?(?:\+[0-9A-Za-z.-]{1,64})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The stored record, or undefined when there is none yet (or it cannot be read: start over). A
 * record without a release (written before releases were kept) is taken as released at
 * `packageVersion`, so the first run after an upgrade reports nothing.
 */
export function parseRecord(text: string | undefined, packageVersion: string): SurfaceRecord | undefined {
  const parsed = parseJson(text);
  const surface = parseSurface(text);
  if (!parsed || !surface) return undefined;
  const head = parsed.released === undefined ? { version: packageVersion } : parsed.released;
  const overlay = parsed.releasedOperations ?? {};
  if (!isRecord(head) || typeof head.version !== "string" || !SEMVER.test(head.version)) return undefined;
  if (head.date !== undefined && (typeof head.date !== "string" || !DATE.test(head.date))) return undefined;
  if (!isRecord(overlay) || !Object.values(overlay).every((op) => op === null || isOperation(op))) return undefined;
  const operations: Record<string, SurfaceOperation> = { ...surface.operations };
  for (const [id, op] of Object.entries(overlay)) {
    if (op === null) delete operations[id];
    else operations[id] = op as SurfaceOperation;
  }
  const date = head.date;
  return { surface, released: { version: head.version, ...(date ? { date } : {}), surface: { operations: sortedKeys(operations) } } };
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
