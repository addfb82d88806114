// The committed results of a corpus run: report.json (every document's class) and REPORT.md
// (counts, and every bad case with its first error).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import prettier from "prettier";
import type { BadKind, Verdict } from "./classify.js";

export interface DocumentResult {
  readonly id: string;
  /** The validator's word; undefined when it gave none within its time limit. */
  readonly valid: boolean | undefined;
  readonly validatorError?: string;
  readonly verdict: Verdict;
}

export interface RunInfo {
  readonly command: string;
  readonly sample: string;
  readonly validator: string;
  readonly wallSeconds: number;
}

export async function writeReport(dir: string, info: RunInfo, results: readonly DocumentResult[]): Promise<void> {
  const sorted = [...results].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const json = { ...info, documents: sorted.map((r) => ({ id: r.id, valid: r.valid ?? null, ...r.verdict })) };
  await writeFile(join(dir, "report.json"), JSON.stringify(json, null, 1) + "\n");
  const markdown = await prettier.format(reportMarkdown(info, sorted), { parser: "markdown", printWidth: 140 });
  await writeFile(join(dir, "REPORT.md"), markdown);
}

function reportMarkdown(info: RunInfo, results: readonly DocumentResult[]): string {
  const count = (test: (r: DocumentResult) => boolean) => results.filter(test).length;
  const rows: [string, (r: DocumentResult) => boolean][] = [
    ["ok", (r) => r.verdict.class === "ok"],
    ["refused, positioned errors", (r) => r.verdict.class === "refused"],
    ["bad", (r) => r.verdict.class === "bad"],
  ];
  const table = (valid: boolean | undefined) => rows.map(([, test]) => count((r) => r.valid === valid && test(r)));
  const bad = results.filter((r) => r.verdict.class === "bad");
  const kinds = new Map<BadKind, number>();
  for (const r of bad) if (r.verdict.class === "bad") kinds.set(r.verdict.kind, (kinds.get(r.verdict.kind) ?? 0) + 1);
  const cell = (text: string) => "`" + text.replaceAll("|", "\\|").replaceAll("`", "'").slice(0, 300) + "`";
  return [
    "# Corpus report",
    "",
    `Written by \`${info.command}\` (corpus/run.ts); every document's class is in corpus/report.json.`,
    "",
    `- Documents: ${info.sample}.`,
    `- Validator: ${info.validator}.`,
    `- Wall time: ${Math.round(info.wallSeconds)} s.`,
    "",
    "| class | valid | invalid | validator gave no answer |",
    "| --- | --- | --- | --- |",
    ...rows.map(([name], i) => `| ${name} | ${table(true)[i]} | ${table(false)[i]} | ${table(undefined)[i]} |`),
    `| total | ${count((r) => r.valid === true)} | ${count((r) => r.valid === false)} | ${count((r) => r.valid === undefined)} |`,
    "",
    "## Bad cases",
    "",
    bad.length ? [...kinds].map(([kind, n]) => `- ${kind}: ${n}`).join("\n") : "None.",
    "",
    ...(bad.length
      ? [
          "| document | valid | kind | first error |",
          "| --- | --- | --- | --- |",
          ...bad.map(
            (r) =>
              `| ${r.id} | ${r.valid ?? "?"} | ${r.verdict.class === "bad" ? r.verdict.kind : ""} | ${cell(r.verdict.class === "bad" ? r.verdict.firstError : "")} |`,
          ),
        ]
      : []),
    "",
  ].join("\n");
}
