// examples/why-waiting.ts run as a program against the test server: its table, its requests, and
// its exit codes for usage errors, a missing token and an unknown run.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FIXTURES, startGitHubServer, type GitHubServer } from "../server/server.js";
import { runExample } from "./run-example.js";

const { owner, repo, runs, jobs } = FIXTURES.docs;
const REPO = `${owner}/${repo}`;
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

const whyWaiting = (...args: string[]) => runExample("why-waiting", args, env);
const apiRequests = () => server.requests.map((r) => `${r.method} ${r.url}`);

describe("why-waiting", () => {
  it("shows, per group, what is ahead of the run or of its job", async () => {
    const result = await whyWaiting(REPO, String(runs.example));
    expect(result.stderr).toEqual([]);
    expect(result.stdout).toEqual([
      `Run ${runs.example} "Build" (queued) in ${REPO}: 2 concurrency groups.`,
      "",
      "GROUP        ITEM       POSITION  STATUS       AHEAD OF IT",
      `ci-build     job build  2         pending      ${runs.in_progress} CI (in_progress)`,
      `                                               ${runs.queued} CI (pending)`,
      "deploy-prod  run        0         in_progress  nothing: it holds the group",
      "",
      "Waiting behind 2 items in 1 group.",
    ]);
    expect(result.code).toBe(0);
    // The job-level item is asked about with ahead_of_job (ahead_of_run would answer 422).
    const base = `/repos/${owner}/${repo}/actions`;
    expect(apiRequests()).toEqual([
      `GET ${base}/runs/${runs.example}`,
      `GET ${base}/runs/${runs.example}/concurrency_groups?per_page=100`,
      `GET ${base}/concurrency_groups/ci-build?ahead_of_job=${jobs.deploy}`,
      `GET ${base}/concurrency_groups/deploy-prod?ahead_of_run=${runs.example}`,
    ]);
    expect(server.requests.every((r) => r.headers.authorization === "Bearer test-token")).toBe(true);
  });

  it("says so for a group the run is configured for but holds nothing in", async () => {
    const result = await whyWaiting(REPO, String(runs.failedTwoAttempts));
    expect(result.stdout).toEqual([
      `Run ${runs.failedTwoAttempts} "Deploy to production" (completed) in ${REPO}: 2 concurrency groups.`,
      "",
      "GROUP        ITEM  POSITION  STATUS   AHEAD OF IT",
      `deploy-prod  run   1         pending  ${runs.example} Deploy to production (in_progress)`,
      "nightly      -     -         -        nothing queued here",
      "",
      "Waiting behind 1 item in 1 group.",
    ]);
    expect(result.code).toBe(0);
    // The inactive group (GET would be 404) is not asked about.
    expect(apiRequests().filter((r) => r.includes("/concurrency_groups/"))).toEqual([
      `GET /repos/${owner}/${repo}/actions/concurrency_groups/deploy-prod?ahead_of_run=${runs.failedTwoAttempts}`,
    ]);
  });

  it("handles group names that need percent-encoding", async () => {
    const odd = FIXTURES.oddNames;
    const result = await whyWaiting(`${odd.owner}/${odd.repo}`, String(odd.runId));
    expect(result.stderr).toEqual([]);
    expect(result.stdout.slice(2, 6)).toEqual([
      "GROUP               ITEM  POSITION  STATUS   AHEAD OF IT",
      "deploy/prod eu?#..  run   0         pending  nothing: next in line",
      "déploiement ✓       run   0         pending  nothing: next in line",
      "release%2Fv1        run   0         pending  nothing: next in line",
    ]);
    expect(result.stdout.at(-1)).toBe("Nothing is ahead of this run in any of its concurrency groups.");
    expect(
      server.requests.filter((r) => r.route === "GET /repos/{owner}/{repo}/actions/concurrency_groups/{concurrency_group_name}"),
    ).toHaveLength(3);
    expect(result.code).toBe(0);
  });

  it("prints usage for --help, without a token or any request", async () => {
    const result = await runExample("why-waiting", ["--help"], {});
    expect(result.stdout[0]).toBe("Usage: why-waiting <owner>/<repo> <run_id>");
    expect(result.stdout.join("\n")).toContain("GITHUB_TOKEN");
    expect(result.code).toBe(0);
    expect(server.requests).toEqual([]);
  });

  it("exits 2 and says to set GITHUB_TOKEN when it is missing", async () => {
    const result = await runExample("why-waiting", [REPO, String(runs.example)], { GITHUB_API_URL: server.url });
    expect(result.code).toBe(2);
    expect(result.stderr[0]).toMatch(/^why-waiting: GITHUB_TOKEN is not set: set GITHUB_TOKEN to a token/);
    expect(result.stdout).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  it.each([
    [[REPO], "why-waiting: expected <owner>/<repo> <run_id>"],
    [["octo-org", "1"], 'why-waiting: "octo-org" is not <owner>/<repo>'],
    [[REPO, "abc"], 'why-waiting: "abc" is not a run id'],
    [[REPO, "1", "--verbose"], "why-waiting: Unknown option '--verbose'"],
  ])("exits 2 for bad arguments %j", async (args, message) => {
    const result = await whyWaiting(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual([message, "Run `why-waiting --help` for usage."]);
  });

  it("exits 1 with one clear line for a run that does not exist", async () => {
    const result = await whyWaiting(REPO, String(FIXTURES.docs.unknownRunId));
    expect(result.code).toBe(1);
    expect(result.stdout).toEqual([]);
    expect(result.stderr).toEqual([
      `why-waiting: not found: run ${FIXTURES.docs.unknownRunId} in ${REPO} (check the names, and that GITHUB_TOKEN can read the repository)`,
    ]);
  });

  it("exits 1 with one line when GitHub cannot be reached", async () => {
    const result = await runExample("why-waiting", [REPO, "1"], {
      GITHUB_TOKEN: "t",
      GITHUB_API_URL: "http://127.0.0.1:9",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(
      /^why-waiting: cannot reach GitHub: GET http:\/\/127\.0\.0\.1:9\/repos\/octo-org\/octo-repo\/actions\/runs\/1: network error/,
    );
  });
});
