// dist/: JavaScript and declarations for every source file, so that the package installs and
// imports with no build step. Each file is compiled on its own (isolatedDeclarations), which is
// fast and needs no type checker; src/types.ts holds only types and is its own declaration file.
//
// The compiler is the TypeScript that ts-morph bundles (6.0), which the emitters have loaded
// already: importing the `typescript` package (5.9) too would load a second 9 MB compiler on the
// main thread. For these options and files both emit the same bytes (dist/ of spec/ and of GitHub's
// full description were compared when this changed; `npm run generate -- --check` covers dist/).
import { ts } from "ts-morph";
import type { EmittedFile } from "./file.js";
import { HEADER_TEXT, TS_HEADER } from "./file.js";

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  declaration: true,
  isolatedDeclarations: true,
  verbatimModuleSyntax: true,
  removeComments: false,
  newLine: ts.NewLineKind.LineFeed,
};

/** CommonJS twin in dist/cjs/, for `require` under node16 resolution (same declarations). */
const CJS_OPTIONS: ts.CompilerOptions = { ...OPTIONS, module: ts.ModuleKind.CommonJS, declaration: false, isolatedDeclarations: false, verbatimModuleSyntax: false };

/** dist/cjs/package.json: makes Node and TypeScript read that folder's .js and .d.ts as CommonJS. */
export const CJS_PACKAGE: EmittedFile = { path: "dist/cjs/package.json", contents: `{ "//": ${JSON.stringify(HEADER_TEXT)}, "type": "commonjs" }\n` };

export function compileToDist(sources: readonly EmittedFile[]): EmittedFile[] {
  const out: EmittedFile[] = [];
  for (const file of sources) {
    if (!file.path.startsWith("src/") || !file.path.endsWith(".ts")) continue;
    const name = file.path.slice("src/".length, -".ts".length);
    const base = `dist/${name}`;
    const cjs = `dist/cjs/${name}`;
    if (file.path === "src/types.ts") {
      const empty = ts.transpileModule("export {};", { compilerOptions: CJS_OPTIONS }).outputText;
      out.push(
        { path: `${base}.d.ts`, contents: file.contents },
        { path: `${base}.js`, contents: `${firstLine(file.contents)}export {};\n` },
        { path: `${cjs}.d.ts`, contents: file.contents },
        { path: `${cjs}.js`, contents: withHeader(empty) },
      );
      continue;
    }
    const js = ts.transpileModule(file.contents, { compilerOptions: OPTIONS, fileName: file.path, reportDiagnostics: false });
    const cjsJs = ts.transpileModule(file.contents, { compilerOptions: CJS_OPTIONS, fileName: file.path, reportDiagnostics: false });
    const dts = ts.transpileDeclaration(file.contents, { compilerOptions: OPTIONS, fileName: file.path, reportDiagnostics: true });
    const problems = dts.diagnostics ?? [];
    if (problems.length) {
      const text = problems.map((d) => `${file.path}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`).join("\n");
      throw new Error(`internal error: cannot emit declarations in isolation:\n${text}`);
    }
    const declarations = withHeader(dts.outputText);
    // Deno reads `@ts-self-types` to find the types of a .js file imported by path.
    const selfTypes = `/* @ts-self-types="./${name.slice(name.lastIndexOf("/") + 1)}.d.ts" */\n`;
    out.push(
      { path: `${base}.js`, contents: TS_HEADER + selfTypes + withoutHeader(js.outputText) },
      { path: `${base}.d.ts`, contents: declarations },
      { path: `${cjs}.js`, contents: withHeader(cjsJs.outputText) },
      { path: `${cjs}.d.ts`, contents: declarations },
    );
  }
  return out;
}

/** Declaration emit drops the file's leading comment; every file keeps the generated header. */
function withHeader(text: string): string {
  return text.startsWith(TS_HEADER) ? text : TS_HEADER + text;
}

function withoutHeader(text: string): string {
  return text.startsWith(TS_HEADER) ? text.slice(TS_HEADER.length) : text;
}

function firstLine(text: string): string {
  return text.slice(0, text.indexOf("\n") + 1);
}
