// `--fail-on-breaking --base <ref>` in a scratch git repository: a pull request that changes the
// spec, regenerates and commits the output is still compared with the target branch's committed
// output, so a breaking change fails the gate with the report, and a response enum addition is
// reported in its own class without failing it. Hostile refs are refused before git sees them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addValue, editSpec, memberStatus, removeParamRef, resetSpec } from "./change-fixture.js";
import { CLI_TIMEOUT_MS, runCli, snapshotTree } from "./run-cli.js";

const repo = mkdtempSync(join(tmpdir(), "gate-"));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const spec = join(repo, "api/openapi.json");
const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" }).trim();
// Paths relative to the repository, as a CI job passes them.
const cli = (...args: string[]) => runCli(["--spec", "api/openapi.json", "--out", "client", ...args], { cwd: repo });
const commitAll = (message: string) => {
  git("add", "-A");
  git("commit", "-q", "-m", message);
  return git("rev-parse", "HEAD");
};

let main: string;

beforeAll(async () => {
  git("init", "-q", "-b", "main");
  git("config", "user.email", "test@example.invalid");
  git("config", "user.name", "test");
  git("config", "commit.gpgsign", "false");
  execFileSync("mkdir", ["-p", join(repo, "api")]);
  resetSpec(spec);
  expect((await cli()).status).toBe(0);
  main = commitAll("the client as released");
  git("checkout", "-q", "-b", "pull-request");
}, CLI_TIMEOUT_MS);

describe("--fail-on-breaking --base <ref>", () => {
  it(
    "a breaking change, regenerated and committed, still fails against the target branch, with the report",
    async () => {
      editSpec(spec, (doc) => removeParamRef(doc, "/repos/{owner}/{repo}/actions/runs", "#/components/parameters/actor"));
      expect((await cli()).status).toBe(0);
      commitAll("drop the actor parameter");
      // Against its own committed output, the pull request looks clean: that is why --base exists.
      expect((await cli("--check", "--fail-on-breaking")).status).toBe(0);
      const before = snapshotTree(join(repo, "client"));
      const gate = await cli("--check", "--fail-on-breaking", "--base", "main");
      expect(gate.status).toBe(1);
      expect(gate.stdout).toContain(`API changes since main (${main.slice(0, 12)}): 1 breaking change\n`);
      expect(gate.stdout).toContain("  BREAKING    listWorkflowRunsForRepo: param `actor` removed (query, string)\n");
      expect(gate.stderr).toBe("breaking API change (--fail-on-breaking)\n");
      const write = await cli("--fail-on-breaking", "--base", main);
      expect(write.status).toBe(1);
      expect(write.stderr).toBe("breaking API change (--fail-on-breaking): nothing was written.\n");
      expect(snapshotTree(join(repo, "client"))).toEqual(before);
      // Once that output is the target branch, the same pull request passes.
      expect((await cli("--check", "--fail-on-breaking", "--base", "HEAD")).status).toBe(0);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a response enum value added is reported in its own class and does not fail the gate",
    async () => {
      git("checkout", "-q", "-B", "pull-request", main);
      resetSpec(spec);
      editSpec(spec, (doc) => addValue(memberStatus(doc), "queued"));
      expect((await cli()).status).toBe(0);
      commitAll("a new member status");
      const gate = await cli("--check", "--fail-on-breaking", "--base", "main");
      expect(gate.stdout).toContain(`API changes since main (${main.slice(0, 12)}): 1 that may break exhaustive handling\n`);
      expect(gate.stdout).toContain(
        "  EXHAUSTIVE  getConcurrencyGroupForRepository: enum value `queued` added (response field group_members[].status)\n",
      );
      expect(gate.status).toBe(0);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a base without a surface record (a new output) has nothing to compare",
    async () => {
      const empty = git("commit-tree", git("hash-object", "-t", "tree", "-w", "/dev/null"), "-m", "empty");
      const gate = await cli("--check", "--fail-on-breaking", "--base", empty);
      expect(gate.status).toBe(0);
      expect(gate.stdout).toContain(
        `API changes since ${empty} (${empty.slice(0, 12)}): none recorded there (a new output), nothing to compare\n`,
      );
    },
    CLI_TIMEOUT_MS,
  );

  it.each([
    ["-c", "the ref \"-c\" starts with '-'"],
    ["--output=/tmp/x", "the ref \"--output=/tmp/x\" starts with '-'"],
    ["main:client/api-surface.json", "the ref \"main:client/api-surface.json\" contains ':'"],
    ["main extra", 'the ref "main extra" contains a space, a control character or a non-ASCII character'],
    ["x".repeat(300), "is longer than 256 characters"],
    ["no-such-branch", '"no-such-branch" names no commit here (with actions/checkout, fetch it: fetch-depth: 0)'],
    ["", 'the ref "" is empty'],
  ])(
    "--base %j is refused with exit 2, writing nothing",
    async (ref, message) => {
      const before = snapshotTree(join(repo, "client"));
      const run = await cli("--fail-on-breaking", `--base=${ref}`);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr.split("\n")[0]).toMatch(/^error: --base: /);
      expect(snapshotTree(join(repo, "client"))).toEqual(before);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "finds the output's record from a subfolder of the repository, as from its root",
    async () => {
      const fromRoot = await cli("--check", "--fail-on-breaking", "--base", main);
      const fromSubfolder = await runCli(
        ["--spec", "openapi.json", "--out", "../client", "--check", "--fail-on-breaking", "--base", main],
        {
          cwd: join(repo, "api"),
        },
      );
      const report = (stdout: string) => stdout.replace(/, [\d.]+ s\n$/, "");
      expect(report(fromSubfolder.stdout)).toBe(report(fromRoot.stdout));
      expect(fromSubfolder.stdout).toContain(`API changes since ${main} (${main.slice(0, 12)}): `);
      expect([fromSubfolder.status, fromSubfolder.stderr]).toEqual([fromRoot.status, fromRoot.stderr]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "an output folder outside the repository is refused with exit 2, not compared with nothing",
    async () => {
      const outside = mkdtempSync(join(tmpdir(), "gate-outside-"));
      try {
        const run = await runCli(["--spec", "api/openapi.json", "--out", outside, "--fail-on-breaking", "--base", main], { cwd: repo });
        expect(run.stderr).toBe(
          `error: --base: the output folder ${outside} is not inside this git repository (${repo}); run from the repository that holds it\n`,
        );
        expect(run.status).toBe(2);
        expect(snapshotTree(outside)).toEqual({});
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a base whose record is not one is an error, not a pass",
    async () => {
      git("checkout", "-q", "-B", "broken", main);
      execFileSync("sh", ["-c", "echo '{\"operations\": 3}' > client/api-surface.json"], { cwd: repo });
      const broken = commitAll("a broken record");
      git("checkout", "-q", "pull-request");
      const run = await cli("--check", "--fail-on-breaking", "--base", broken);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(
        `client/api-surface.json at ${broken} (${broken.slice(0, 12)}) is not a surface record the generator can read`,
      );
    },
    CLI_TIMEOUT_MS,
  );
});
