// One module, described once as ts-morph structures, printed four ways: the TypeScript source and
// dist/'s JavaScript, declarations and CommonJS twin. Printing dist/ from the same structures is
// what makes it cheap: no compiler parses the source again. (On GitHub's full description,
// transpiling the printed source cost more than every other step of the emit together.)
//
// The modules built this way hold only imports, type aliases and `export const` statements with
// an initializer that is plain JavaScript (no types inside it), which is what each rendering relies on.
import {
  printStructure,
  StructureKind,
  type ImportDeclarationStructure,
  type StatementStructures,
  type VariableStatementStructure,
  type WriterFunction,
} from "ts-morph";
import type { EmittedFile } from "./file.js";
import { TS_HEADER } from "./file.js";

export type Statement = StatementStructures | WriterFunction;

/** src/<name>.ts and its dist/ files. `path` is the source's, e.g. `src/operations/actions.ts`. */
export function renderModule(path: string, statements: readonly Statement[]): EmittedFile[] {
  const name = path.slice("src/".length, -".ts".length);
  const parts = classify(statements);
  return [
    { path, contents: TS_HEADER + (print(statements) || "export {};\n") },
    { path: `dist/${name}.js`, contents: TS_HEADER + selfTypes(name) + javascript(parts) },
    { path: `dist/${name}.d.ts`, contents: TS_HEADER + declarations(statements, parts) },
    { path: `dist/cjs/${name}.js`, contents: TS_HEADER + commonJs(parts) },
    { path: `dist/cjs/${name}.d.ts`, contents: TS_HEADER + declarations(statements, parts) },
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

function print(statements: readonly Statement[]): string {
  return printStructure({ kind: StructureKind.SourceFile, statements: [...statements] });
}

function javascript({ valueImports, consts }: Parts): string {
  if (!valueImports.length && !consts.length) return "export {};\n";
  return print(valueImports) + consts.map((statement) => constText(statement, "export const")).join("");
}

/** The source minus what only JavaScript needs: value imports, and initializers (`declare const`). */
function declarations(statements: readonly Statement[], { consts }: Parts): string {
  const kept: Statement[] = [];
  for (const statement of statements) {
    if (typeof statement === "function") continue;
    if (statement.kind === StructureKind.ImportDeclaration && !statement.isTypeOnly) continue;
    if (statement.kind === StructureKind.VariableStatement) {
      kept.push({ ...statement, hasDeclareKeyword: true, declarations: [...statement.declarations].map(({ initializer: _, ...d }) => d) });
    } else kept.push(statement);
  }
  // In a declaration file every top-level declaration is exported unless the file says `export {}`.
  const hasPrivate = kept.some((statement) => typeof statement !== "function" && "isExported" in statement && statement.isExported === false);
  const text = print(kept);
  return text && hasPrivate ? text + "export {};\n" : text || (consts.length ? "" : "export {};\n");
}

/** `require` for each value import and `exports.name = name` after each const. */
function commonJs({ valueImports, consts }: Parts): string {
  const lines = ['"use strict";', 'Object.defineProperty(exports, "__esModule", { value: true });'];
  for (const { namedImports, moduleSpecifier } of valueImports) {
    lines.push(`const { ${(namedImports as string[]).join(", ")} } = require(${JSON.stringify(moduleSpecifier)});`);
  }
  let text = lines.join("\n") + "\n";
  for (const statement of consts) {
    text += constText(statement, "const");
    for (const { name } of statement.declarations) text += `exports.${name} = ${name};\n`;
  }
  return text;
}

/**
 * A const's JSDoc and `<keyword> name = initializer;`, without its type. Written here rather than
 * by ts-morph, whose printer indents the lines of a multi-line initializer under the name.
 */
function constText(statement: VariableStatementStructure, keyword: string): string {
  let text = "";
  for (const doc of statement.docs ?? []) text += printStructure(typeof doc === "string" ? { kind: StructureKind.JSDoc, description: doc } : { ...doc, kind: StructureKind.JSDoc }) + "\n";
  for (const { name, initializer } of statement.declarations) {
    if (typeof initializer !== "string") throw new Error(`internal error: the initializer of ${name} is not text`);
    text += `${keyword} ${name} = ${initializer};\n`;
  }
  return text;
}
