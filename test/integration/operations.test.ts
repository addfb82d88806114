// Every one of the 22 generated functions, called over real HTTP against the GitHub-like server.
// The server validates what it receives like GitHub would; the test asserts the exact request.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGitHubServer, FIXTURES, type GitHubServer } from "../server/server.js";
import * as client from "../../generated/src/index.js";

const { owner, repo } = FIXTURES.docs;
const runs = FIXTURES.docs.runs;
const TOKEN = "ghs_integrationTestToken123";
const WORKFLOW_RUNS = "2022-11-28";
const GROUPS = "2026-03-10";
const base = `/repos/${owner}/${repo}/actions`;

let server: GitHubServer;
let gh: client.Client;
beforeAll(async () => {
  server = await startGitHubServer();
  gh = client.createClient({ token: TOKEN, baseUrl: server.url, userAgent: "integration-test/1.0" });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

interface Case {
  readonly call: () => Promise<{ status: number; data: unknown; headers: object }>;
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly body?: unknown;
  readonly version: string;
}

const cases: Record<string, Case> = {
  listWorkflowRunsForRepo: {
    call: () => client.listWorkflowRunsForRepo(gh, { owner, repo, status: "queued", exclude_pull_requests: true, per_page: 5 }),
    status: 200,
    method: "GET",
    path: `${base}/runs`,
    query: { status: "queued", exclude_pull_requests: "true", per_page: "5" },
    version: WORKFLOW_RUNS,
  },
  getWorkflowRun: {
    call: () => client.getWorkflowRun(gh, { owner, repo, run_id: runs.example, exclude_pull_requests: false }),
    status: 200,
    method: "GET",
    path: `${base}/runs/${runs.example}`,
    query: { exclude_pull_requests: "false" },
    version: WORKFLOW_RUNS,
  },
  deleteWorkflowRun: {
    call: () => client.deleteWorkflowRun(gh, { owner, repo, run_id: runs.completed }),
    status: 204,
    method: "DELETE",
    path: `${base}/runs/${runs.completed}`,
    version: WORKFLOW_RUNS,
  },
  getReviewsForRun: {
    call: () => client.getReviewsForRun(gh, { owner, repo, run_id: runs.example }),
    status: 200,
    method: "GET",
    path: `${base}/runs/${runs.example}/approvals`,
    version: WORKFLOW_RUNS,
  },
  approveWorkflowRun: {
    call: () => client.approveWorkflowRun(gh, { owner, repo, run_id: runs.actionRequired }),
    status: 201,
    method: "POST",
    path: `${base}/runs/${runs.actionRequired}/approve`,
    version: WORKFLOW_RUNS,
  },
  getWorkflowRunAttempt: {
    call: () => client.getWorkflowRunAttempt(gh, { owner, repo, run_id: runs.failedTwoAttempts, attempt_number: 1 }),
    status: 200,
    method: "GET",
    path: `${base}/runs/${runs.failedTwoAttempts}/attempts/1`,
    version: WORKFLOW_RUNS,
  },
  downloadWorkflowRunAttemptLogs: {
    call: () => client.downloadWorkflowRunAttemptLogs(gh, { owner, repo, run_id: runs.failedTwoAttempts, attempt_number: 2 }),
    status: 302,
    method: "GET",
    path: `${base}/runs/${runs.failedTwoAttempts}/attempts/2/logs`,
    version: WORKFLOW_RUNS,
  },
  cancelWorkflowRun: {
    call: () => client.cancelWorkflowRun(gh, { owner, repo, run_id: runs.example }),
    status: 202,
    method: "POST",
    path: `${base}/runs/${runs.example}/cancel`,
    version: WORKFLOW_RUNS,
  },
  reviewCustomGatesForRun: {
    call: () =>
      client.reviewCustomGatesForRun(gh, {
        owner,
        repo,
        run_id: runs.example,
        environment_name: "prod-eu",
        state: "approved",
        comment: "All health checks passed.",
      }),
    status: 204,
    method: "POST",
    path: `${base}/runs/${runs.example}/deployment_protection_rule`,
    body: { environment_name: "prod-eu", state: "approved", comment: "All health checks passed." },
    version: WORKFLOW_RUNS,
  },
  forceCancelWorkflowRun: {
    call: () => client.forceCancelWorkflowRun(gh, { owner, repo, run_id: runs.in_progress }),
    status: 202,
    method: "POST",
    path: `${base}/runs/${runs.in_progress}/force-cancel`,
    version: WORKFLOW_RUNS,
  },
  downloadWorkflowRunLogs: {
    call: () => client.downloadWorkflowRunLogs(gh, { owner, repo, run_id: runs.example }),
    status: 302,
    method: "GET",
    path: `${base}/runs/${runs.example}/logs`,
    version: WORKFLOW_RUNS,
  },
  deleteWorkflowRunLogs: {
    call: () => client.deleteWorkflowRunLogs(gh, { owner, repo, run_id: runs.completed }),
    status: 204,
    method: "DELETE",
    path: `${base}/runs/${runs.completed}/logs`,
    version: WORKFLOW_RUNS,
  },
  getPendingDeploymentsForRun: {
    call: () => client.getPendingDeploymentsForRun(gh, { owner, repo, run_id: runs.example }),
    status: 200,
    method: "GET",
    path: `${base}/runs/${runs.example}/pending_deployments`,
    version: WORKFLOW_RUNS,
  },
  reviewPendingDeploymentsForRun: {
    call: () =>
      client.reviewPendingDeploymentsForRun(gh, {
        owner,
        repo,
        run_id: runs.example,
        environment_ids: [161171787],
        state: "approved",
        comment: "Ship it!",
      }),
    status: 200,
    method: "POST",
    path: `${base}/runs/${runs.example}/pending_deployments`,
    body: { environment_ids: [161171787], state: "approved", comment: "Ship it!" },
    version: WORKFLOW_RUNS,
  },
  reRunWorkflow: {
    call: () => client.reRunWorkflow(gh, { owner, repo, run_id: runs.completed, enable_debug_logging: true }),
    status: 201,
    method: "POST",
    path: `${base}/runs/${runs.completed}/rerun`,
    body: { enable_debug_logging: true },
    version: WORKFLOW_RUNS,
  },
  reRunWorkflowFailedJobs: {
    call: () => client.reRunWorkflowFailedJobs(gh, { owner, repo, run_id: runs.failedTwoAttempts }),
    status: 201,
    method: "POST",
    path: `${base}/runs/${runs.failedTwoAttempts}/rerun-failed-jobs`,
    version: WORKFLOW_RUNS,
  },
  getWorkflowRunUsage: {
    call: () => client.getWorkflowRunUsage(gh, { owner, repo, run_id: runs.example }),
    status: 200,
    method: "GET",
    path: `${base}/runs/${runs.example}/timing`,
    version: WORKFLOW_RUNS,
  },
  listWorkflowRuns: {
    call: () => client.listWorkflowRuns(gh, { owner, repo, workflow_id: "build.yml", branch: "main", event: "push" }),
    status: 200,
    method: "GET",
    path: `${base}/workflows/build.yml/runs`,
    query: { branch: "main", event: "push" },
    version: WORKFLOW_RUNS,
  },
  reRunJobForWorkflowRun: {
    call: () => client.reRunJobForWorkflowRun(gh, { owner, repo, job_id: FIXTURES.docs.jobs.build, enable_debug_logging: false }),
    status: 201,
    method: "POST",
    path: `${base}/jobs/${FIXTURES.docs.jobs.build}/rerun`,
    body: { enable_debug_logging: false },
    version: WORKFLOW_RUNS,
  },
  listConcurrencyGroupsForRepository: {
    call: () => client.listConcurrencyGroupsForRepository(gh, { owner, repo, per_page: 1 }),
    status: 200,
    method: "GET",
    path: `${base}/concurrency_groups`,
    query: { per_page: "1" },
    version: GROUPS,
  },
  getConcurrencyGroupForRepository: {
    call: () => client.getConcurrencyGroupForRepository(gh, { owner, repo, concurrency_group_name: "ci-build", ahead_of_run: runs.queued }),
    status: 200,
    method: "GET",
    path: `${base}/concurrency_groups/ci-build`,
    query: { ahead_of_run: String(runs.queued) },
    version: GROUPS,
  },
  listConcurrencyGroupsForWorkflowRun: {
    call: () => client.listConcurrencyGroupsForWorkflowRun(gh, { owner, repo, run_id: runs.example }),
    status: 200,
    method: "GET",
    path: `${base}/runs/${runs.example}/concurrency_groups`,
    version: GROUPS,
  },
};

describe("every operation over real HTTP", () => {
  it("covers the 22 operations of the contract", () => {
    expect(Object.keys(cases)).toHaveLength(22);
  });

  it.each(Object.entries(cases))("%s sends the documented request and gets its documented status", async (_name, c) => {
    const result = await c.call();
    expect(result.status).toBe(c.status);
    expect(server.requests).toHaveLength(1);
    const sent = server.requests[0]!;
    expect(sent.method).toBe(c.method);
    expect(sent.path).toBe(c.path);
    expect(sent.query).toEqual(c.query ?? {});
    expect(sent.body).toEqual(c.body);
    expect(sent.headers["x-github-api-version"]).toBe(c.version);
    expect(sent.headers.accept).toBe("application/vnd.github+json");
    expect(sent.headers["user-agent"]).toBe("integration-test/1.0");
    expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
    if (c.body !== undefined) expect(sent.headers["content-type"]).toMatch(/^application\/json/);
    if (c.status === 204) expect(result.data).toBeUndefined();
    if (c.status === 200) expect(result.data).toBeTypeOf("object");
  });
});

describe("results", () => {
  it("returns the run as the docs show it, with typed headers", async () => {
    const { data, headers } = await client.getWorkflowRun(gh, { owner, repo, run_id: runs.example });
    expect(data.id).toBe(runs.example);
    expect(data.head_commit?.message).toBeTypeOf("string");
    expect(headers["x-github-request-id"]).toMatch(/.+/);
    expect(headers["x-ratelimit-remaining"]).toMatch(/^\d+$/);
  });

  it("returns a 302 as its location on the downloads origin, without following it", async () => {
    const result = await client.downloadWorkflowRunLogs(gh, { owner, repo, run_id: runs.example });
    expect(result.status).toBe(302);
    expect(result.location.startsWith(server.downloadsUrl)).toBe(true);
    expect(result.data).toBeUndefined();
    expect(server.downloadRequests).toHaveLength(0);
  });

  it("round-trips a concurrency group name that needs percent-encoding", async () => {
    const name = "deploy/prod eu?#..";
    const { data } = await client.getConcurrencyGroupForRepository(gh, {
      owner: FIXTURES.oddNames.owner,
      repo: FIXTURES.oddNames.repo,
      concurrency_group_name: name,
    });
    expect(data.group_name).toBe(name);
    expect(server.requests[0]!.path).toBe(
      `/repos/${FIXTURES.oddNames.owner}/${FIXTURES.oddNames.repo}/actions/concurrency_groups/deploy%2Fprod%20eu%3F%23..`,
    );
  });

  it("throws GitHubApiError with status, body and request id for a documented 404", async () => {
    const error = await client
      .getConcurrencyGroupForRepository(gh, { owner, repo, concurrency_group_name: FIXTURES.docs.groups.inactive })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(client.GitHubApiError);
    const apiError = error as client.GetConcurrencyGroupForRepositoryError;
    expect(apiError.status).toBe(404);
    expect(apiError.requestId).toMatch(/.+/);
    expect(JSON.stringify(apiError)).not.toContain(TOKEN);
    expect(String(apiError.stack)).not.toContain(TOKEN);
  });

  it("throws a 422 when both ahead_of filters are given, and a 409 when cancelling a completed run", async () => {
    await expect(
      client.getConcurrencyGroupForRepository(gh, {
        owner,
        repo,
        concurrency_group_name: "ci-build",
        ahead_of_run: runs.queued,
        ahead_of_job: 1,
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(client.cancelWorkflowRun(gh, { owner, repo, run_id: runs.completed })).rejects.toMatchObject({ status: 409 });
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("works against a GitHub Enterprise style base URL with a path prefix", async () => {
    const ghes = client.createClient({ token: TOKEN, baseUrl: `${server.url}/api/v3/` });
    const error = await client.getWorkflowRun(ghes, { owner, repo, run_id: runs.example }).catch((e: unknown) => e);
    expect(server.requests[0]!.path).toBe(`/api/v3${base}/runs/${runs.example}`);
    expect(error).toBeInstanceOf(client.GitHubApiError);
  });

  it("asks an async token function for the token on each request", async () => {
    let calls = 0;
    const app = client.createClient({ baseUrl: server.url, token: async () => `ghs_installation${++calls}` });
    await client.getWorkflowRun(app, { owner, repo, run_id: runs.example });
    await client.getWorkflowRun(app, { owner, repo, run_id: runs.example });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer ghs_installation1", "Bearer ghs_installation2"]);
  });
});
