// Regeneration after a spec change, through the real CLI, on a copy of the frozen change fixture:
// the change report, the version counted from the last release, the CHANGELOG's unreleased
// section and `--release`, --fail-on-breaking, and --check printing the pending report and
// noticing stale, missing and orphaned files.
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addValue, editSpec, memberStatus, removeValue, resetSpec, runStatusParam } from "./change-fixture.js";
import { CLI_TIMEOUT_MS, runCli, snapshotTree } from "./run-cli.js";

const work = mkdtempSync(join(tmpdir(), "regen-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const spec = join(work, "openapi.json");
const out = join(work, "client");
const cli = (args: readonly string[] = [], env: Record<string, string> = {}) => runCli(["--spec", spec, "--out", out, ...args], { env });
const read = (name: string) => readFileSync(join(out, name), "utf8");
const version = () => (JSON.parse(read("package.json")) as { version: string }).version;
/** 2025-12-04T00:00:00Z: a release date that does not depend on the day the test runs. */
const EPOCH = { SOURCE_DATE_EPOCH: "1764806400" };

let released: Record<string, string>;

// A package released as 1.4.2 (0.x bumps are unit-tested in test/changes): the first run makes the
// baseline, the record is marked released at 1.4.2, and a second run writes that version out.
beforeAll(async () => {
  resetSpec(spec);
  expect((await cli()).status).toBe(0);
  writeFileSync(
    join(out, "api-surface.json"),
    read("api-surface.json").replace(/"released": \{[^}]*\}/, '"released": {"version":"1.4.2"}'),
  );
  expect((await cli()).status).toBe(0);
  expect(version()).toBe("1.4.2");
  released = snapshotTree(out);
}, CLI_TIMEOUT_MS);

describe("regenerating after spec changes, before and after a release", () => {
  it(
    "an added enum value is an addition: minor bump, report, unreleased CHANGELOG section; --check prints it",
    async () => {
      editSpec(spec, (doc) => addValue(runStatusParam(doc), "startup_failure"));
      const run = await cli();
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("API changes since 1.4.2 → 1.5.0 (unreleased): 2 additions\n");
      expect(run.stdout).toContain("  added       listWorkflowRunsForRepo: enum value `startup_failure` added (param status)\n");
      expect(version()).toBe("1.5.0");
      expect(read("CHANGELOG.md")).toContain("## 1.5.0 — unreleased — 2 additions\n");
      const check = await cli(["--check"]);
      expect(check.status).toBe(0);
      expect(check.stdout).toContain("API changes since 1.4.2 → 1.5.0 (unreleased): 2 additions\n");
      expect(check.stdout).toContain("up to date: ");
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a response enum value added before the release: reported in its own class, no second bump",
    async () => {
      editSpec(spec, (doc) => addValue(memberStatus(doc), "queued"));
      const run = await cli();
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("API changes since 1.4.2 → 1.5.0 (unreleased): 1 that may break exhaustive handling, 2 additions\n");
      expect(run.stdout).toContain(
        "  EXHAUSTIVE  getConcurrencyGroupForRepository: enum value `queued` added (response field group_members[].status)\n",
      );
      expect(version()).toBe("1.5.0");
      const changelog = read("CHANGELOG.md");
      expect(changelog.match(/^## /gm)).toHaveLength(1);
      expect(changelog).toContain(
        "- **may break exhaustive handling** getConcurrencyGroupForRepository: enum value `queued` added (response field group_members[].status)",
      );
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "the additions reverted before a release: the output is byte for byte the released one",
    async () => {
      resetSpec(spec);
      const run = await cli();
      expect(run.status).toBe(0);
      expect(run.stdout).not.toContain("API changes");
      expect(snapshotTree(out)).toEqual(released);
      expect(version()).toBe("1.4.2");
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a removed enum value is breaking: --fail-on-breaking exits 1 and writes nothing",
    async () => {
      editSpec(spec, (doc) => removeValue(runStatusParam(doc), "stale"));
      const run = await cli(["--fail-on-breaking"]);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain("API changes since the last generation: 2 breaking changes\n");
      expect(run.stdout).toContain("  BREAKING    listWorkflowRuns: enum value `stale` removed (param status)\n");
      expect(run.stderr).toBe("breaking API change (--fail-on-breaking): nothing was written.\n");
      expect(snapshotTree(out)).toEqual(released);
      expect((await cli(["--check"])).status).toBe(1);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "--release dates the section, and the next version counts from it",
    async () => {
      expect((await cli()).status).toBe(0);
      expect(version()).toBe("2.0.0");
      expect(read("CHANGELOG.md")).toContain("## 2.0.0 — unreleased — 2 breaking changes\n");
      const release = await cli(["--release"], EPOCH);
      expect(release.status).toBe(0);
      expect(release.stdout).toContain("API changes since 1.4.2 → 2.0.0, released 2025-12-04: 2 breaking changes\n");
      expect(release.stdout).toContain("released 2.0.0\n");
      expect(read("CHANGELOG.md")).toContain("## 2.0.0 — 2025-12-04 — 2 breaking changes\n");
      expect(read("CHANGELOG.md")).not.toContain("— unreleased —");
      expect(read("api-surface.json")).toContain('"released": {"version":"2.0.0","date":"2025-12-04"}');
      const check = await cli(["--check"]);
      expect(check.status).toBe(0);
      expect(check.stdout).toContain("API unchanged since 2.0.0 (released 2025-12-04)\n");
      const again = await cli(["--release"], EPOCH);
      expect(again.stdout).toContain("nothing to release: version stays 2.0.0\n");
      editSpec(spec, (doc) => addValue(runStatusParam(doc), "startup_failure"));
      expect((await cli()).status).toBe(0);
      expect(version()).toBe("2.1.0");
      const changelog = read("CHANGELOG.md");
      expect(changelog.indexOf("## 2.1.0 — unreleased — 2 additions")).toBeLessThan(changelog.indexOf("## 2.0.0 — 2025-12-04"));
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a bad SOURCE_DATE_EPOCH, or --release with --check, is a usage error and writes nothing",
    async () => {
      const before = snapshotTree(out);
      const bad = await cli(["--release"], { SOURCE_DATE_EPOCH: "yesterday" });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (up to 9999-12-31), not "yesterday"');
      const both = await cli(["--release", "--check"], EPOCH);
      expect(both.status).toBe(2);
      expect(both.stderr).toContain("--release writes the release; it cannot go with --check");
      expect(snapshotTree(out)).toEqual(before);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "--check lists stale, missing and orphaned files and exits 1",
    async () => {
      writeFileSync(join(out, "src/index.ts"), "// edited by hand\n");
      unlinkSync(join(out, "README.md"));
      // Orphaned: listed in the manifest as written by an earlier run, and no longer generated.
      writeFileSync(join(out, "src/leftover.ts"), "export {};\n");
      const manifest = join(out, ".generated-files.json");
      writeFileSync(manifest, readFileSync(manifest, "utf8").replace('"src/index.ts",', '"src/index.ts",\n    "src/leftover.ts",'));
      const run = await cli(["--check"]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("stale: src/index.ts");
      expect(run.stderr).toContain("missing: README.md");
      expect(run.stderr).toContain("orphaned: src/leftover.ts");
      expect((await cli()).status).toBe(0);
      expect(existsSync(join(out, "src/leftover.ts"))).toBe(false);
      expect((await cli(["--check"])).status).toBe(0);
    },
    CLI_TIMEOUT_MS,
  );
});
