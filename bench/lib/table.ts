// A section of the report: a Markdown table with notes, printed and written to RESULTS.md.

export interface Section {
  readonly title: string;
  readonly header: readonly string[];
  /** Columns after the first are right-aligned. */
  readonly rows: readonly (readonly string[])[];
  readonly notes: readonly string[];
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const esc = (cell: string) => cell.replaceAll("|", "\\|");
  const lines = [`| ${header.map(esc).join(" | ")} |`, `|${header.map((_, i) => (i ? "---:" : "---")).join("|")}|`];
  for (const row of rows) lines.push(`| ${row.map(esc).join(" | ")} |`);
  return lines.join("\n");
}

export function renderSection(section: Section): string {
  const notes = section.notes.map((n) => `- ${n}`).join("\n");
  return `## ${section.title}\n\n${markdownTable(section.header, section.rows)}\n${notes ? `\n${notes}\n` : ""}`;
}
