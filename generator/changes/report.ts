// The change report in two forms: lines for the terminal, and a Markdown section for
// CHANGELOG.md (newest first). Both say the same thing, one change per line.
import type { ApiChange } from "./diff.js";
import { isDocsOnly } from "./diff.js";

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

/** `2 breaking changes, 1 addition, 1 other change`, or `documentation only`. */
export function summarize(changes: readonly ApiChange[]): string {
  if (changes.length === 0) return "no API changes";
  if (changes.every(isDocsOnly)) return "documentation only";
  const breaking = changes.filter((c) => c.breaking).length;
  const added = changes.filter((c) => !c.breaking && c.kind === "added").length;
  const other = changes.length - breaking - added;
  return [
    breaking ? plural(breaking, "breaking change") : "",
    added ? plural(added, "addition") : "",
    other ? plural(other, "other change") : "",
  ]
    .filter(Boolean)
    .join(", ");
}

/** For the terminal: a heading, then one line per change, breaking ones marked and first. */
export function reportLines(changes: readonly ApiChange[], from: string, to: string): string[] {
  if (changes.length === 0) return [`API unchanged (version ${from})`];
  const ordered = [...changes.filter((c) => c.breaking), ...changes.filter((c) => !c.breaking)];
  return [
    `API changes, ${from} → ${to}: ${summarize(changes)}`,
    ...ordered.map((c) => `  ${(c.breaking ? "BREAKING" : c.kind).padEnd(8)}  ${describeChange(c)}`),
  ];
}

/** `## 2.0.0 — 1 breaking change, 1 addition` and one bullet per change, breaking ones first and marked. */
export function changelogSection(version: string, changes: readonly ApiChange[]): string {
  const ordered = [...changes.filter((c) => c.breaking), ...changes.filter((c) => !c.breaking)];
  const bullets = ordered.map((c) => `- ${c.breaking ? "**breaking** " : ""}${describeChange(c)}`);
  return [`## ${version} — ${summarize(changes)}`, "", ...bullets, ""].join("\n");
}

const TITLE = "# Changelog";

/**
 * Puts `section` at the top of a changelog (after its title), newest first. A section for the
 * same version is replaced, so generating twice does not list a version twice.
 */
export function prependChangelog(existing: string, section: string): string {
  const heading = /^## (\S+)/.exec(section)?.[1];
  const body = existing.replace(/\r\n/g, "\n").trim();
  const rest = body.startsWith(TITLE) ? body.slice(TITLE.length).trim() : body;
  const chunks = rest ? rest.split(/\n(?=## )/).map((s) => s.trim()) : [];
  // Text before the first version (an introduction) stays above the versions.
  const intro = chunks[0] !== undefined && !chunks[0].startsWith("## ") ? [chunks.shift()!] : [];
  const kept = chunks.filter((s) => /^## (\S+)/.exec(s)?.[1] !== heading);
  return [TITLE, ...intro, section.trim(), ...kept].join("\n\n") + "\n";
}
