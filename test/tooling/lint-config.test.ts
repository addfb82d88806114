// The project's formatter and linter configuration (.prettierrc.mjs, eslint.config.js) does what
// it claims: the runtime is formatted as the generated package formats it, the type-aware rules
// run, and what tools write or tests need odd is left alone.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import { check, getFileInfo, resolveConfig } from "prettier";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const GENERATED = join(ROOT, "generated/src");

describe("prettier", () => {
  // generated/src/{runtime,helpers}/*.ts is the generator's own formatting of generator/runtime/*.ts
  // and generator/helpers/github/*.ts (plus a header line, and the helpers' imports rewritten): the
  // project's options for those folders must leave it as it is, so that generate need not format them.
  it.each([
    ...readdirSync(join(GENERATED, "runtime"))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => [`runtime/${f}`, `generator/runtime/${f}`]),
    ...readdirSync(join(GENERATED, "helpers")).map((f) => [`helpers/${f}`, `generator/helpers/github/${f}`]),
  ])("the options for generated/src/%s's source (%s) keep the generated package's formatting", async (generated, source) => {
    const filepath = join(ROOT, source);
    const options = await resolveConfig(filepath, { editorconfig: false });
    expect(options).not.toBeNull();
    expect(await check(readFileSync(join(GENERATED, generated), "utf8"), { ...options, filepath })).toBe(true);
  });

  it.each([
    "generated/src/index.ts",
    "test/fixtures/hostile/openapi.yaml",
    "spec/openapi.yaml",
    "bench/RESULTS.md",
    "templates/index.ts.hbs",
  ])("leaves %s alone", async (path) => {
    const info = await getFileInfo(join(ROOT, path), { ignorePath: join(ROOT, ".prettierignore") });
    expect(info.ignored).toBe(true);
  });

  // test/spec/ and test/generator/ share a name with ignored root folders (spec/, generated/).
  it.each([
    ["generator/cli.ts", "typescript"],
    ["test/spec/spec-facts.test.ts", "typescript"],
    ["bench/run.ts", "typescript"],
    ["README.md", "markdown"],
    ["bench/package.json", "json-stringify"],
  ])("formats %s", async (path, parser) => {
    const info = await getFileInfo(join(ROOT, path), { ignorePath: join(ROOT, ".prettierignore") });
    expect(info).toEqual({ ignored: false, inferredParser: parser });
  });
});

describe("eslint", () => {
  const eslint = new ESLint({ cwd: ROOT });

  // Paths ending in .ts: ESLint skips other files anyway, so they would prove nothing.
  it.each([
    "generated/src/index.ts",
    "test/fixtures/hostile/x.ts",
    "test/generator/__snapshots__/x.ts",
    "bench/.work/x.ts",
    "bench/node_modules/x/index.ts",
  ])("leaves %s alone", async (path) => expect(await eslint.isPathIgnored(join(ROOT, path))).toBe(true));

  it.each([
    "generator/cli.ts",
    "test/spec/spec-facts.test.ts",
    "test/generator/naming.test.ts",
    "bench/run.ts",
    "generator/bin.mjs",
    "eslint.config.js",
  ])("lints %s", async (path) => expect(await eslint.isPathIgnored(join(ROOT, path))).toBe(false));

  // Building the project's TypeScript program takes 5–10 s of CPU: more than the default timeout on a busy machine.
  it("reports a promise that nobody awaits (type-aware rules run)", { timeout: 120_000 }, async () => {
    // Linted as if it were generator/paths.ts, so that the root tsconfig.json gives it types.
    const code = `export async function save(): Promise<void> {}\nexport function run(): void {\n  save();\n}\n`;
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, "generator/paths.ts") });
    expect(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(["3:3 @typescript-eslint/no-floating-promises"]);
  });
});
