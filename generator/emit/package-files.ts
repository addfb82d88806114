// package.json and README.md of the generated package.
import type { ApiModel, OperationModel } from "../model/types.js";
import type { EmittedFile } from "./file.js";
import { HEADER_TEXT } from "./file.js";
import { exampleArgs } from "./operation-doc.js";
import { render } from "./templates.js";

export interface PackageInfo {
  readonly name: string;
  readonly version: string;
}

export function emitPackageJson(model: ApiModel, pkg: PackageInfo): EmittedFile {
  const description = `Typed client for ${model.title}, generated from its OpenAPI description.`;
  return { path: "package.json", contents: render("package.json.hbs", { header: HEADER_TEXT, ...pkg, description }) };
}

export function emitReadme(model: ApiModel, pkg: PackageInfo): EmittedFile {
  const paginated = model.operations.filter((op) => op.pagination);
  const capped = paginated.filter((op) => op.pagination?.resultCap);
  return {
    path: "README.md",
    contents: render("README.md.hbs", {
      header: `<!-- ${HEADER_TEXT} -->`,
      name: pkg.name,
      title: model.title,
      operationCount: model.operations.length,
      quickStart: quickStart(model, pkg.name),
      capNote: capNote(capped),
      paginatedList: paginated.length ? paginated.map((op) => `\`${op.name}\``).join(", ") : "none",
      operations: model.operations.map((op) => ({
        name: op.name,
        url: op.docs.url ?? "#operations",
        method: op.method,
        path: cell(op.path),
        permission: cell(op.docs.permissions.join("; ") || "none listed"),
        paginated: op.pagination ? `yes (${op.pagination.style})` : "no",
      })),
    }),
  };
}

function quickStart(model: ApiModel, name: string): string {
  // The most general listing reads best as a first example: the paginated one with the shortest path.
  const list = model.operations.filter((op) => op.pagination).sort((a, b) => a.path.length - b.path.length)[0];
  const lines = [`import { createClient${list ? `, paginate, ${list.name}` : ""} } from "${name}";`, "", "const gh = createClient({ token: process.env.GITHUB_TOKEN });"];
  if (list) {
    const args = exampleArgs(list);
    lines.push(`const { status, data } = await ${list.name}(gh, ${args});`, `for await (const item of paginate(gh, ${list.name}, ${args})) {`, "  console.log(item);", "}");
  }
  return lines.join("\n");
}

function capNote(capped: readonly OperationModel[]): string {
  if (!capped.length) return "";
  const filters = [...new Set(capped.flatMap((op) => op.pagination?.cappedBy ?? []))].map((f) => `\`${f}\``).join(", ");
  const cap = capped[0]!.pagination!.resultCap!.toLocaleString("en-US");
  return `- **The ${cap}-result cap.** ${capped.map((op) => `\`${op.name}\``).join(" and ")} return at most ${cap} results when a filter is used (${filters}). When \`total_count\` says there are more than can be reached, each page from \`pages()\` has \`capped: true\`, and the \`onCapped({ totalCount, cap })\` option is called once, so you can narrow the query (for example by \`created\` date ranges) instead of silently missing results.`;
}

/** A Markdown table cell: pipes and line breaks would end it early. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|").replace(/\s*\n\s*/g, " ");
}
