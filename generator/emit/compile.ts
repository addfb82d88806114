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
import { TS_HEADER } from "./file.js";

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  declaration: true,
  isolatedDeclarations: true,
  verbatimModuleSyntax: true,
  removeComments: false,
  newLine: ts.NewLineKind.LineFeed,
};

export function compileToDist(sources: readonly EmittedFile[]): EmittedFile[] {
  const out: EmittedFile[] = [];
  for (const file of sources) {
    if (!file.path.startsWith("src/") || !file.path.endsWith(".ts")) continue;
    const base = "dist/" + file.path.slice("src/".length, -".ts".length);
    if (file.path === "src/types.ts") {
      out.push({ path: `${base}.d.ts`, contents: file.contents }, { path: `${base}.js`, contents: `${firstLine(file.contents)}export {};\n` });
      continue;
    }
    const js = ts.transpileModule(file.contents, { compilerOptions: OPTIONS, fileName: file.path, reportDiagnostics: false });
    const dts = ts.transpileDeclaration(file.contents, { compilerOptions: OPTIONS, fileName: file.path, reportDiagnostics: true });
    const problems = dts.diagnostics ?? [];
    if (problems.length) {
      const text = problems.map((d) => `${file.path}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`).join("\n");
      throw new Error(`internal error: cannot emit declarations in isolation:\n${text}`);
    }
    out.push({ path: `${base}.js`, contents: withHeader(js.outputText) }, { path: `${base}.d.ts`, contents: withHeader(dts.outputText) });
  }
  return out;
}

/** Declaration emit drops the file's leading comment; every file keeps the generated header. */
function withHeader(text: string): string {
  return text.startsWith(TS_HEADER) ? text : TS_HEADER + text;
}

function firstLine(text: string): string {
  return text.slice(0, text.indexOf("\n") + 1);
}
