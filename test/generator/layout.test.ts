// The generated modules are printed in prettier's layout by generator/emit/layout instead of being
// formatted by prettier, and so are index.ts, package.json and (when its text is plain) README.md.
// Prettier must leave every such file as it is: for spec/, every generality fixture and the hostile
// one (GitHub's full description is checked by test/scale).
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { group, indent, line, printDoc, softline } from "../../generator/emit/layout/doc.js";
import { typeAliasDoc, typeDoc } from "../../generator/emit/layout/layout.js";
import { parseType } from "../../generator/emit/layout/syntax.js";
import { printStructure, StructureKind as TsMorphKind, VariableDeclarationKind as TsMorphDeclarationKind } from "ts-morph";
import { moduleStatements } from "../../generator/emit/operations-module.js";
import { StructureKind, VariableDeclarationKind } from "../../generator/emit/structure-kind.js";
import { generate, loadModel } from "../../generator/pipeline.js";

const PRETTIER = { parser: "typescript", printWidth: 120, trailingComma: "all", endOfLine: "lf" } as const;

describe("the layout engine", () => {
  it("prints a group flat when it fits and breaks all of its lines when it does not", () => {
    const doc = group(["f(", indent([softline, "aaaa,", line, "bbbb"]), softline, ")"]);
    expect(printDoc(doc, 40)).toBe("f(aaaa, bbbb)");
    expect(printDoc(doc, 10)).toBe("f(\n  aaaa,\n  bbbb\n)");
  });

  it("counts what follows a group up to the next line break when it decides", () => {
    const doc = [group(["[", indent([softline, "x"]), softline, "]"]), " + a long tail"];
    expect(printDoc(doc, 10)).toBe("[\n  x\n] + a long tail");
    expect(printDoc(doc, 30)).toBe("[x] + a long tail");
  });

  it("reads the emitters' type vocabulary and refuses anything else", () => {
    expect(parseType(`A<1, B["x"]["y"]> | C & { body?: D }`)).toMatchObject({ kind: "union" });
    expect(parseType("FormData | { [K in keyof C]: C[K] | Blob | Blob[] }")).toMatchObject({ kind: "union" });
    expect(parseType("(a: string) => void")).toBeUndefined();
    const report = { exact: true };
    expect(printDoc(typeDoc("(a: string) => void", report), 10)).toBe("(a: string) => void");
    expect(report.exact).toBe(false);
  });

  it("puts a union that does not fit on the line of its alias on the next line, and breaks it there only if it must", () => {
    const long = 'ApiResponse<200, SomeVeryLongOperationName["responses"][200]>';
    const report = { exact: true };
    expect(printDoc(typeAliasDoc("type X", `${long} | RedirectResponse<304>`, report), 90)).toBe(`type X =\n  ${long} | RedirectResponse<304>;`);
    expect(printDoc(typeAliasDoc("type X", `${long} | RedirectResponse<304>`, report), 60)).toContain("=\n  | ApiResponse<");
    expect(report.exact).toBe(true);
  });
});

async function expectPrettierStable(files: readonly { path: string; contents: string; formatted?: true }[]) {
  const printed = files.filter((f) => f.formatted || (f.path.startsWith("dist/") && f.path.endsWith(".d.ts") && !f.path.endsWith("types.d.ts") && !f.path.includes("/runtime/")));
  expect(printed.length).toBeGreaterThan(0);
  for (const file of printed) {
    const parser = file.path.endsWith(".md") ? "markdown" : file.path.endsWith(".json") ? "json" : "typescript";
    expect(await format(file.contents, { ...PRETTIER, parser }), file.path).toBe(file.contents);
  }
}

describe("generated modules are in prettier's layout", () => {
  it.each([
    ["spec/", "spec/openapi.yaml"],
    ["the hostile fixture", "test/fixtures/hostile/openapi.yaml"],
    ...["names", "paths", "schemas", "bodies", "params"].map((name) => [`the ${name} fixture`, `test/fixtures/generality/${name}/openapi.yaml`]),
    ["the split JSON fixture", "test/fixtures/generality/split-json/openapi.json"],
    ["the layout edge cases", "test/fixtures/layout/openapi.yaml"],
  ])("%s", async (_name, spec) => {
    const { files } = await generate(spec, "/nonexistent-output-folder");
    // Every module is laid out by the printer itself (none falls back to prettier).
    for (const file of files.filter((f) => f.path.startsWith("src/operations/"))) expect(file.formatted, file.path).toBe(true);
    await expectPrettierStable(files);
  });
});

describe("the structures are ts-morph's", () => {
  it("with ts-morph's kind values", () => {
    for (const [name, value] of Object.entries(StructureKind)) expect(value, name).toBe(TsMorphKind[name as keyof typeof TsMorphKind]);
    expect(VariableDeclarationKind.Const).toBe(TsMorphDeclarationKind.Const);
  });

  it("and ts-morph's printer followed by prettier gives what the layout printer gives", async () => {
    const { model } = await loadModel("spec/openapi.yaml");
    const { files } = await generate("spec/openapi.yaml", "/nonexistent-output-folder");
    const groups = [...new Set(model.operations.map((op) => op.group))];
    expect(groups.length).toBeGreaterThan(1);
    for (const group of groups) {
      const statements = moduleStatements(model.operations.filter((op) => op.group === group));
      const viaTsMorph = await format(printStructure({ kind: TsMorphKind.SourceFile, statements }), PRETTIER);
      const ours = files.find((f) => f.path === `src/operations/${group}.ts`)!.contents;
      expect(ours.slice(ours.indexOf("\n") + 1), group).toBe(viaTsMorph);
    }
  });
});
