// Prints a module's statements (the ts-morph structures the emitters build) in prettier's layout,
// so that the source needs no formatting pass. Statement kinds other than the ones the emitters
// use are refused: the emitter would be printed wrong rather than formatted.
import type { JSDocStructure, OptionalKind } from "ts-morph";
import type { Statement } from "../module-renderings.js";
import { blankLine } from "../ts.js";
import { StructureKind, VariableDeclarationKind } from "../structure-kind.js";
import type { Doc } from "./doc.js";
import { group, hardline, indent, join, printDoc } from "./doc.js";
import { assignment, expressionDoc, importList, typeAliasDoc, typeDoc, type LayoutReport } from "./layout.js";

const WIDTH = 120;

/** `report.exact` turns false when some text could not be laid out (it is then printed as it is). */
export function printSource(statements: readonly Statement[], report: LayoutReport = { exact: true }): string {
  const parts: Doc[] = [];
  let blank = false;
  for (const statement of statements) {
    if (typeof statement === "function") {
      if (statement !== blankLine) throw new Error("internal error: the source printer only knows the blank-line writer");
      blank = parts.length > 0;
      continue;
    }
    if (blank) parts.push("");
    blank = false;
    parts.push(statementDoc(statement, report));
  }
  return parts.length ? printDoc(join(hardline, parts), WIDTH) + "\n" : "";
}

type Structure = Exclude<Statement, (...args: never[]) => unknown>;

function statementDoc(statement: Structure, report: LayoutReport): Doc {
  switch (statement.kind) {
    case StructureKind.ImportDeclaration: {
      const names = (statement.namedImports ?? []) as unknown[];
      if (!names.every((n): n is string => typeof n === "string")) throw new Error("internal error: the source printer only prints imports by name");
      return group([statement.isTypeOnly ? "import type " : "import ", importList(names), " from ", JSON.stringify(statement.moduleSpecifier), ";"]);
    }
    case StructureKind.TypeAlias: {
      const type = statement.type as string;
      const left = `${statement.isExported ? "export " : ""}type ${statement.name}`;
      const doc = typeAliasDoc(left, type, report);
      return withDocs(statement.docs, doc);
    }
    case StructureKind.Interface: {
      const head = `${statement.isExported ? "export " : ""}interface ${statement.name} {`;
      const members = (statement.properties ?? []).map((p) => [p.name, ": ", typeDoc(p.type as string, report), ";"]);
      return withDocs(statement.docs, members.length ? [head, indent([hardline, join(hardline, members)]), hardline, "}"] : head + "}");
    }
    case StructureKind.VariableStatement: {
      const docs: Doc[] = [];
      if (statement.declarationKind !== VariableDeclarationKind.Const) throw new Error("internal error: the source printer only prints const declarations");
      const keyword = `${statement.isExported ? "export " : ""}${statement.hasDeclareKeyword ? "declare " : ""}const `;
      for (const { name, type, initializer } of statement.declarations) {
        const left = [keyword, name, type ? [": ", typeDoc(type as string, report)] : ""];
        if (initializer === undefined) docs.push([group(left), ";"]);
        else {
          const text = initializer as string;
          docs.push(assignment(left, [expressionDoc(text, isExpanded(text), report), ";"]));
        }
      }
      return withDocs(statement.docs, join(hardline, docs));
    }
    default:
      throw new Error(`internal error: the source printer has no layout for statements of ts-morph kind ${statement.kind}`);
  }
}

/** Multi-line object literals stay broken (prettier keeps an object whose first key is on a new line). */
function isExpanded(text: string): boolean {
  return /\{\n/.test(text);
}

function withDocs(docs: readonly (string | OptionalKind<JSDocStructure>)[] | undefined, doc: Doc): Doc {
  if (!docs?.length) return doc;
  return [...docs.map((d) => [jsDocText(d), hardline]), doc];
}

function jsDocText(doc: string | OptionalKind<JSDocStructure>): string {
  const description = typeof doc === "string" ? doc : ((doc.description as string | undefined) ?? "");
  const tags = typeof doc === "string" ? [] : (doc.tags ?? []);
  // Prettier reads a lone \r as a line break too.
  const lines = description ? description.split(/\r\n?|\n/) : [];
  for (const tag of tags) lines.push(`@${tag.tagName}${tag.text ? " " + (tag.text as string) : ""}`);
  if (lines.length === 1 && !tags.length) return `/** ${lines[0]} */`;
  // Prettier trims the end of every line of a JSDoc block.
  return ["/**", ...lines.map((l) => ` * ${l}`.trimEnd()), " */"].join("\n");
}
