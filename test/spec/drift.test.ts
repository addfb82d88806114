// The drift check (`npm run spec:drift`) as a user meets it: a child process on spec/, and on
// copies of spec/ whose deviations file was changed the ways a careless edit changes it.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";

const ROOT = resolve(import.meta.dirname, "../..");
const CLI = join(ROOT, "generator/drift/cli.ts");
const scratch = mkdtempSync(join(tmpdir(), "spec-drift-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function drift(args: string[]): { code: number | null; out: string } {
  const run = spawnSync(process.execPath, ["--import", "tsx", CLI, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

let copies = 0;
/** A copy of spec/ whose deviations.yaml is `edit(original text)`; returns its root file. */
function specWith(edit: (text: string) => string): string {
  const dir = join(scratch, `spec-${++copies}`);
  cpSync(join(ROOT, "spec"), dir, { recursive: true });
  const file = join(dir, "deviations.yaml");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  return join(dir, "openapi.yaml");
}

/** The deviations file with the entry whose `at` is `anchor` changed by `change` (which may delete it). */
function editEntry(anchor: string, change: (entries: YAMLSeq, index: number) => void) {
  return (text: string): string => {
    const doc = parseDocument(text);
    const entries = doc.get("deviations") as YAMLSeq;
    const index = entries.items.findIndex((item) => isMap(item) && item.get("at") === anchor);
    if (index < 0) throw new Error(`no deviation at ${anchor}`);
    change(entries, index);
    return doc.toString();
  };
}

describe("npm run spec:drift", () => {
  it("passes on spec/: every difference is a reviewed deviation with a reason", () => {
    const result = drift([]);
    expect(result.out).toMatch(/against @octokit\/openapi 23\.0\.2/);
    expect(result.out).toMatch(/\d+ differences: (\d+) accepted by deviations, 0 not listed; 0 problem\(s\) in the deviations file\. OK/);
    expect(result.code).toBe(0);
  });

  it("fails when one entry, or one place of a grouped entry, is deleted, printing those differences per operation", () => {
    const deleteEntry = editEntry("git-user.email", (entries, i) => entries.items.splice(i, 1));
    const result = drift(["--spec", specWith((text) => deleteEntry(text).replace("      - parameter job-id\n", ""))]);
    expect(result.code).toBe(1);
    expect(result.out).toContain("not listed in the deviations file:");
    // head_commit.author and .committer, in each of the 4 operations that return a workflow run.
    expect(result.out).toMatch(/^actions\/get-workflow-run \(2\)$/m);
    expect(result.out).toMatch(
      /^ {2}response 200 body\.head_commit\.author\.email +format +spec: null +upstream: "email" +\[at: git-user\.email\]$/m,
    );
    expect(result.out.match(/\[at: git-user\.email\]/g)).toHaveLength(8);
    expect(result.out).toMatch(
      /^actions\/re-run-job-for-workflow-run \(1\)\n {2}parameter job_id +format +spec: null +upstream: "int64" +\[at: parameter job-id\]$/m,
    );
    expect(result.out).toMatch(/, 9 not listed; 0 problem/);
  });

  it("fails on stale entries, at their line and column: one that matches nothing, one whose values changed", () => {
    const stale = `  - at: workflow-run.head_repository_id\n    aspect: presence\n    spec: absent\n    upstream: present\n    reason: The docs do not show it.\n`;
    const changeValue = editEntry("git-user.email", (entries, i) => (entries.items[i] as YAMLMap).set("upstream", "idn-email"));
    const result = drift(["--spec", specWith((text) => `${changeValue(text)}\n${stale}`)]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      /deviations\.yaml:\d+:9 error: stale deviation: workflow-run\.head_repository_id \(presence\) no longer differs from upstream\n {2}hint: remove it/,
    );
    expect(result.out).toMatch(
      /deviations\.yaml:\d+:9 error: stale deviation: git-user\.email \(format\) is listed with spec null, upstream "idn-email", but now spec has null, upstream "email"/,
    );
    // The changed entry no longer accepts the current difference either.
    expect(result.out).toMatch(/, 8 not listed; 2 problem/);
  });

  it("exits 2 on usage errors and 1 on an upstream file that is not a description", () => {
    const usage = drift(["--sepc", "x"]);
    expect(usage.code).toBe(2);
    expect(usage.out).toMatch(/usage: spec-drift/);
    const notJson = join(scratch, "not-openapi.json");
    writeFileSync(notJson, JSON.stringify({ openapi: "3.0.3" }));
    const bad = drift(["--upstream", notJson]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/cannot read the published description .*not-openapi\.json: .* is not an OpenAPI description \(no `paths`\)/);
    // An operation upstream no longer has is one difference, under its name.
    const empty = join(scratch, "empty.json");
    writeFileSync(empty, JSON.stringify({ openapi: "3.0.3", paths: {} }));
    const gone = drift(["--upstream", empty]);
    expect(gone.code).toBe(1);
    expect(gone.out).toMatch(
      /^actions\/get-workflow-run \(1\)\n {2}operation +presence +spec: "present" +upstream: "absent" +\[at: actions\/get-workflow-run operation\]$/m,
    );
    expect(gone.out).toMatch(/, 22 not listed; \d+ problem/);
    // A broken ref upstream is named, with no stack trace.
    const dangling = join(scratch, "dangling.json");
    const broken = { operationId: "actions/get-workflow-run", responses: { "200": { $ref: "#/components/responses/gone" } } };
    writeFileSync(
      dangling,
      JSON.stringify({ openapi: "3.0.3", paths: { "/repos/{owner}/{repo}/actions/runs/{run_id}": { get: broken } } }),
    );
    const failed = drift(["--upstream", dangling]);
    expect(failed.code).toBe(1);
    expect(failed.out).toBe('spec drift: cannot compare: $ref "#/components/responses/gone" points to nothing\n');
  });
});

describe("deviations file of spec/", () => {
  it("gives every entry a reason of at least a sentence", () => {
    const doc = parseDocument(readFileSync(join(ROOT, "spec/deviations.yaml"), "utf8"));
    const entries = doc.get("deviations");
    expect(isSeq(entries)).toBe(true);
    for (const item of (entries as YAMLSeq).items) {
      const reason = isMap(item) ? item.get("reason") : undefined;
      expect(typeof reason === "string" ? reason.length : 0, JSON.stringify(item)).toBeGreaterThan(40);
    }
  });
});
