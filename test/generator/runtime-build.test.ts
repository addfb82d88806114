// generator/runtime/built.json holds the runtime's formatted sources and dist/ files, built ahead
// so that a run of the generator does not spend time on them. It must be what a build gives now.
import { describe, expect, it } from "vitest";
import { buildRuntime } from "../../generator/emit/runtime-build.js";
import { prebuiltRuntime, runtimeSources } from "../../generator/emit/runtime-files.js";

describe("the prebuilt runtime", () => {
  it("was built from the runtime's current sources (else: npm run build:runtime)", () => {
    expect(prebuiltRuntime(), "generator/runtime/built.json is missing or stale: run npm run build:runtime").toBeDefined();
  });

  it("holds exactly what a fresh build gives: formatted sources, ESM, CommonJS and declarations", async () => {
    const fresh = await buildRuntime();
    expect(prebuiltRuntime()).toEqual(fresh);
    const sources = runtimeSources().length;
    expect(fresh.filter((f) => f.path.startsWith("src/runtime/"))).toHaveLength(sources);
    for (const suffix of [".js", ".d.ts"]) {
      expect(fresh.filter((f) => /^dist\/runtime\//.test(f.path) && f.path.endsWith(suffix))).toHaveLength(sources);
      expect(fresh.filter((f) => /^dist\/cjs\/runtime\//.test(f.path) && f.path.endsWith(suffix))).toHaveLength(sources);
    }
  });
});
