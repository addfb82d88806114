// Scale: GitHub's full official description (1,200+ operations, OpenAPI 3.0.3, 13 MB) generates a
// package that type-checks in strict mode under TypeScript 5.9 and 7, with pagination inferred.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { format } from "prettier";
import { afterAll, describe, expect, it } from "vitest";
import { PRETTIER_OPTIONS } from "../../generator/emit/layout/style.js";

const SPEC = "node_modules/@octokit/openapi/generated/api.github.com.json";
const out = mkdtempSync(join(tmpdir(), "gh-full-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const compilers = { "TypeScript 5.9": "node_modules/typescript/bin/tsc", "TypeScript 7": "node_modules/typescript7/bin/tsc" };

describe("the full GitHub description", () => {
  it("generates", () => {
    const stdout = execFileSync(process.execPath, ["generator/bin.mjs", "--spec", SPEC, "--out", out], { encoding: "utf8" });
    const operations = Number(/^(\d+) operations/.exec(stdout)?.[1]);
    expect(operations).toBeGreaterThan(1200);
    writeFileSync(
      join(out, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "es2022",
          module: "nodenext",
          moduleResolution: "nodenext",
          lib: ["es2022", "dom"],
          types: [],
        },
        include: ["src"],
      }),
    );
  }, 240_000);

  it("infers pagination for its list operations", async () => {
    const actions = await import(join(out, "dist/operations/actions.js"));
    expect(actions.listWorkflowRunsForRepo.spec.pagination).toEqual({ style: "page", itemsKey: "workflow_runs" });
    expect(actions.listRepoWorkflows.spec.pagination).toEqual({ style: "page", itemsKey: "workflows" });
    const repos = await import(join(out, "dist/operations/repos.js"));
    expect(repos.reposListForOrg.spec.pagination).toEqual({ style: "page", itemsKey: null });
    expect(repos.reposGet.spec.pagination).toBeUndefined();
  });

  it("prints its modules in prettier's layout: prettier changes none of them", async () => {
    const printed = [
      "README.md",
      "package.json",
      "src/index.ts",
      "src/pagination.ts",
      "src/schemas.ts",
      ...readdirSync(join(out, "src/operations")).map((f) => `src/operations/${f}`),
      ...readdirSync(join(out, "dist/operations"))
        .filter((f) => f.endsWith(".d.ts"))
        .map((f) => `dist/operations/${f}`),
    ];
    expect(printed.length).toBeGreaterThan(90);
    const changed = [];
    for (const path of printed) {
      const text = readFileSync(join(out, path), "utf8");
      const parser = path.endsWith(".md") ? "markdown" : path.endsWith(".json") ? "json" : "typescript";
      if ((await format(text, { parser, ...PRETTIER_OPTIONS })) !== text) changed.push(path);
    }
    expect(changed).toEqual([]);
  }, 240_000);

  it.each(Object.entries(compilers))(
    "type-checks with --strict under %s",
    (_name, tsc) => {
      const run = () => execFileSync(process.execPath, [join(process.cwd(), tsc), "-p", out], { encoding: "utf8", stdio: "pipe" });
      expect(run).not.toThrow();
    },
    240_000,
  );
});
