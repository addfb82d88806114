// Prints a module's statements (the ts-morph structures the emitters build) in prettier's layout,
// so that the source needs no formatting pass. Statement kinds other than the ones the emitters
// use are refused: the emitter would be printed wrong rather than formatted.
import type { JSDocStructure, OptionalKind } from "ts-morph";
import type { Statement } from "../module-renderings.js";
import { StructureKind } from "../structure-kind.js";
import type { Doc } from "./doc.js";
import { group, hardline, indent, join, printDoc } from "./doc.js";
import { assignment, expressionDoc, importList, typeAliasDoc, typeDoc } from "./layout.js";

const WIDTH = 120;

export function printSource(statements: readonly Statement[]): string {
  const parts: Doc[] = [];
  let blank = false;
  for (const statement of statements) {
    if (typeof statement === "function") {
      blank = parts.length > 0;
      continue;
    }
    if (blank) parts.push("");
    blank = false;
    parts.push(statementDoc(statement));
  }
  return parts.length ? printDoc(join(hardline, parts), WIDTH) + "\n" : "";
}

type Structure = Exclude<Statement, (...args: never[]) => unknown>;

function statementDoc(statement: Structure): Doc {
  switch (statement.kind) {
    case StructureKind.ImportDeclaration: {
      const names = (statement.namedImports ?? []) as string[];
      return group([statement.isTypeOnly ? "import type " : "import ", importList(names), " from ", JSON.stringify(statement.moduleSpecifier), ";"]);
    }
    case StructureKind.TypeAlias: {
      const type = statement.type as string;
      const left = `${statement.isExported ? "export " : ""}type ${statement.name}`;
      const doc = typeAliasDoc(left, type);
      return withDocs(statement.docs, doc);
    }
    case StructureKind.Interface: {
      const head = `${statement.isExported ? "export " : ""}interface ${statement.name} {`;
      const members = (statement.properties ?? []).map((p) => [p.name, ": ", typeDoc(p.type as string), ";"]);
      return withDocs(statement.docs, members.length ? [head, indent([hardline, join(hardline, members)]), hardline, "}"] : head + "}");
    }
    case StructureKind.VariableStatement: {
      const docs: Doc[] = [];
      const keyword = `${statement.isExported ? "export " : ""}${statement.hasDeclareKeyword ? "declare " : ""}const `;
      for (const { name, type, initializer } of statement.declarations) {
        const left = [keyword, name, type ? [": ", typeDoc(type as string)] : ""];
        if (initializer === undefined) docs.push([group(left), ";"]);
        else {
          const text = initializer as string;
          docs.push(assignment(left, [expressionDoc(text, isExpanded(text)), ";"]));
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
  const lines = description ? description.split("\n") : [];
  for (const tag of tags) lines.push(`@${tag.tagName}${tag.text ? " " + (tag.text as string) : ""}`);
  if (lines.length === 1 && !tags.length) return `/** ${lines[0]} */`;
  // Prettier trims the end of every line of a JSDoc block.
  return ["/**", ...lines.map((l) => ` * ${l}`.trimEnd()), " */"].join("\n");
}
