// Proof that the tests do not hard-code spec/'s current values: a copy of the repository gets a
// legitimate spec change (one value added to, one removed from the `status` parameter's enum, as
// GitHub's API does now and then), is regenerated, and then only the spec's own checks fail:
// the facts test and the drift check. Every test that reads spec/ or generated/ (the change
// report, regeneration, the gate, the generated-package snapshots, the integration tests against
// the generated client) still passes. Slow (a regeneration and a vitest run in the copy), so it
// runs with `npm run test:scale`, which CI runs after `npm test`.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const copy = mkdtempSync(join(tmpdir(), "spec-change-"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** Bounds each child: a hung one fails the test instead of holding CI. */
const CHILD_TIMEOUT_MS = 600_000;
const run = (args: readonly string[]) =>
  spawnSync(args[0]!, args.slice(1), { cwd: copy, encoding: "utf8", timeout: CHILD_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });

const PARAMS = "spec/components/parameters.yaml";
/** Tests that read spec/ or generated/, and must not care what values the spec has today. */
const INDEPENDENT = [
  "test/changes/changes.test.ts",
  "test/cli/regeneration.test.ts",
  "test/cli/gate.test.ts",
  "test/generator/generate.test.ts",
  "test/integration/operations.test.ts",
  "test/integration/pagination.test.ts",
];
const FACTS = "test/spec/spec-facts.test.ts";

interface VitestReport {
  readonly testResults: readonly {
    readonly name: string;
    readonly assertionResults: readonly { readonly fullName: string; readonly status: string }[];
  }[];
}

beforeAll(() => {
  // The files git tracks, as they are in the work tree now; node_modules shared through a symlink.
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(ROOT, file), join(copy, file));
  }
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  const yaml = readFileSync(join(copy, PARAMS), "utf8");
  const edited = yaml
    .replace("      - stale\n", "")
    .replace("      - pending\n\ncreated:", "      - pending\n      - startup_failure\n\ncreated:");
  expect(edited.length).toBe(yaml.length - "      - stale\n".length + "      - startup_failure\n".length);
  writeFileSync(join(copy, PARAMS), edited);
  const generate = run([process.execPath, "generator/bin.mjs"]);
  expect(generate.stderr).toBe("");
  expect(generate.status).toBe(0);
  expect(generate.stdout).toContain("BREAKING    listWorkflowRunsForRepo: enum value `stale` removed (param status)");
}, CHILD_TIMEOUT_MS);

describe("a legitimate spec change in a copy of the repository", () => {
  it(
    "fails the facts test on the two operations' parameters, and nothing else",
    () => {
      const reportFile = join(copy, "vitest-report.json");
      run([
        process.execPath,
        "node_modules/vitest/vitest.mjs",
        "run",
        "--reporter=json",
        `--outputFile=${reportFile}`,
        FACTS,
        ...INDEPENDENT,
      ]);
      const report = JSON.parse(readFileSync(reportFile, "utf8")) as VitestReport;
      const results = report.testResults.flatMap((file) =>
        file.assertionResults.map((test) => ({ file: file.name.slice(copy.length + 1), name: test.fullName, status: test.status })),
      );
      const ran = new Set(results.map((r) => r.file));
      expect([...ran].sort()).toEqual([FACTS, ...INDEPENDENT].sort());
      expect(results.filter((r) => r.file !== FACTS && r.status !== "passed")).toEqual([]);
      const failed = results.filter((r) => r.status === "failed").map((r) => r.name.replace(/'/g, "").replace(/ \(.*?\) /, " "));
      expect(failed.sort()).toEqual([
        "listWorkflowRuns has exactly the documented parameters (name, in, type, required, enum, default)",
        "listWorkflowRunsForRepo has exactly the documented parameters (name, in, type, required, enum, default)",
      ]);
      expect(results.filter((r) => r.file !== FACTS).length).toBeGreaterThan(100);
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    "fails the drift check, naming both values",
    () => {
      const drift = run([process.execPath, "node_modules/tsx/dist/cli.mjs", "generator/drift/cli.ts"]);
      expect(drift.status).toBe(1);
      expect(drift.stdout + drift.stderr).toContain("startup_failure");
      expect(drift.stdout + drift.stderr).toContain("stale");
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    "leaves generate --check passing once regenerated",
    () => {
      const check = run([process.execPath, "generator/bin.mjs", "--check"]);
      expect(check.stderr).toBe("");
      expect(check.status).toBe(0);
    },
    CHILD_TIMEOUT_MS,
  );
});
