// Hostile spec text cannot turn into code. test/fixtures/hostile/openapi.yaml puts comment
// enders, template openers, backticks, HTML, JSDoc tags, quotes, backslashes, line breaks,
// reserved words and non-ASCII names everywhere the generator copies spec text. The generated
// package must type-check under --strict with zero errors, hold no statement the generator did
// not mean to write, and carry every hostile string through exactly: in the operation specs
// the built JavaScript exports, in the enum literal types, and in package.json.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../generator/pipeline.js";
import { strictProgram } from "./strict-program.js";

const SPEC = "test/fixtures/hostile/openapi.yaml";

/** The fixture as plain data: the source of truth for what every string must come out as. */
const source = parse(readFileSync(SPEC, "utf8")) as {
  info: { title: string };
  paths: Record<string, Record<string, { operationId?: string }>>;
  components: { schemas: Record<string, { enum?: string[] }> };
};

let out: string;
let result: GenerateResult;
/** The package's exports, as the built JavaScript has them. */
let exported: Record<string, unknown>;

beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), "hostile-")), "client");
  result = await generate(SPEC, out);
  for (const file of result.files) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.contents);
  }
  exported = (await import(pathToFileURL(join(out, "dist/index.js")).href)) as typeof exported;
}, 120_000);

afterAll(() => {
  if (out) rmSync(dirname(out), { recursive: true, force: true });
});

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(join(out, dir), { recursive: true, encoding: "utf8" })
    .filter((p) => p.endsWith(suffix))
    .map((p) => join(out, dir, p))
    .sort();
}

function sourceOf(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(join(out, path), "utf8"), ts.ScriptTarget.ES2022, true);
}

/** The operation exported under `name`, found by its operationId. */
function specOf(operationId: string): Record<string, unknown> {
  const ops = Object.values(exported).filter(
    (value): value is { spec: Record<string, unknown> } => typeof value === "function" && "spec" in value,
  );
  const op = ops.find((value) => value.spec.id === operationId);
  expect(op, `an exported operation with id ${JSON.stringify(operationId)}`).toBeDefined();
  return op!.spec;
}

describe("a spec full of hostile text", () => {
  it("generates a package that type-checks under --strict with zero errors (src, and dist declarations)", () => {
    const roots = [...filesUnder("src", ".ts"), ...filesUnder("dist", ".d.ts")];
    const program = strictProgram(roots);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(problems).toEqual([]);
  });

  it("writes only imports, type aliases and operation constants in operation modules: no text escaped into code", () => {
    const modules = result.files.filter((f) => f.path.startsWith("src/operations/")).map((f) => f.path);
    expect(modules.length).toBeGreaterThan(0);
    const allowed = new Set([ts.SyntaxKind.ImportDeclaration, ts.SyntaxKind.TypeAliasDeclaration, ts.SyntaxKind.VariableStatement]);
    let constants = 0;
    for (const path of modules) {
      const file = sourceOf(path);
      for (const statement of file.statements) {
        expect(
          allowed.has(statement.kind),
          `${path}: unexpected ${ts.SyntaxKind[statement.kind]}: ${statement.getText().slice(0, 80)}`,
        ).toBe(true);
        if (ts.isVariableStatement(statement)) {
          constants++;
          // The initializer is `operation({...})` with a plain object literal: nothing else runs.
          const init = statement.declarationList.declarations[0]!.initializer!;
          expect(
            ts.isCallExpression(init) &&
              init.expression.getText() === "operation" &&
              init.arguments.length === 1 &&
              ts.isObjectLiteralExpression(init.arguments[0]!),
            `${path}: ${init.getText().slice(0, 80)}`,
          ).toBe(true);
        }
      }
    }
    const operationCount = Object.values(source.paths).flatMap((item) =>
      Object.values(item).filter((op) => typeof op === "object" && op && "responses" in op),
    ).length;
    expect(constants).toBe(operationCount);
  });

  it("keeps description text inside the JSDoc: a line starting with @param does not become a tag", () => {
    const file = sourceOf(result.files.find((f) => f.path.startsWith("src/operations/") && f.contents.includes('id: "delete"'))!.path);
    const statement = file.statements
      .filter(ts.isVariableStatement)
      .find((s) => s.declarationList.declarations[0]!.name.getText() === "deleteOperation")!;
    const docs = ts.getJSDocCommentsAndTags(statement.declarationList.declarations[0]!).filter(ts.isJSDoc);
    expect(docs).toHaveLength(1);
    const tags = (docs[0]!.tags ?? []).map((t) => t.tagName.text);
    expect(tags).toEqual(["see", "example"]);
    const comment = ts.getTextOfJSDocComment(docs[0]!.comment) ?? "";
    expect(comment).toContain('console.log("escaped from the comment")');
    expect(comment).toContain("`${globalThis.pwned = true}`");
    expect(comment).toContain("</script>");
    expect(globalThis).not.toHaveProperty("pwned");
  });

  it("carries operationIds and paths through exactly, in the built JavaScript's operation specs", () => {
    const ids = Object.values(source.paths).flatMap((item) =>
      Object.values(item)
        .map((op) => op.operationId)
        .filter((id): id is string => typeof id === "string"),
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        "delete",
        "default",
        "constructor",
        "__proto__",
        "class",
        "ñame",
        "日本",
        'hostile/"quoted" */ ${id} `back`',
      ]),
    );
    for (const [path, item] of Object.entries(source.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (typeof op !== "object" || !op || typeof op.operationId !== "string") continue;
        const spec = specOf(op.operationId);
        expect(spec.path).toBe(path);
        expect(spec.method).toBe(method.toUpperCase());
      }
    }
    expect(specOf("delete")).toMatchObject({
      path: "/files/{name}.{ext}",
      queryParams: ["default", "ñame", "日本", "__proto__", "constructor"],
      headerParams: ['X-Quote"Header'],
    });
    expect(specOf("default")).toMatchObject({ path: "/items/{delete}", bodyParams: ["class", "constructor", "status", "ñame"] });
    expect(specOf("constructor").pagination).toEqual({ style: "page", itemsKey: "the items */" });
    expect(specOf('hostile/"quoted" */ ${id} `back`').path).toBe('/quoted/"path"/`tick`/${x}');
  });

  it("fills the path template's parameters by name, and sends reserved and non-ASCII query names", async () => {
    const urls: string[] = [];
    const fetch = async (url: string) => (urls.push(url), Response.json({}));
    const client = (exported.createClient as (o: object) => unknown)({ fetch, baseUrl: "https://api.example.com" });
    const call = (name: string, params: object) => (exported[name] as (c: unknown, p: object) => Promise<unknown>)(client, params);
    await call("deleteOperation", { name: "a b", ext: "json", default: 1, ñame: 2, 日本: 3, constructor: 5 });
    await call("defaultOperation", { delete: "x/y", class: "c" });
    expect(urls).toEqual([
      "https://api.example.com/files/a%20b.json?default=1&ñame=2&日本=3&constructor=5",
      "https://api.example.com/items/x%2Fy",
    ]);
  });

  it("names functions after reserved words safely, and keeps non-ASCII names", () => {
    const names = result.model.operations.map((op) => op.name).sort();
    expect(names).toEqual(
      ["classOperation", "constructorOperation", "defaultOperation", "deleteOperation", "idBack", "proto", "ñame", "日本"].sort(),
    );
    for (const name of names) expect(typeof exported[name], name).toBe("function");
  });

  it("writes enum values with quotes, backslashes and line breaks as the exact literal types", () => {
    const file = sourceOf("src/types.ts");
    const literalsOf = (schema: string): string[] => {
      let found: string[] | undefined;
      const visit = (node: ts.Node): void => {
        if (ts.isPropertySignature(node) && node.name.getText() === schema && node.type && ts.isUnionTypeNode(node.type)) {
          found = node.type.types.map((t) => {
            if (!ts.isLiteralTypeNode(t) || !ts.isStringLiteral(t.literal)) throw new Error(`not a string literal: ${t.getText()}`);
            return t.literal.text;
          });
        }
        if (!found) ts.forEachChild(node, visit);
      };
      visit(file);
      expect(found, `the union type of ${schema}`).toBeDefined();
      return found!;
    };
    expect(literalsOf("Extension")).toEqual(source.components.schemas.Extension!.enum);
    expect(literalsOf("Status")).toEqual(source.components.schemas.Status!.enum);
    expect(literalsOf("Extension")).toEqual([
      "json",
      'double"quote',
      "single'quote",
      "back\\slash",
      "new\nline",
      "*/",
      "${x}",
      "`tick`",
      "</script>",
    ]);
    expect(literalsOf("Status")).toEqual(['a"b', "c'd", "e\\f", "g\nh", "\u2028", "ü"]);
  });

  it("keeps reserved and non-ASCII property names as properties of the schema type", () => {
    const file = sourceOf("src/types.ts");
    let members: string[] | undefined;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertySignature(node) && node.name.getText() === "class" && node.type && ts.isTypeLiteralNode(node.type)) {
        members = node.type.members.map((m) =>
          m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : `?${m.getText()}`,
        );
      }
      if (!members) ts.forEachChild(node, visit);
    };
    visit(file);
    const expected = Object.keys((source.components.schemas.class as { properties: object }).properties);
    expect(expected).toEqual(
      expect.arrayContaining(["delete", "default", "constructor", "__proto__", "class", "ñame", "日本", "with space", 'quote"d']),
    );
    expect(members?.sort()).toEqual(expected.sort());
  });

  it("puts the hostile title into package.json as data", () => {
    const pkg = JSON.parse(readFileSync(join(out, "package.json"), "utf8")) as { description: string };
    expect(pkg.description).toBe(`Typed client for ${source.info.title}, generated from its OpenAPI description.`);
  });
});
