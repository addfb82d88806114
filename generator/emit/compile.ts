// dist/ for hand-written TypeScript (the runtime, by `npm run build:runtime`): JavaScript and
// declarations, so that the package installs and imports with no build step. Each file is compiled
// on its own (isolatedDeclarations), which needs no type checker. Generated modules do not come
// through here: they are printed for dist/ directly (module-renderings.ts), and src/types.ts holds
// only types and is its own declaration file (`typesDist`).
//
// The compiler is the TypeScript that ts-morph bundles (6.0), which the emitters have loaded
// already: importing the `typescript` package (5.9) too would load a second 9 MB compiler on the
// main thread. For these options and files both emit the same bytes (dist/ of spec/ and of GitHub's
// full description were compared when this changed; `npm run generate -- --check` covers dist/).
import { ts } from "ts-morph";
import type { EmittedFile } from "./file.js";
import { TS_HEADER } from "./file.js";
import { selfTypes } from "./module-renderings.js";

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

export function compileToDist(sources: readonly EmittedFile[]): EmittedFile[] {
  const out: EmittedFile[] = [];
  for (const file of sources) {
    if (!file.path.startsWith("src/") || !file.path.endsWith(".ts")) continue;
    const name = file.path.slice("src/".length, -".ts".length);
    const base = `dist/${name}`;
    const cjs = `dist/cjs/${name}`;
    const js = ts.transpileModule(file.contents, { compilerOptions: OPTIONS, fileName: file.path, reportDiagnostics: false });
    const cjsJs = ts.transpileModule(file.contents, { compilerOptions: CJS_OPTIONS, fileName: file.path, reportDiagnostics: false });
    const dts = ts.transpileDeclaration(file.contents, { compilerOptions: OPTIONS, fileName: file.path, reportDiagnostics: true });
    const problems = dts.diagnostics ?? [];
    if (problems.length) {
      const text = problems.map((d) => `${file.path}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`).join("\n");
      throw new Error(`internal error: cannot emit declarations in isolation:\n${text}`);
    }
    const declarations = withHeader(dts.outputText);
    out.push(
      { path: `${base}.js`, contents: TS_HEADER + selfTypes(name) + withoutHeader(js.outputText) },
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
