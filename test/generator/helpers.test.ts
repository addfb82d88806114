// emit/helpers.ts: a helper is emitted only for a spec with every operation it calls, its imports
// rewritten to the package being generated, and its exported names reserved.
import { describe, expect, it } from "vitest";
import { HELPERS } from "../../generator/emit/helpers.js";
import { HELPER_MODULES, PACKAGE_NAMES } from "../../generator/model/reserved-names.js";
import { generate } from "../../generator/pipeline.js";

describe("helpers", () => {
  it("are all reserved: the emitter's list and the reserved-names list agree", () => {
    expect(HELPERS.map((h) => h.file)).toEqual(HELPER_MODULES);
    expect(PACKAGE_NAMES.has("waitForRun")).toBe(true);
  });

  it("spec/: waitForRun is emitted, importing the package's own runtime and operation modules, and exported", async () => {
    const { files } = await generate("spec/openapi.yaml", "/nonexistent-output-folder");
    const byPath = new Map(files.map((f) => [f.path, f.contents]));
    const source = byPath.get("src/helpers/wait-for-run.ts")!;
    expect(source).toBeDefined();
    expect(source).not.toContain("generated/src");
    expect(source).toMatch(/from "\.\.\/operations\/workflow-runs\.js";/);
    expect(source).toMatch(/from "\.\.\/operations\/concurrency-groups\.js";/);
    expect(source).toMatch(/from "\.\.\/runtime\/errors\.js";/);
    for (const dist of ["dist/helpers/wait-for-run.js", "dist/helpers/wait-for-run.d.ts", "dist/cjs/helpers/wait-for-run.js"]) {
      expect(byPath.has(dist), dist).toBe(true);
    }
    expect(byPath.get("src/index.ts")).toContain('export * from "./helpers/wait-for-run.js";');
  });

  it("a spec without the operations gets no helper and no export of one", async () => {
    const { files } = await generate("test/fixtures/generality/names/openapi.yaml", "/nonexistent-output-folder");
    expect(files.filter((f) => f.path.includes("helpers/"))).toEqual([]);
    expect(files.find((f) => f.path === "src/index.ts")!.contents).not.toContain("helpers");
  });
});
