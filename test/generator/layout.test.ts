// The generated modules are printed in prettier's layout by generator/emit/layout instead of being
// formatted by prettier, and so are index.ts, package.json and (when its text is plain) README.md.
// Prettier must leave every such file as it is: for spec/, every generality fixture and the hostile
// one (GitHub's full description is checked by test/scale).
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import {
  printStructure,
  StructureKind,
  VariableDeclarationKind,
  type JSDocStructure,
  type OptionalKind,
  type StatementStructures,
  type WriterFunction,
} from "ts-morph";
import { group, indent, line, printDoc, softline } from "../../generator/emit/layout/doc.js";
import { expressionDoc, typeAliasDoc, typeDoc } from "../../generator/emit/layout/layout.js";
import { PRETTIER_OPTIONS } from "../../generator/emit/layout/style.js";
import { moduleStatements } from "../../generator/emit/operations-module.js";
import {
  generic,
  indexed,
  intersection,
  literal,
  literalType,
  pureCall,
  typeLiteral,
  typeName,
  union,
  type JsDoc,
  type Statement,
  type TypeNode,
} from "../../generator/emit/ts.js";
import { generate, loadModel } from "../../generator/pipeline.js";

const PRETTIER = { parser: "typescript", ...PRETTIER_OPTIONS } as const;

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

  it("refuses a construct it has no layout for rather than printing it wrong", () => {
    // `(A | B) & C` needs parentheses, which the layout never writes: the emitter must not build it.
    const ab = union([typeName("A"), typeName("B")]);
    expect(() => printDoc(typeDoc(intersection([ab, typeName("C")])), 80)).toThrow(/no parentheses for a union/);
    expect(() => printDoc(typeDoc({ kind: "array-type", element: ab }), 80)).toThrow(/no parentheses for a union/);
    // A name is printed as it is, so it must be one: text that is not would run as code.
    expect(() => printDoc(typeDoc(typeName("A; alert(1)")), 80)).toThrow(/is printed as a name but is not an identifier/);
    expect(() => printDoc(expressionDoc(pureCall("f(); alert", literal(1))), 80)).toThrow(/is printed as a name/);
    expect(printDoc(typeDoc(typeLiteral([{ key: "a b", optional: true, type: typeName("Überwachung") }])), 80)).toBe(
      '{ "a b"?: Überwachung }',
    );
    // A union of unions is one union, as TypeScript reads it.
    expect(union([ab, typeName("C")])).toEqual({ kind: "union", members: ["A", "B", "C"].map(typeName) });
  });

  it("puts a union that does not fit on the line of its alias on the next line, and breaks it there only if it must", () => {
    const op = typeName("SomeVeryLongOperationName");
    const long = generic("ApiResponse", literalType(200), indexed(op, "responses", 200));
    const type = union([long, generic("RedirectResponse", literalType(304))]);
    const text = 'ApiResponse<200, SomeVeryLongOperationName["responses"][200]>';
    expect(printDoc(typeAliasDoc("type X", type), 90)).toBe(`type X =\n  ${text} | RedirectResponse<304>;`);
    expect(printDoc(typeAliasDoc("type X", type), 60)).toContain("=\n  | ApiResponse<");
  });
});

async function expectPrettierStable(files: readonly { path: string; contents: string; formatted?: true }[]) {
  const printed = files.filter(
    (f) =>
      f.formatted ||
      // The runtime's and the helpers' declarations are TypeScript's output (emit/compile.ts), not printed.
      (f.path.startsWith("dist/") &&
        f.path.endsWith(".d.ts") &&
        !f.path.endsWith("types.d.ts") &&
        !f.path.includes("/runtime/") &&
        !f.path.includes("/helpers/")),
  );
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
    ...["names", "paths", "schemas", "bodies", "params"].map((name) => [
      `the ${name} fixture`,
      `test/fixtures/generality/${name}/openapi.yaml`,
    ]),
    ["the split JSON fixture", "test/fixtures/generality/split-json/openapi.json"],
    ["the layout edge cases", "test/fixtures/layout/openapi.yaml"],
  ])("%s", async (_name, spec) => {
    // GitHub's profile: the printers are compared, not the names a generic API gets.
    const { files } = await generate(spec, "/nonexistent-output-folder", { identity: { profile: "github" } });
    await expectPrettierStable(files);
  });
});

/**
 * The statements as ts-morph structures, with each type and initializer written on one line: the
 * oracle below has ts-morph print them and prettier lay them out, independently of our layout.
 */
function tsMorphStructures(statements: readonly Statement[]): (StatementStructures | WriterFunction)[] {
  const flat = (type: TypeNode) => printDoc(typeDoc(type), Infinity);
  // ts-morph's writer breaks a JSDoc line only at \n; prettier, like our printer, at a lone \r too.
  const description = (doc: JsDoc) => doc.description.replace(/\r\n?/g, "\n");
  const docs = (doc: JsDoc | undefined): OptionalKind<JSDocStructure>[] =>
    doc ? [{ kind: StructureKind.JSDoc, description: description(doc), tags: [...doc.tags] }] : [];
  return statements.map((s): StatementStructures | WriterFunction => {
    switch (s.kind) {
      case "blank-line":
        return (writer) => writer.blankLine();
      case "import":
        return { kind: StructureKind.ImportDeclaration, moduleSpecifier: s.from, namedImports: [...s.names], isTypeOnly: s.typeOnly };
      case "export-from":
        return {
          kind: StructureKind.ExportDeclaration,
          moduleSpecifier: s.from,
          ...(s.names ? { namedExports: [...s.names] } : {}),
          isTypeOnly: s.typeOnly,
        };
      case "type-alias":
        return { kind: StructureKind.TypeAlias, name: s.name, type: flat(s.type), isExported: s.exported, docs: docs(s.docs) };
      case "interface":
        return {
          kind: StructureKind.Interface,
          name: s.name,
          isExported: s.exported,
          docs: docs(s.docs),
          properties: s.properties.map((p) => ({ name: p.name, type: flat(p.type) })),
        };
      case "const": {
        const initializer = s.initializer && printDoc(expressionDoc(s.initializer), Infinity);
        const declaration = { name: s.name, ...(s.type ? { type: flat(s.type) } : {}), ...(initializer ? { initializer } : {}) };
        return {
          kind: StructureKind.VariableStatement,
          isExported: s.exported,
          declarationKind: VariableDeclarationKind.Const,
          declarations: [declaration],
          docs: docs(s.docs),
        };
      }
    }
  });
}

describe("ts-morph's printer followed by prettier gives what the layout printer gives", () => {
  it.each([
    ["spec/", "spec/openapi.yaml"],
    ["the hostile fixture", "test/fixtures/hostile/openapi.yaml"],
    ["the layout edge cases", "test/fixtures/layout/openapi.yaml"],
  ])("%s", async (_name, spec) => {
    const { model } = await loadModel(spec);
    // GitHub's profile: the printers are compared, not the names a generic API gets.
    const { files } = await generate(spec, "/nonexistent-output-folder", { identity: { profile: "github" } });
    const groups = [...new Set(model.operations.map((op) => op.group))];
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      const statements = moduleStatements(model.operations.filter((op) => op.group === group));
      const viaTsMorph = await format(
        printStructure({ kind: StructureKind.SourceFile, statements: tsMorphStructures(statements) }),
        PRETTIER,
      );
      const ours = files.find((f) => f.path === `src/operations/${group}.ts`)!.contents;
      expect(ours.slice(ours.indexOf("\n") + 1), group).toBe(viaTsMorph);
    }
  });
});
