// The loader's bounds, in process, with real files: what is measured only once the files are
// bundled (objects from other files repeated or nested by $refs), chains of $refs, the option
// that allows more folders, and that a spec at the depth limit still goes through the whole
// pipeline (the limit is low enough for every recursive step after the loader). The attacks
// through the CLI are in test/cli/hostile-input.test.ts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic, SpecError, type Diagnostic, type Locator } from "../../generator/diagnostics.js";
import { loadSpec } from "../../generator/load/index.js";
import { DEFAULT_LOAD_LIMITS, formatBytes, formatCount } from "../../generator/load/limits.js";
import { measureDocument } from "../../generator/load/measure.js";
import { MAX_REF_HOPS } from "../../generator/document/deref.js";
import { generate, loadModel } from "../../generator/pipeline.js";

const work = mkdtempSync(join(tmpdir(), "load-limits-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let folders = 0;
/** Writes `files` (name → text) into a fresh folder; returns the path of the first one. */
function specFiles(files: Record<string, string>): string {
  const dir = join(work, `spec-${++folders}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return join(dir, Object.keys(files)[0]!);
}

const printed = (diagnostics: readonly Diagnostic[], locate: Locator) => diagnostics.map((d) => formatDiagnostic(d, locate, work));
const HEAD = "openapi: 3.1.0\ninfo: { title: t, version: '1' }\n";

describe("measureDocument", () => {
  it("counts a shared object at each of its uses, measuring it once", () => {
    const shared = { a: 1, b: [1, 2, 3] }; // 6 values
    const document = { list: Array.from({ length: 1000 }, () => shared) };
    expect(measureDocument(document, { maxDepth: 10, maxValues: 6_002 })).toBeUndefined();
    expect(measureDocument(document, { maxDepth: 10, maxValues: 6_001 })).toEqual({ kind: "values", pointer: ["list", 1], uses: 1000 });
  });

  it("finds the first value past the depth limit, and treats a cycle as endless", () => {
    expect(measureDocument({ a: 1, b: { c: { d: {} } } }, { maxDepth: 3, maxValues: 100 })).toEqual({
      kind: "depth",
      pointer: ["b", "c", "d"],
    });
    const loop: Record<string, unknown> = {};
    loop.self = { loop };
    expect(measureDocument({ loop }, { maxDepth: 50, maxValues: 100 })?.kind).toBe("depth");
  });
});

describe("limits that only the bundled document can show", () => {
  it("a response from another file, used by many operations, is copied at each use: too many values", async () => {
    const paths = Array.from(
      { length: 50 },
      (_, i) => `  /p${i}: { get: { operationId: op${i}, responses: { "200": { $ref: "./shared.yaml#/Big" } } } }`,
    ).join("\n");
    const headers = Array.from({ length: 30 }, (_, i) => `    h${i}: { schema: { type: string } }`).join("\n");
    const root = specFiles({
      "openapi.yaml": `${HEAD}paths:\n${paths}\n`,
      "shared.yaml": `Big:\n  description: OK\n  headers:\n${headers}\n`,
    });
    const loaded = await loadSpec(root, { limits: { maxValues: 3_000 } });
    expect(loaded.spec).toBeDefined();
    expect(printed(loaded.diagnostics, loaded.spec!.locate)).toEqual([
      `spec-${folders}/shared.yaml:1:1 error: the document expands to more than 3,000 values, the limit; this object is included 50 times (at #/Big)\n` +
        "  hint: a $ref to an object in another file (other than a schema) is copied at every use; move that object under components in the root file, where a $ref is not copied",
    ]);
    // Under the default limit the same spec loads.
    expect((await loadSpec(root)).diagnostics).toEqual([]);
  });

  it("objects from other files nest one inside another: too deep once in place", async () => {
    const nest = (n: number) => Array.from({ length: n }).reduce<string>((inner) => `{ x: ${inner} }`, "{}");
    const root = specFiles({
      "openapi.yaml": `${HEAD}paths:\n  /p: { get: { operationId: op, responses: { "200": { $ref: "./a.yaml#/R" } } } }\n`,
      // Each file alone nests at most 17 levels; the example is put in place 10 levels down.
      "a.yaml": `R: { description: OK, x-deep: ${nest(8)}, content: { application/json: { examples: { e: { $ref: "./b.yaml#/E" } } } } }\n`,
      "b.yaml": `E: { value: 1, x-deep: ${nest(15)} }\n`,
    });
    const loaded = await loadSpec(root, { limits: { maxDepth: 20 } });
    expect(printed(loaded.diagnostics, loaded.spec!.locate)).toEqual([
      `spec-${folders}/b.yaml:1:71 error: nested too deep: more than 20 levels of objects and lists, once $refs to other files are put in place (at #/E/x-deep/x/x/x/x/x/x/x/x/x/x)\n` +
        "  hint: a spec needs far fewer; give the inner schemas names under components/schemas and refer to them with $ref",
    ]);
  });

  it("a chain of $refs inside another file, each inside the object the last one leads to, is cut at the depth limit", async () => {
    const chain = Array.from({ length: 40 }, (_, i) => `A${i}: { allOf: [{ $ref: "#/A${i + 1}" }] }`).join("\n");
    const root = specFiles({
      "openapi.yaml": `${HEAD}paths: {}\ncomponents:\n  schemas:\n    Start: { $ref: "./chain.yaml#/A0" }\n`,
      "chain.yaml": `${chain}\nA40: { type: string }\n`,
    });
    const loaded = await loadSpec(root, { limits: { maxDepth: 10 } });
    expect(printed(loaded.diagnostics, loaded.spec!.locate)).toEqual([
      `spec-${folders}/chain.yaml:11:18 error: $refs nested too deep: this one is reached through a chain of more than 10 $refs, each inside the object the one before leads to (at #/A10/allOf/0/$ref)\n` +
        "  hint: a spec needs far fewer; refer to the shared parts from one place instead of through a chain",
    ]);
  });

  it("a chain of 5,000 $refs that only point to $refs is reported once, without following it 5,000 times", async () => {
    const chain = Array.from({ length: 5000 }, (_, i) => `    C${i}: { $ref: "#/components/schemas/C${i + 1}" }`).join("\n");
    const root = specFiles({ "openapi.yaml": `${HEAD}paths: {}\ncomponents:\n  schemas:\n${chain}\n    C5000: { type: string }\n` });
    const error = await loadModel(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect(printed((error as SpecError).diagnostics, (error as SpecError).locate)).toEqual([
      `spec-${folders}/openapi.yaml:6:11 error: $ref chain too long: C0 leads through more than 64 $refs that each point only to another $ref (at #/components/schemas/C0/$ref)\n  hint: point the $ref at the object itself`,
    ]);
  });
});

describe("what the limits still let through", () => {
  it("20,000 aliases of a small anchor (yaml's own alias count would refuse them) load", async () => {
    const uses = Array.from({ length: 20_000 }, (_, i) => `    P${i}: *id`).join("\n");
    const root = specFiles({ "openapi.yaml": `${HEAD}paths: {}\ncomponents:\n  schemas:\n    Id: &id { type: integer }\n${uses}\n` });
    const loaded = await loadSpec(root);
    expect(loaded.diagnostics).toEqual([]);
    expect((loaded.spec!.document.components as { schemas: Record<string, unknown> }).schemas.P19999).toEqual({ type: "integer" });
  });

  it("a map of 50,000 keys parses (yaml's own duplicate check is quadratic), and its one duplicate key is found", async () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `    K${i}: { type: string }`);
    const root = specFiles({
      "openapi.yaml": `${HEAD}paths: {}\ncomponents:\n  schemas:\n${keys.join("\n")}\n    K7: { type: integer }\n`,
    });
    const loaded = await loadSpec(root);
    expect(printed(loaded.diagnostics, () => undefined)).toEqual([
      `spec-${folders}/openapi.yaml:50006:5 error: invalid YAML: duplicate key "K7" in the same mapping\n  hint: fix the syntax at this position; the file could not be read`,
    ]);
  }, 60_000);

  it("anchors that each alias the one before nest deeper than any of them is written: refused at the alias", async () => {
    const nest = (n: number, inner: string) => "[".repeat(n) + inner + "]".repeat(n);
    const root = specFiles({
      "openapi.yaml": `${HEAD}paths: {}\nx-1: &a1 ${nest(9, "1")}\nx-2: &a2 ${nest(9, "*a1")}\nx-3: &a3 ${nest(9, "*a2")}\n`,
    });
    const loaded = await loadSpec(root, { limits: { maxDepth: 25 } });
    expect(printed(loaded.diagnostics, () => undefined)).toEqual([
      `spec-${folders}/openapi.yaml:6:${"x-3: &a3 ".length + 9 + 1} error: nested too deep: more than 25 levels of objects and lists\n` +
        "  hint: a spec needs far fewer; give the inner schemas names under components/schemas and refer to them with $ref",
    ]);
  });

  it(`a schema nested to the depth limit (${DEFAULT_LOAD_LIMITS.maxDepth} levels) goes through the whole pipeline`, async () => {
    // The document, components, schemas and the schema's own levels: 253 more levels of `items`.
    const schema = Array.from({ length: DEFAULT_LOAD_LIMITS.maxDepth - 4 }).reduce<string>(
      (inner) => `{ type: array, items: ${inner} }`,
      "{ type: string }",
    );
    const root = specFiles({
      "openapi.yaml": `${HEAD}paths:\n  /deep: { get: { operationId: get-deep, responses: { "200": { description: OK, content: { application/json: { schema: { $ref: "#/components/schemas/Deep" } } } } } } }\ncomponents:\n  schemas:\n    Deep: ${schema}\n`,
    });
    const result = await generate(root, join(work, "deep-out"));
    const types = result.files.find((f) => f.path === "src/types.ts")!.contents;
    expect(types).toContain("Deep: ");
    expect(types.split("[]").length - 1).toBeGreaterThanOrEqual(DEFAULT_LOAD_LIMITS.maxDepth - 4);
  }, 120_000);

  it("GitHub's full description loads under the default limits", async () => {
    const loaded = await loadSpec("node_modules/@octokit/openapi/generated/api.github.com.json");
    expect(loaded.diagnostics).toEqual([]);
    expect(Object.keys(loaded.spec!.document.paths as object).length).toBeGreaterThan(700);
  }, 60_000);

  it("an allowed folder that does not exist is an error, not silently ignored", async () => {
    const root = specFiles({ "openapi.yaml": `${HEAD}paths: {}\n` });
    const loaded = await loadSpec(root, { allowedFolders: [join(work, "no-such-folder")] });
    expect(loaded.spec).toBeUndefined();
    expect(printed(loaded.diagnostics, () => undefined)).toEqual([
      `spec-${folders}/openapi.yaml:1:1 error: the folder no-such-folder allowed for $refs does not exist\n  hint: check the --allow-ref-folder path`,
    ]);
  });
});

describe("the limits as documented", () => {
  it("the project README states the limits the loader applies", () => {
    const readme = readFileSync("README.md", "utf8");
    const section = readme.slice(readme.indexOf("## A spec you do not trust"), readme.indexOf("## Regenerating"));
    expect(section).toContain(
      `At most ${formatBytes(DEFAULT_LOAD_LIMITS.maxFileBytes)} per file; at most ${DEFAULT_LOAD_LIMITS.maxDepth} levels of nested objects and lists; at most ${formatCount(DEFAULT_LOAD_LIMITS.maxValues)} values`,
    );
    expect(section).toContain(`A chain of more than ${MAX_REF_HOPS} \`$ref\`s`);
    expect(section).toContain("--allow-ref-folder <dir>");
  });
});
