// Regeneration after a spec change, through the real CLI: the change report, the version bump,
// CHANGELOG.md, --fail-on-breaking, and --check noticing stale, missing and orphaned files.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const work = mkdtempSync(join(tmpdir(), "regen-"));
cpSync("spec", join(work, "spec"), { recursive: true });
cpSync("generated", join(work, "generated"), { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const params = join(work, "spec/components/parameters.yaml");
const out = join(work, "generated");
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ["generator/bin.mjs", "--spec", join(work, "spec/openapi.yaml"), "--out", out, ...args], {
    encoding: "utf8",
  });
const editStatuses = (edit: (yaml: string) => string) => writeFileSync(params, edit(readFileSync(params, "utf8")));
const version = () => (JSON.parse(readFileSync(join(out, "package.json"), "utf8")) as { version: string }).version;

// A released 1.x package, whatever version generated/ is at now (0.x bumps are unit-tested in test/changes).
const start = "1.4.2";
const pkgPath = join(out, "package.json");
writeFileSync(pkgPath, readFileSync(pkgPath, "utf8").replace(/"version": "[^"]*"/, `"version": "${start}"`));

describe("regenerating after a spec change", () => {
  it("an added enum value is an addition: minor bump, report, CHANGELOG section", () => {
    editStatuses((yaml) => yaml.replace("      - pending\n", "      - pending\n      - startup_failure\n"));
    const run = cli();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("added     listWorkflowRunsForRepo: enum value `startup_failure` added (param status)");
    const [major, minor] = start.split(".").map(Number);
    expect(version()).toBe(`${major}.${minor! + 1}.0`);
    expect(readFileSync(join(out, "CHANGELOG.md"), "utf8")).toContain(`## ${version()} — 2 additions`);
    expect(cli("--check").status).toBe(0);
  }, 120_000);

  it("a removed enum value is breaking: --fail-on-breaking exits 1 and writes nothing", () => {
    const before = readFileSync(join(out, "src/types.ts"), "utf8");
    const previous = version();
    editStatuses((yaml) => yaml.replace("      - stale\n", ""));
    const run = cli("--fail-on-breaking");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("BREAKING  listWorkflowRuns: enum value `stale` removed (param status)");
    expect(version()).toBe(previous);
    expect(readFileSync(join(out, "src/types.ts"), "utf8")).toBe(before);
    expect(cli("--check").status).toBe(1);
  }, 120_000);

  it("without the flag, a breaking change bumps the major version, newest section first", () => {
    expect(cli().status).toBe(0);
    const [major] = start.split(".").map(Number);
    expect(version()).toBe(`${major! + 1}.0.0`);
    const changelog = readFileSync(join(out, "CHANGELOG.md"), "utf8");
    expect(changelog.indexOf(`## ${major! + 1}.0.0`)).toBeLessThan(changelog.indexOf("additions"));
    expect(changelog).toContain("- **breaking** listWorkflowRuns: enum value `stale` removed (param status)");
  }, 120_000);

  it("--check lists stale, missing and orphaned files and exits 1", () => {
    writeFileSync(join(out, "src/index.ts"), "// edited by hand\n");
    unlinkSync(join(out, "README.md"));
    // Orphaned: listed in the manifest as written by an earlier run, and no longer generated.
    writeFileSync(join(out, "src/leftover.ts"), "export {};\n");
    const manifest = join(out, ".generated-files.json");
    writeFileSync(manifest, readFileSync(manifest, "utf8").replace('"src/index.ts",', '"src/index.ts",\n    "src/leftover.ts",'));
    const run = cli("--check");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("stale: src/index.ts");
    expect(run.stderr).toContain("missing: README.md");
    expect(run.stderr).toContain("orphaned: src/leftover.ts");
    expect(cli().status).toBe(0);
    expect(existsSync(join(out, "src/leftover.ts"))).toBe(false);
    expect(cli("--check").status).toBe(0);
  }, 120_000);
});
