// The change report in two forms: lines for the terminal, and a Markdown section for
// CHANGELOG.md (newest first). Both say the same thing, one change per line.
import { isDocsOnly, type ApiChange, type Impact } from "./diff.js";

/** `listWorkflowRunsForRepo: param \`branch\` removed (query, string)`. */
export function describeChange(c: ApiChange): string {
  return `${c.operation}: ${describeWhat(c)}`;
}

function describeWhat(c: ApiChange): string {
  switch (c.subject) {
    case "operation":
      return c.kind === "changed" ? c.detail : `operation ${c.kind} (${c.detail})`;
    case "enum":
      // `name` is the value, or for a list that appeared or went away, what it restricts.
      return c.kind === "changed" ? `${c.name} ${c.detail}` : `enum value \`${c.name}\` ${c.kind} (${c.detail.replace(/^of /, "")})`;
    case "status":
      return `${c.detail} status ${c.name} ${c.kind}`;
    case "param":
    case "body field":
    case "response field":
      return `${c.subject} \`${c.name}\` ${c.kind === "changed" ? c.detail : `${c.kind} (${c.detail})`}`;
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `2 breaking changes, 1 that may break exhaustive handling, 1 addition, 1 other change`, or `documentation only`. */
export function summarize(changes: readonly ApiChange[]): string {
  if (changes.length === 0) return "no API changes";
  if (changes.every(isDocsOnly)) return "documentation only";
  const breaking = changes.filter((c) => c.impact === "breaking").length;
  const exhaustive = changes.filter((c) => c.impact === "exhaustive").length;
  const added = changes.filter((c) => c.impact === "compatible" && c.kind === "added").length;
  const other = changes.length - breaking - exhaustive - added;
  return [
    breaking ? plural(breaking, "breaking change") : "",
    exhaustive ? `${exhaustive} that may break exhaustive handling` : "",
    added ? plural(added, "addition") : "",
    other ? plural(other, "other change") : "",
  ]
    .filter(Boolean)
    .join(", ");
}

const IMPACT_ORDER: readonly Impact[] = ["breaking", "exhaustive", "compatible"];

/** Breaking changes first, then those that may break exhaustive handling, then the rest; stable within each. */
function byImpact(changes: readonly ApiChange[]): ApiChange[] {
  return IMPACT_ORDER.flatMap((impact) => changes.filter((c) => c.impact === impact));
}

const TERMINAL_TAG: Record<Impact, (c: ApiChange) => string> = {
  breaking: () => "BREAKING",
  exhaustive: () => "EXHAUSTIVE",
  compatible: (c) => c.kind,
};

/** For the terminal: `heading: summary`, then one line per change, tagged, breaking ones first. */
export function reportLines(heading: string, changes: readonly ApiChange[]): string[] {
  if (changes.length === 0) return [`${heading}: no API changes`];
  return [
    `${heading}: ${summarize(changes)}`,
    ...byImpact(changes).map((c) => `  ${TERMINAL_TAG[c.impact](c).padEnd(10)}  ${describeChange(c)}`),
  ];
}

const CHANGELOG_TAG: Record<Impact, string> = {
  breaking: "**breaking** ",
  exhaustive: "**may break exhaustive handling** ",
  compatible: "",
};

/** Marks the section of changes not released yet; it is rewritten on each run and dated by `--release`. */
export const UNRELEASED = "unreleased";

/**
 * `## 2.0.0 — 2026-12-04 — 1 breaking change, 1 addition` (or `unreleased` in place of the date) and
 * one bullet per change, breaking ones first and marked.
 */
export function changelogSection(version: string, when: string, changes: readonly ApiChange[]): string {
  const bullets = byImpact(changes).map((c) => `- ${CHANGELOG_TAG[c.impact]}${describeChange(c)}`);
  return [`## ${version} — ${when} — ${summarize(changes)}`, "", ...bullets, ""].join("\n");
}

const TITLE = "# Changelog";
const HEADING = /^## (\S+)( — unreleased\b)?/;

/**
 * Puts `section` at the top of a changelog (after its title), newest first, in place of the
 * unreleased section if there is one and of a section for the same version. `section` undefined:
 * only the unreleased section is dropped (its changes were reverted before a release).
 */
export function prependChangelog(existing: string, section: string | undefined): string {
  const version = section === undefined ? undefined : HEADING.exec(section)?.[1];
  const body = existing.replace(/\r\n/g, "\n").trim();
  const rest = body.startsWith(TITLE) ? body.slice(TITLE.length).trim() : body;
  const chunks = rest ? rest.split(/\n(?=## )/).map((s) => s.trim()) : [];
  // Text before the first version (an introduction) stays above the versions.
  const intro = chunks[0] !== undefined && !chunks[0].startsWith("## ") ? [chunks.shift()!] : [];
  const kept = chunks.filter((s) => {
    const heading = HEADING.exec(s);
    return !heading || (heading[2] === undefined && heading[1] !== version);
  });
  return [TITLE, ...intro, ...(section === undefined ? [] : [section.trim()]), ...kept].join("\n\n") + "\n";
}
