// One TypeScript program over generated files, with the options of a strict consumer on Node
// (NodeNext, ES2022, the DOM's fetch types, no ambient @types): the tests that type-check what the
// generator wrote share it, so that they all hold the output to the same bar.
import ts from "typescript";

export function strictProgram(roots: readonly string[], options: Pick<ts.CompilerOptions, "skipLibCheck"> = {}): ts.Program {
  return ts.createProgram(roots, {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
    ...options,
  });
}
