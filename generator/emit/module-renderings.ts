// One module, described once as typed statements (ts.ts), printed four ways: the TypeScript source
// and dist/'s JavaScript, declarations and CommonJS twin. All four come from the same statements
// through the layout printer, in prettier's layout: no compiler parses the source again, and no
// formatter runs over it. (On GitHub's full description, transpiling the printed source and
// formatting it cost more than every other step of the run together.)
//
// A const's initializer is plain JavaScript (no types inside it), which the JavaScript renderings rely on.
import type { EmittedFile } from "./file.js";
import { TS_HEADER } from "./file.js";
import { printSource } from "./layout/print-source.js";
import type { Statement } from "./ts.js";

type Const = Statement & { kind: "const" };
type Link = Statement & { kind: "import" | "export-from" };

/** src/<name>.ts and its dist/ files. `path` is the source's, e.g. `src/operations/actions.ts`. */
export function renderModule(path: string, statements: readonly Statement[]): EmittedFile[] {
  const name = path.slice("src/".length, -".ts".length);
  // Imports and re-exports of values, in order: what JavaScript keeps besides the consts.
  const valueLinks = statements.filter((s): s is Link => (s.kind === "import" || s.kind === "export-from") && !s.typeOnly);
  const consts = statements.filter((s): s is Const => s.kind === "const");
  const declarations = TS_HEADER + declarationText(statements);
  return [
    { path, contents: TS_HEADER + (printSource(statements) || "export {};\n"), formatted: true },
    {
      path: `dist/${name}.js`,
      contents: TS_HEADER + selfTypes(name) + (printSource([...valueLinks, ...consts.map((c) => untyped(c, true))]) || "export {};\n"),
    },
    { path: `dist/${name}.d.ts`, contents: declarations },
    { path: `dist/cjs/${name}.js`, contents: TS_HEADER + commonJs(valueLinks, consts) },
    { path: `dist/cjs/${name}.d.ts`, contents: declarations },
  ];
}

/** Deno reads `@ts-self-types` to find the types of a .js file imported by path. */
export function selfTypes(name: string): string {
  return `/* @ts-self-types="./${name.slice(name.lastIndexOf("/") + 1)}.d.ts" */\n`;
}

/** The source minus what only JavaScript needs: blank lines, value imports, and initializers (`declare const`). */
function declarationText(statements: readonly Statement[]): string {
  const kept: Statement[] = [];
  for (const statement of statements) {
    if (statement.kind === "blank-line" || (statement.kind === "import" && !statement.typeOnly)) continue;
    if (statement.kind === "const") {
      const { initializer: _, ...declared } = statement;
      kept.push(declared);
    } else kept.push(statement);
  }
  // In a declaration file every top-level declaration is exported unless the file says `export {}`.
  const hasPrivate = kept.some((statement) => "exported" in statement && !statement.exported);
  const text = printSource(kept);
  return !text ? "export {};\n" : hasPrivate ? text + "export {};\n" : text;
}

/** `require` for each value import, each `export *`, the consts, then `exports.name = name` for each. */
function commonJs(valueLinks: readonly Link[], consts: readonly Const[]): string {
  const lines = ['"use strict";', 'Object.defineProperty(exports, "__esModule", { value: true });'];
  if (valueLinks.some((s) => s.kind === "export-from")) lines.push(...EXPORT_STAR_HELPER);
  for (const s of valueLinks) {
    const required = `require(${JSON.stringify(s.from)})`;
    lines.push(s.kind === "import" ? `const { ${s.names.join(", ")} } = ${required};` : `__exportStar(${required}, exports);`);
  }
  const exports = consts.map((c) => `exports.${c.name} = ${c.name};\n`).join("");
  return lines.join("\n") + "\n" + printSource(consts.map((c) => untyped(c, false))) + exports;
}

/**
 * `export *` in CommonJS. The helper's name and call shape are the ones Node's CommonJS export
 * detection (cjs-module-lexer) recognizes, so `import { createClient } from` works on such a file too.
 */
const EXPORT_STAR_HELPER = [
  "function __exportStar(from, to) {",
  "    for (const name in from) {",
  '        if (name !== "default" && !Object.prototype.hasOwnProperty.call(to, name)) Object.defineProperty(to, name, { enumerable: true, get: () => from[name] });',
  "    }",
  "}",
];

function untyped(statement: Const, exported: boolean): Const {
  const { type: _, ...rest } = statement;
  return { ...rest, exported };
}
