// Prints a module's statements (emit/ts.ts) in prettier's layout, so that the source needs no
// formatting pass. The switch is exhaustive: a statement kind without a layout is a type error.
import type { JsDoc, Statement } from "../ts.js";
import type { Doc } from "./doc.js";
import { group, hardline, indent, join, printDoc } from "./doc.js";
import { assignment, expressionDoc, importList, name, typeAliasDoc, typeDoc } from "./layout.js";
import { PRINT_WIDTH } from "./style.js";

/** The statements, one per line, with a blank line where asked (never first, never two). */
export function printSource(statements: readonly Statement[]): string {
  const parts: Doc[] = [];
  let blank = false;
  for (const statement of statements) {
    if (statement.kind === "blank-line") {
      blank = parts.length > 0;
      continue;
    }
    if (blank) parts.push("");
    blank = false;
    parts.push(statementDoc(statement));
  }
  return parts.length ? printDoc(join(hardline, parts), PRINT_WIDTH) + "\n" : "";
}

function statementDoc(statement: Exclude<Statement, { kind: "blank-line" }>): Doc {
  const exported = "exported" in statement && statement.exported ? "export " : "";
  switch (statement.kind) {
    case "import":
    case "export-from": {
      const keyword = `${statement.kind === "import" ? "import" : "export"}${statement.typeOnly ? " type" : ""} `;
      return group([keyword, statement.names ? importList(statement.names) : "*", " from ", JSON.stringify(statement.from), ";"]);
    }
    case "type-alias":
      return withDocs(statement.docs, typeAliasDoc(`${exported}type ${name(statement.name)}`, statement.type));
    case "interface": {
      const head = `${exported}interface ${name(statement.name)} {`;
      const members = statement.properties.map((p) => [name(p.name), ": ", typeDoc(p.type), ";"]);
      return withDocs(statement.docs, members.length ? [head, indent([hardline, join(hardline, members)]), hardline, "}"] : head + "}");
    }
    case "const": {
      const keyword = `${exported}${statement.initializer ? "" : "declare "}const `;
      const left = [keyword, name(statement.name), statement.type ? [": ", typeDoc(statement.type)] : ""];
      const doc = statement.initializer ? assignment(left, [expressionDoc(statement.initializer), ";"]) : [group(left), ";"];
      return withDocs(statement.docs, doc);
    }
  }
}

function withDocs(docs: JsDoc | undefined, doc: Doc): Doc {
  return docs ? [jsDocText(docs), hardline, doc] : doc;
}

function jsDocText({ description, tags }: JsDoc): string {
  // Prettier reads a lone \r as a line break too.
  const lines = description ? description.split(/\r\n?|\n/) : [];
  for (const tag of tags) lines.push(`@${tag.tagName}${tag.text ? " " + tag.text : ""}`);
  if (lines.length === 1 && !tags.length) return `/** ${lines[0]} */`;
  // Prettier trims the end of every line of a JSDoc block.
  return ["/**", ...lines.map((l) => ` * ${l}`.trimEnd()), " */"].join("\n");
}
