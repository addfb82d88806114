// dist/ for the runtime, which is hand-written TypeScript: JavaScript (ESM and a CommonJS twin) and
// declarations, so that the package installs and imports with no build step. Each file is compiled
// on its own (isolatedDeclarations), which needs no type checker. Generated modules do not come
// through here: they are printed for dist/ directly (module-renderings.ts), and src/types.ts holds
// only types and is its own declaration file (`typesDist`).
//
// The compiler is the project's own TypeScript (5.9, pinned), never the host project's: TypeScript 7
// has no transpile API. Loading it costs about half a second, so runtime-build.ts keeps the result.
import ts from "typescript";
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
const CJS_OPTIONS: ts.CompilerOptions = {
  ...OPTIONS,
  module: ts.ModuleKind.CommonJS,
  declaration: false,
  isolatedDeclarations: false,
  verbatimModuleSyntax: false,
};

export const COMPILER_VERSION = ts.version;

export function compileToDist(sources: readonly EmittedFile[]): EmittedFile[] {
  const out: EmittedFile[] = [];
  for (const file of sources) {
    const name = file.path.slice("src/".length, -".ts".length);
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
      { path: `dist/${name}.js`, contents: TS_HEADER + selfTypes(name) + withoutHeader(js.outputText) },
      { path: `dist/${name}.d.ts`, contents: declarations },
      { path: `dist/cjs/${name}.js`, contents: withHeader(cjsJs.outputText) },
      { path: `dist/cjs/${name}.d.ts`, contents: declarations },
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
