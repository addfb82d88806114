// package.json and README.md of the generated package.
import { errorExamples } from "./readme-errors.js";
import type { ApiModel, OperationModel } from "../model/types.js";
import type { EmittedFile } from "./file.js";
import { HEADER_TEXT } from "./file.js";
import { exampleArgs } from "./operation-doc.js";
import { codeSpan, httpLinkTarget, markdownText } from "./markdown-text.js";
import { addonSections, splitNote, withPackageName } from "./readme-addons.js";
import { render } from "./templates.js";
import type { ApiIdentity } from "../model/identity.js";
import type { Profile } from "../config/schema.js";
import { authText, baseUrlText, genericQuickStart } from "./generic-readme.js";

export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  /** Default: one sentence naming the API's title. */
  readonly description?: string;
  /** An SPDX expression; default MIT. */
  readonly license?: string;
}

/** npm keywords: a generic API's package is not found under "github". */
const KEYWORDS = {
  github: ["github", "github-actions", "rest", "api", "client", "typescript"],
  generic: ["openapi", "rest", "api", "client", "typescript"],
} as const;

export function emitPackageJson(model: ApiModel, pkg: PackageInfo, profile: Profile = "github"): EmittedFile {
  const description = pkg.description ?? `Typed client for ${model.title}, generated from its OpenAPI description.`;
  const values = {
    header: HEADER_TEXT,
    name: pkg.name,
    version: pkg.version,
    description,
    license: pkg.license ?? "MIT",
    keywords: KEYWORDS[profile],
  };
  // The template is in prettier's layout, and values are JSON strings, which prettier keeps as they are.
  return { path: "package.json", contents: render("package.json.hbs", values), formatted: true };
}

/**
 * README.md: GitHub's (templates/README.md.hbs) unless `identity` is a generic API's, which gets
 * README-generic.md.hbs: its own base URL and security schemes, neutral error names, no permissions.
 * `helpers`: the paths of the emitted src/helpers/ modules, whose sections the README gains.
 */
export function emitReadme(model: ApiModel, pkg: PackageInfo, identity?: ApiIdentity, helpers: readonly string[] = []): EmittedFile {
  const generic = identity?.profile === "generic" ? identity : undefined;
  const paginated = model.operations.filter((op) => op.pagination);
  const capped = paginated.filter((op) => op.pagination?.resultCap);
  const header = ["Function", "Method and path", ...(generic ? [] : ["Permission"]), "Paginated"];
  // Spec text is escaped (markdown-text.ts): a spec from a pull request must not put a link, an image or HTML into the README.
  const rows = model.operations.map((op) => [
    `[\`${op.name}\`](${(op.docs.url ? httpLinkTarget(op.docs.url) : undefined) ?? "#operations"})`,
    cell(codeSpan(`${op.method} ${op.path}`)),
    ...(generic ? [] : [cell(markdownText(op.docs.permissions.join("; ")) || "none listed")]),
    op.pagination ? `yes (${op.pagination.style})` : "no",
  ]);
  const values = {
    name: pkg.name,
    title: markdownText(model.title),
    quickStart: generic ? genericQuickStart(model, pkg.name, generic) : quickStart(model, pkg.name),
    pollCall: pollCall(model),
  };
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
    values.pollCall.length <= 70 &&
    rows.every(isPlainRow);
  const contents = render(generic ? "README-generic.md.hbs" : "README.md.hbs", {
    header: `<!-- ${HEADER_TEXT} -->`,
    ...values,
    ...(generic ? { baseUrlText: baseUrlText(generic), authText: authText(generic) } : {}),
    operationCount: model.operations.length,
    capNotes: capNote(capped) ? [capNote(capped)] : [],
    paginatedList: paginated.length ? paginated.map((op) => `\`${op.name}\``).join(", ") : "none",
    table: table([header, ...rows], inPrettierLayout),
    ...errorExamples(model, pkg.name),
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

/** The README's conditional-request example: a GET of one thing (no listing, no redirect), the shortest call. */
function pollCall(model: ApiModel): string {
  const calls = model.operations
    .filter((o) => o.method === "GET" && !o.pagination && !o.responses.some((r) => r.kind === "redirect"))
    .map((o) => `${o.name}(gh, ${exampleArgs(o)})`)
    .sort((a, b) => a.length - b.length);
  return calls[0] ?? `${model.operations[0]?.name ?? "anOperation"}(gh, {})`;
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
