// package.json and README.md of the generated package.
import type { ApiModel, OperationModel } from "../model/types.js";
import type { EmittedFile } from "./file.js";
import { HEADER_TEXT } from "./file.js";
import { exampleArgs } from "./operation-doc.js";
import { codeSpan, httpLinkTarget, markdownText } from "./markdown-text.js";
import { addonSections, splitNote, withPackageName } from "./readme-addons.js";
import { render } from "./templates.js";

export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  /** Default: one sentence naming the API's title. */
  readonly description?: string;
  /** An SPDX expression; default MIT. */
  readonly license?: string;
}

export function emitPackageJson(model: ApiModel, pkg: PackageInfo): EmittedFile {
  const description = pkg.description ?? `Typed client for ${model.title}, generated from its OpenAPI description.`;
  const values = { header: HEADER_TEXT, name: pkg.name, version: pkg.version, description, license: pkg.license ?? "MIT" };
  // The template is in prettier's layout, and values are JSON strings, which prettier keeps as they are.
  return { path: "package.json", contents: render("package.json.hbs", values), formatted: true };
}

/** `helpers`: the paths of the emitted src/helpers/ modules, whose sections the README gains. */
export function emitReadme(model: ApiModel, pkg: PackageInfo, helpers: readonly string[] = []): EmittedFile {
  const paginated = model.operations.filter((op) => op.pagination);
  const capped = paginated.filter((op) => op.pagination?.resultCap);
  const header = ["Function", "Method and path", "Permission", "Paginated"];
  // Spec text is escaped (markdown-text.ts): a spec from a pull request must not put a link, an image or HTML into the README.
  const rows = model.operations.map((op) => [
    `[\`${op.name}\`](${(op.docs.url ? httpLinkTarget(op.docs.url) : undefined) ?? "#operations"})`,
    cell(codeSpan(`${op.method} ${op.path}`)),
    cell(markdownText(op.docs.permissions.join("; ")) || "none listed"),
    op.pagination ? `yes (${op.pagination.style})` : "no",
  ]);
  const values = { name: pkg.name, title: markdownText(model.title), quickStart: quickStart(model, pkg.name) };
  const addons = addonSections(model, helpers).map((section) => withPackageName(section, pkg.name));
  // Text that prettier would not change is laid out here as prettier lays it out, and prettier is
  // not run; anything else (odd characters in a title, a path or a permission) goes through it.
  const plainFilters = capped.every((op) => (op.pagination?.cappedBy ?? []).every((f) => /^[\w.-]+$/.test(f)));
  const inPrettierLayout =
    plainFilters &&
    isPlainProse(values.name) &&
    isPlainProse(values.title) &&
    // Prettier reflows code over 100 columns; prose lines it leaves as they are.
    [values.quickStart, ...addons.map(codeBlocks)].every((text) => text.split("\n").every((l) => l.length <= 100)) &&
    rows.every(isPlainRow);
  const contents = render("README.md.hbs", {
    header: `<!-- ${HEADER_TEXT} -->`,
    ...values,
    operationCount: model.operations.length,
    capNotes: capNote(capped) ? [capNote(capped)] : [],
    paginatedList: paginated.length ? paginated.map((op) => `\`${op.name}\``).join(", ") : "none",
    table: table([header, ...rows], inPrettierLayout),
    addons,
  });
  return inPrettierLayout ? { path: "README.md", contents, formatted: true } : { path: "README.md", contents };
}

/** A Markdown table; `aligned`: each column padded to its widest cell, as prettier aligns tables. */
function table(rows: readonly string[][], aligned: boolean): string[] {
  const widths = rows[0]!.map((_, column) => (aligned ? Math.max(3, ...rows.map((row) => row[column]!.length)) : 0));
  const line = (cells: readonly string[]) => `| ${cells.map((text, column) => text.padEnd(widths[column]!)).join(" | ")} |`;
  const rule = aligned ? `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |` : `|${widths.map(() => "---").join("|")}|`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)];
}

/** Text in a sentence that Markdown reads as text: no markup characters and no line break. */
function isPlainProse(text: string): boolean {
  return !/[*_`[\]<>\\|#~\n\r\t]|\s\s|^\s|\s$/.test(text);
}

/** A table cell that prettier measures as we do: ASCII words and common punctuation, no markup. */
function isPlainText(text: string): boolean {
  return /^[A-Za-z0-9 .,:;'"()/{}?=&@+!%-]*$/.test(text) && !/\s\s|^\s|\s$/.test(text);
}

function isPlainRow([name, path, permission]: readonly string[]): boolean {
  return (
    /^\[`[\w$]+`\]\([\x21-\x7e]+\)$/.test(name!) &&
    !/[()<>|\\]/.test(name!.slice(name!.indexOf("](") + 2, -1)) &&
    /^`[\x20-\x5f\x61-\x7b\x7d\x7e]*`$/.test(path!) &&
    isPlainText(permission!)
  );
}

function quickStart(model: ApiModel, name: string): string {
  // The most general listing reads best as a first example: the paginated one with the shortest path.
  const list = model.operations.filter((op) => op.pagination).sort((a, b) => a.path.length - b.path.length)[0];
  const lines = [
    `import { createClient${list ? `, paginate, ${list.name}` : ""} } from "${name}";`,
    "",
    "const gh = createClient({ token: process.env.GITHUB_TOKEN });",
  ];
  if (list) {
    const args = exampleArgs(list);
    lines.push(
      `const { status, data } = await ${list.name}(gh, ${args});`,
      `for await (const item of paginate(gh, ${list.name}, ${args})) {`,
      "  console.log(item);",
      "}",
    );
  }
  return lines.join("\n");
}

function capNote(capped: readonly OperationModel[]): string {
  if (!capped.length) return "";
  const filters = [...new Set(capped.flatMap((op) => op.pagination?.cappedBy ?? []))].map(codeSpan).join(", ");
  const cap = markdownText(capped[0]!.pagination!.resultCap!.toLocaleString("en-US"));
  return `- **The ${cap}-result cap.** ${capped.map((op) => `\`${op.name}\``).join(" and ")} return at most ${cap} results when a filter is used (${filters}). When \`total_count\` says there are more than can be reached, each page from \`pages()\` has \`capped: true\`, and the \`onCapped({ totalCount, cap })\` option is called once, so you can narrow the query (for example by \`created\` date ranges) instead of silently missing results.${splitNote(capped)}`;
}

/** The text inside a Markdown text's code fences. */
function codeBlocks(markdown: string): string {
  return markdown
    .split("```")
    .filter((_, i) => i % 2 === 1)
    .join("\n");
}

/** A Markdown table cell: pipes and line breaks would end it early. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|").replace(/\s*\n\s*/g, " ");
}
