// The generated package as a whole: every file matches the committed generated/ folder (which is
// the file snapshot), the model matches its JSON snapshot, and two runs give identical bytes.
import { describe, expect, it } from "vitest";
import { generate, loadModel } from "../../generator/pipeline.js";

const SPEC = "spec/openapi.yaml";
const OUT = "generated";

describe("generated package", async () => {
  const first = await generate(SPEC, OUT);

  it.each(first.files.filter((f) => !f.path.startsWith("dist/")).map((f) => [f.path, f.contents]))(
    "%s matches its snapshot in generated/",
    async (path, contents) => {
      await expect(contents).toMatchFileSnapshot(`../../${OUT}/${path}`);
    },
  );

  it("the model matches its JSON snapshot", async () => {
    const { model } = await loadModel(SPEC);
    await expect(JSON.stringify(model, null, 2) + "\n").toMatchFileSnapshot("__snapshots__/model.json");
  });

  it("is byte-for-byte deterministic", async () => {
    const second = await generate(SPEC, OUT);
    expect(second.files.map((f) => f.path)).toEqual(first.files.map((f) => f.path));
    for (let i = 0; i < first.files.length; i++) expect(second.files[i]!.contents, first.files[i]!.path).toBe(first.files[i]!.contents);
  });

  it("marks every file as generated", () => {
    for (const file of first.files) {
      const marked = file.contents.includes("Do not edit");
      expect(marked, file.path).toBe(true);
    }
  });

  it("exports one function per operation under the contract's names", () => {
    const names = first.model.operations.map((op) => op.name).sort();
    expect(names).toEqual(
      [
        "listWorkflowRunsForRepo",
        "getWorkflowRun",
        "deleteWorkflowRun",
        "getReviewsForRun",
        "approveWorkflowRun",
        "getWorkflowRunAttempt",
        "downloadWorkflowRunAttemptLogs",
        "cancelWorkflowRun",
        "reviewCustomGatesForRun",
        "forceCancelWorkflowRun",
        "downloadWorkflowRunLogs",
        "deleteWorkflowRunLogs",
        "getPendingDeploymentsForRun",
        "reviewPendingDeploymentsForRun",
        "reRunWorkflow",
        "reRunWorkflowFailedJobs",
        "getWorkflowRunUsage",
        "listWorkflowRuns",
        "reRunJobForWorkflowRun",
        "listConcurrencyGroupsForRepository",
        "getConcurrencyGroupForRepository",
        "listConcurrencyGroupsForWorkflowRun",
      ].sort(),
    );
  });
});
