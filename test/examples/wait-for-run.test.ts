// examples/wait-for-run.ts run as a program against a run that moves one step per poll: one line
// per change, the queue place while pending, exit codes for the outcome, a timeout and usage.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RUN, startRunProgressServer, TO_COMPLETION, type RunProgressServer } from "../server/run-progress.js";
import { runExample } from "./run-example.js";

let server: RunProgressServer;
beforeEach(async () => {
  server = await startRunProgressServer(TO_COMPLETION);
});
afterEach(() => server.close());

const REPO = `${RUN.owner}/${RUN.repo}`;
const waitFor = (...args: string[]) => runExample("wait-for-run", args, { GITHUB_TOKEN: "test-token", GITHUB_API_URL: server.url });

describe("wait-for-run", () => {
  it("prints each status, with the queue place while pending, and exits 0 for a successful run", async () => {
    const result = await waitFor(REPO, "42", "--interval", "0.01");
    expect(result.stderr).toEqual([]);
    expect(result.stdout).toEqual(["queued", "pending: 2 ahead in group deploy-prod", "in_progress", "completed: success"]);
    expect(result.code).toBe(0);
    expect(server.notModified).toBe(3);
  });

  it("exits 3 for a run that completed without success", async () => {
    server.script = [{ status: "in_progress" }, { status: "completed", conclusion: "failure" }];
    const result = await waitFor(REPO, "42", "--interval", "0.01");
    expect(result.stdout).toEqual(["in_progress", "completed: failure"]);
    expect(result.code).toBe(3);
  });

  it("gives up after --timeout with exit code 1, naming the last status", async () => {
    server.script = [{ status: "queued" }];
    const result = await waitFor(REPO, "42", "--interval", "0.01", "--timeout", "0.005");
    expect(result.stdout).toEqual(["queued"]);
    expect(result.stderr).toEqual([expect.stringMatching(/^wait-for-run: gave up: .*not completed after \d+ polls.*last status queued$/)]);
    expect(result.code).toBe(1);
  });

  it("exits 2 for usage errors", async () => {
    const result = await waitFor(REPO, "not-a-number");
    expect(result.stderr[0]).toBe('wait-for-run: "not-a-number" is not a run id');
    expect(result.code).toBe(2);
    expect((await waitFor(REPO, "42", "--interval", "-1")).code).toBe(2);
  });
});
