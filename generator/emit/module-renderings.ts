// One module, described once as ts-morph structures, printed four ways: the TypeScript source and
// dist/'s JavaScript, declarations and CommonJS twin. All four come from the same structures
// through the layout printer (layout/print-source.ts), in prettier's layout: no compiler parses
// the source again, and no formatter runs over it. (On GitHub's full description, transpiling the
// printed source and formatting it cost more than every other step of the run together.)
//
// The modules built this way hold only imports, type aliases, interfaces and `export const`
// statements with an initializer that is plain JavaScript (no types inside it), which is what each
// rendering relies on.
import type { ImportDeclarationStructure, StatementStructures, VariableStatementStructure, WriterFunction } from "ts-morph";
import type { EmittedFile } from "./file.js";
import { TS_HEADER } from "./file.js";
import { printSource } from "./layout/print-source.js";
import { StructureKind } from "./structure-kind.js";

export type Statement = StatementStructures | WriterFunction;

/** src/<name>.ts and its dist/ files. `path` is the source's, e.g. `src/operations/actions.ts`. */
export function renderModule(path: string, statements: readonly Statement[]): EmittedFile[] {
  const name = path.slice("src/".length, -".ts".length);
  const parts = classify(statements);
  const declarations = TS_HEADER + declarationText(statements);
  const report = { exact: true };
  const source = TS_HEADER + (printSource(statements, report) || "export {};\n");
  return [
    // Not exact (text the layout does not know): prettier formats the source after all.
    report.exact ? { path, contents: source, formatted: true } : { path, contents: source },
    { path: `dist/${name}.js`, contents: TS_HEADER + selfTypes(name) + javascript(parts) },
    { path: `dist/${name}.d.ts`, contents: declarations },
    { path: `dist/cjs/${name}.js`, contents: TS_HEADER + commonJs(parts) },
    { path: `dist/cjs/${name}.d.ts`, contents: declarations },
  ];
}

/** Deno reads `@ts-self-types` to find the types of a .js file imported by path. */
export function selfTypes(name: string): string {
  return `/* @ts-self-types="./${name.slice(name.lastIndexOf("/") + 1)}.d.ts" */\n`;
}

interface Parts {
  readonly valueImports: ImportDeclarationStructure[];
  readonly consts: VariableStatementStructure[];
}

function classify(statements: readonly Statement[]): Parts {
  const valueImports: ImportDeclarationStructure[] = [];
  const consts: VariableStatementStructure[] = [];
  for (const statement of statements) {
    if (typeof statement === "function") continue;
    if (statement.kind === StructureKind.ImportDeclaration && !statement.isTypeOnly) valueImports.push(statement);
    else if (statement.kind === StructureKind.VariableStatement) consts.push(statement);
  }
  return { valueImports, consts };
}

function javascript({ valueImports, consts }: Parts): string {
  return printSource([...valueImports, ...consts.map((c) => untyped(c, true))]) || "export {};\n";
}

/** The source minus what only JavaScript needs: value imports, and initializers (`declare const`). */
function declarationText(statements: readonly Statement[]): string {
  const kept: Statement[] = [];
  for (const statement of statements) {
    if (typeof statement === "function") continue;
    if (statement.kind === StructureKind.ImportDeclaration && !statement.isTypeOnly) continue;
    if (statement.kind === StructureKind.VariableStatement) {
      kept.push({ ...statement, hasDeclareKeyword: true, declarations: statement.declarations.map(({ initializer: _, ...d }) => d) });
    } else kept.push(statement);
  }
  // In a declaration file every top-level declaration is exported unless the file says `export {}`.
  const hasPrivate = kept.some((statement) => typeof statement !== "function" && "isExported" in statement && statement.isExported === false);
  const text = printSource(kept);
  return !text ? "export {};\n" : hasPrivate ? text + "export {};\n" : text;
}

/** `require` for each value import, the consts, then `exports.name = name` for each. */
function commonJs({ valueImports, consts }: Parts): string {
  const lines = ['"use strict";', 'Object.defineProperty(exports, "__esModule", { value: true });'];
  for (const { namedImports, moduleSpecifier } of valueImports) {
    lines.push(`const { ${(namedImports as string[]).join(", ")} } = require(${JSON.stringify(moduleSpecifier)});`);
  }
  const names = consts.flatMap((c) => c.declarations.map((d) => d.name));
  return lines.join("\n") + "\n" + printSource(consts.map((c) => untyped(c, false))) + names.map((n) => `exports.${n} = ${n};\n`).join("");
}

function untyped(statement: VariableStatementStructure, exported: boolean): VariableStatementStructure {
  return { ...statement, isExported: exported, declarations: statement.declarations.map(({ type: _, ...d }) => d) };
}
