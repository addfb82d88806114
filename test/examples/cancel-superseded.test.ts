// examples/cancel-superseded.ts run as a program against the test server. In the docs repo, on
// main, CI run 30433641 (#561, in progress) is superseded by CI run 30433646 (#566, queued); the
// queued Build run 30433642 is the only active run of its workflow.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FIXTURES, startGitHubServer, type GitHubServer } from "../server/server.js";
import { runExample } from "./run-example.js";

const { owner, repo, runs } = FIXTURES.docs;
const REPO = `${owner}/${repo}`;
const RUNS = `/repos/${owner}/${repo}/actions/runs`;
let server: GitHubServer;
let env: Record<string, string>;

beforeAll(async () => {
  server = await startGitHubServer();
  env = { GITHUB_TOKEN: "test-token", GITHUB_API_URL: server.url };
});
beforeEach(() => server.reset());
afterAll(async () => {
  await server?.close();
});

const cancelSuperseded = (...args: string[]) => runExample("cancel-superseded", args, env);
const posts = () => server.requests.filter((r) => r.method === "POST").map((r) => `${r.method} ${r.url}`);
const runRecord = (id: number) => server.state.repos.find((r) => r.name === repo)!.runs.find((run) => run.id === id)!;
const SUPERSEDED = `${runs.in_progress} CI #561 (in_progress): superseded by ${runs.queued} CI #566`;

describe("cancel-superseded", () => {
  it("cancels the older active run of a workflow, and only that one", async () => {
    const result = await cancelSuperseded(REPO, "--branch", "main");
    expect(result.stderr).toEqual([]);
    expect(result.stdout).toEqual([
      `Active runs on main in ${REPO}:`,
      "  queued: page 1: 2 runs (2 in total)",
      "  in_progress: page 1: 1 run (1 in total)",
      "3 active runs in 2 workflows; 1 superseded.",
      `Cancelled ${SUPERSEDED}`,
      "Cancelled 1 run.",
    ]);
    expect(result.code).toBe(0);
    expect(posts()).toEqual([`POST ${RUNS}/${runs.in_progress}/cancel`]);
    expect(server.requests.filter((r) => r.method === "GET").map((r) => r.url)).toEqual([
      `${RUNS}?branch=main&status=queued&per_page=100`,
      `${RUNS}?branch=main&status=in_progress&per_page=100`,
    ]);
    expect(runRecord(runs.in_progress)).toMatchObject({ status: "completed", conclusion: "cancelled" });
    expect(runRecord(runs.queued).status).toBe("queued");

    // Run again: nothing left to supersede, nothing posted.
    server.requests.length = 0;
    const again = await cancelSuperseded(REPO, "--branch", "main");
    expect(again.stdout.slice(-2)).toEqual(["2 active runs in 2 workflows; 0 superseded.", "Nothing to cancel."]);
    expect(posts()).toEqual([]);
  });

  it("with --dry-run, prints the same plan and sends no POST", async () => {
    const result = await cancelSuperseded(REPO, "--branch", "main", "--dry-run");
    expect(result.stdout.slice(-2)).toEqual([`Would cancel ${SUPERSEDED}`, "Dry run: 1 run would be cancelled; nothing was changed."]);
    expect(result.code).toBe(0);
    expect(posts()).toEqual([]);
    expect(runRecord(runs.in_progress).status).toBe("in_progress");
  });

  it("reports progress per page", async () => {
    const result = await cancelSuperseded(REPO, "--branch", "main", "--dry-run", "--per-page", "1");
    expect(result.stdout.slice(0, 5)).toEqual([
      `Active runs on main in ${REPO}:`,
      "  queued: page 1: 1 run (2 in total)",
      "  queued: page 2: 1 run (2 in total)",
      "  in_progress: page 1: 1 run (1 in total)",
      "3 active runs in 2 workflows; 1 superseded.",
    ]);
    expect(server.requests.map((r) => r.url)).toEqual([
      `${RUNS}?branch=main&status=queued&per_page=1`,
      `${RUNS}?branch=main&status=queued&per_page=1&page=2`,
      `${RUNS}?branch=main&status=in_progress&per_page=1`,
    ]);
  });

  it("sends its cancels one at a time, at least a second apart on the server's clock (throttled)", async () => {
    // A third active CI run on main, older than both: two runs are now superseded.
    Object.assign(runRecord(runs.completed), { status: "in_progress", conclusion: null });
    const result = await cancelSuperseded(REPO, "--branch", "main");
    expect(result.stdout.at(-1)).toBe("Cancelled 2 runs.");
    const cancels = server.requests.filter((r) => r.method === "POST");
    expect(cancels).toHaveLength(2);
    expect(cancels[1]!.receivedAt - cancels[0]!.receivedAt).toBeGreaterThanOrEqual(1000);
  });

  it("skips, without failing, a run that finished before it could be cancelled (409)", async () => {
    server.faults.add({
      method: "POST",
      path: `${RUNS}/${runs.in_progress}/cancel`,
      fault: { status: 409, message: "Cannot cancel a workflow run that is completed." },
    });
    const result = await cancelSuperseded(REPO, "--branch", "main");
    expect(result.stdout.slice(-2)).toEqual([
      `Skipped ${runs.in_progress} CI #561: it finished before it could be cancelled`,
      "Cancelled 0 runs.",
    ]);
    expect(result.code).toBe(0);
    // A POST is never retried.
    expect(posts()).toEqual([`POST ${RUNS}/${runs.in_progress}/cancel`]);
  });

  it("finds nothing on a branch without active runs", async () => {
    const result = await cancelSuperseded(REPO, "--branch", "no-such-branch");
    expect(result.stdout).toEqual([
      `Active runs on no-such-branch in ${REPO}:`,
      "  queued: page 1: 0 runs (0 in total)",
      "  in_progress: page 1: 0 runs (0 in total)",
      "0 active runs in 0 workflows; 0 superseded.",
      "Nothing to cancel.",
    ]);
    expect(result.code).toBe(0);
  });

  it("prints usage for --help, without a token or any request", async () => {
    const result = await runExample("cancel-superseded", ["--help"], {});
    expect(result.stdout[0]).toBe("Usage: cancel-superseded <owner>/<repo> --branch <branch> [--dry-run] [--per-page <n>]");
    expect(result.code).toBe(0);
    expect(server.requests).toEqual([]);
  });

  it("exits 2 and says to set GITHUB_TOKEN when it is missing, before any request", async () => {
    const result = await runExample("cancel-superseded", [REPO, "--branch", "main"], { GITHUB_API_URL: server.url });
    expect(result.code).toBe(2);
    expect(result.stderr[0]).toMatch(/^cancel-superseded: GITHUB_TOKEN is not set: set GITHUB_TOKEN/);
    expect(server.requests).toEqual([]);
  });

  it.each([
    [[REPO], "cancel-superseded: --branch <branch> is required"],
    [["--branch", "main"], "cancel-superseded: expected one <owner>/<repo>"],
    [[REPO, "--branch"], "cancel-superseded: Option '--branch <value>' argument missing"],
    [[REPO, "--branch", "main", "--per-page", "500"], "cancel-superseded: --per-page must be a whole number from 1 to 100"],
  ])("exits 2 for bad arguments %j", async (args, message) => {
    const result = await cancelSuperseded(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual([message, "Run `cancel-superseded --help` for usage."]);
  });

  it("exits 1 with one clear line for a repository that does not exist", async () => {
    const result = await cancelSuperseded(`${owner}/no-such-repo`, "--branch", "main");
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([
      `cancel-superseded: not found: repository ${owner}/no-such-repo (check the names, and that GITHUB_TOKEN can read the repository)`,
    ]);
    expect(posts()).toEqual([]);
  });
});
