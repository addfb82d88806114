// Exercises the fake GitHub server with plain fetch: every route, validation, both pagination
// styles, log downloads, every fault kind, encoded group names and the /__control routes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { controlClient } from "./control-client.js";
import { docsExample, EXAMPLE, type JsonObject } from "./docs-examples.js";
import { rewriteStrings } from "./render.js";
import { FIXTURES, startGitHubServer, type GitHubServer } from "./server.js";

const RUNS_VERSION = "2022-11-28";
const GROUPS_VERSION = "2026-03-10";
const { docs, big, renamed, manyGroups, loop, oddNames, nulls } = FIXTURES;

let server: GitHubServer;
beforeAll(async () => {
  server = await startGitHubServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

interface CallOptions {
  method?: string;
  /** Defaults to the version the route needs; null omits the header. */
  version?: string | null;
  json?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies of 22 operations read by path in assertions; a wrong path fails its expect
  body: any;
}

async function call(pathOrUrl: string, options: CallOptions = {}): Promise<Reply> {
  const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${server.url}${pathOrUrl}`;
  const version = options.version === undefined ? (url.includes("concurrency_groups") ? GROUPS_VERSION : RUNS_VERSION) : options.version;
  const headers: Record<string, string> = { accept: "application/vnd.github+json", ...options.headers };
  if (version !== null) headers["x-github-api-version"] = version;
  let body: string | undefined = options.rawBody;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(url, {
    method: options.method ?? "GET",
    headers,
    redirect: "manual",
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

function links(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(", ")) {
    const match = /^<([^>]+)>; rel="([^"]+)"$/.exec(part);
    if (match) out[match[2] as string] = match[1] as string;
  }
  return out;
}

const repoPath = (fixture: { owner: string; repo: string }): string => `/repos/${fixture.owner}/${fixture.repo}`;
const DOCS = repoPath(docs);
const runPath = (runId: number): string => `${DOCS}/actions/runs/${runId}`;

/** The docs' concurrency examples as this server renders them (its origin, the docs repo). */
function docsGroupsExample(key: string): JsonObject {
  return rewriteStrings(docsExample(key), [
    ["https://api.github.com/repos/octocat/Hello-World", `${server.url}${DOCS}`],
    ["https://github.com/octocat/Hello-World", `https://github.com/${docs.owner}/${docs.repo}`],
  ]);
}

function expectGitHubError(reply: Reply, status: number, message?: RegExp): void {
  expect(reply.status).toBe(status);
  expect(reply.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(reply.body).toMatchObject({
    message: expect.any(String),
    documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com\//),
    status: String(status),
  });
  if (message) expect(reply.body.message).toMatch(message);
}

describe("the 22 routes", () => {
  it("lists workflow runs for a repository with docs-shaped run objects and GitHub headers", async () => {
    const reply = await call(`${DOCS}/actions/runs`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(reply.headers.get("x-github-request-id")).toMatch(/^[0-9A-F]{4}:[0-9A-F]{4}:/);
    expect(reply.headers.get("x-ratelimit-limit")).toBe("5000");
    expect(Number(reply.headers.get("x-ratelimit-remaining"))).toBeLessThan(5000);
    expect(reply.headers.get("x-ratelimit-reset")).toMatch(/^\d{10}$/);
    expect(reply.body.total_count).toBe(7);
    // The docs' keys, plus head_repository_id from GitHub's published description (spec/: x-source).
    const listKeys = [...Object.keys((docsExample(EXAMPLE.listRuns).workflow_runs as JsonObject[])[0] as JsonObject), "head_repository_id"];
    for (const run of reply.body.workflow_runs) expect(Object.keys(run)).toEqual(listKeys);
    expect(reply.body.workflow_runs.map((run: JsonObject) => run.id)).toContain(docs.runs.example);
  });

  it("gets a workflow run: the docs' example with this server's URLs", async () => {
    const reply = await call(runPath(docs.runs.example));
    expect(reply.status).toBe(200);
    const example = docsExample(EXAMPLE.getRun);
    expect(Object.keys(reply.body)).toEqual([...Object.keys(example), "head_repository_id"]);
    expect(reply.body.head_repository_id).toBe(reply.body.head_repository.id);
    for (const key of [
      "id",
      "name",
      "node_id",
      "head_sha",
      "run_number",
      "event",
      "status",
      "conclusion",
      "workflow_id",
      "created_at",
      "display_title",
    ]) {
      expect(reply.body[key]).toEqual(example[key]);
    }
    expect(reply.body.url).toBe(`${server.url}${runPath(docs.runs.example)}`);
    expect(reply.body.repository.full_name).toBe(`${docs.owner}/${docs.repo}`);
    expect(reply.body.referenced_workflows).toEqual(example.referenced_workflows);
  });

  it("answers 404 with a GitHub error for unknown runs, repos and non-numeric ids", async () => {
    expectGitHubError(await call(runPath(docs.unknownRunId)), 404, /^Not Found$/);
    expectGitHubError(await call(`/repos/nobody/nothing/actions/runs`), 404);
    expectGitHubError(await call(`${DOCS}/actions/runs/abc`), 404);
    // A run id of another repo is not found in this one.
    expectGitHubError(await call(`${repoPath(big)}/actions/runs/${docs.runs.example}`), 404);
    // Owner and repo names are not case sensitive.
    expect((await call(`/repos/Octo-Org/OCTO-REPO/actions/runs/${docs.runs.example}`)).status).toBe(200);
  });

  it("deletes a workflow run (204), after which it is gone", async () => {
    const reply = await call(runPath(docs.runs.completed), { method: "DELETE" });
    expect(reply.status).toBe(204);
    expect(reply.text).toBe("");
    expect((await call(runPath(docs.runs.completed))).status).toBe(404);
  });

  it("gets the review history (approvals)", async () => {
    const reply = await call(`${runPath(docs.runs.example)}/approvals`);
    expect(reply.status).toBe(200);
    expect(reply.body).toHaveLength(1);
    expect(reply.body[0]).toMatchObject({ state: "approved", comment: "Ship it!", user: { login: "octocat" } });
    expect((await call(`${runPath(docs.runs.completed)}/approvals`)).body).toEqual([]);
  });

  it("approves a fork pull request run (201)", async () => {
    const reply = await call(`${runPath(docs.runs.actionRequired)}/approve`, { method: "POST" });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({});
    expect((await call(runPath(docs.runs.actionRequired))).body.status).toBe("queued");
  });

  it("gets a run attempt, 404 past the last attempt", async () => {
    const second = await call(`${runPath(docs.runs.failedTwoAttempts)}/attempts/2`);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: docs.runs.failedTwoAttempts, run_attempt: 2 });
    expect(second.body.previous_attempt_url).toBe(`${server.url}${runPath(docs.runs.failedTwoAttempts)}/attempts/1`);
    const first = await call(`${runPath(docs.runs.failedTwoAttempts)}/attempts/1`);
    expect(first.body).toMatchObject({ run_attempt: 1, previous_attempt_url: null, status: "completed" });
    expect((await call(`${runPath(docs.runs.failedTwoAttempts)}/attempts/3`)).status).toBe(404);
  });

  it("redirects attempt logs (302) to the downloads origin", async () => {
    const reply = await call(`${runPath(docs.runs.failedTwoAttempts)}/attempts/1/logs`);
    expect(reply.status).toBe(302);
    expect(reply.headers.get("location")).toMatch(
      new RegExp(`^${server.downloadsUrl}/actions-logs/octo-org/octo-repo/runs/${docs.runs.failedTwoAttempts}/attempts/1/logs\\.zip\\?`),
    );
    expect((await call(`${runPath(docs.runs.failedTwoAttempts)}/attempts/9/logs`)).status).toBe(404);
  });

  it("cancels a run (202), then 409 because it is completed", async () => {
    const reply = await call(`${runPath(docs.runs.example)}/cancel`, { method: "POST" });
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({});
    expect((await call(runPath(docs.runs.example))).body).toMatchObject({ status: "completed", conclusion: "cancelled" });
    expectGitHubError(await call(`${runPath(docs.runs.example)}/cancel`, { method: "POST" }), 409, /completed/);
  });

  it("reviews custom deployment protection rules (204)", async () => {
    const reply = await call(`${runPath(docs.runs.waiting)}/deployment_protection_rule`, {
      method: "POST",
      json: { environment_name: "prod-eus", state: "approved", comment: "All health checks passed." },
    });
    expect(reply.status).toBe(204);
    const commentOnly = await call(`${runPath(docs.runs.waiting)}/deployment_protection_rule`, {
      method: "POST",
      json: { environment_name: "prod-eus", comment: "Looks fine" },
    });
    expect(commentOnly.status).toBe(204);
  });

  it("force-cancels a run (202) and refuses a completed one (409)", async () => {
    expect((await call(`${runPath(docs.runs.in_progress)}/force-cancel`, { method: "POST" })).status).toBe(202);
    expectGitHubError(await call(`${runPath(docs.runs.completed)}/force-cancel`, { method: "POST" }), 409);
  });

  it("redirects run logs (302) and deletes them (204); deleted logs are 404", async () => {
    const logs = await call(`${runPath(docs.runs.completed)}/logs`);
    expect(logs.status).toBe(302);
    expect(logs.headers.get("location")?.startsWith(`${server.downloadsUrl}/`)).toBe(true);
    expect((await call(`${runPath(docs.runs.completed)}/logs`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`${runPath(docs.runs.completed)}/logs`)).status).toBe(404);
  });

  it("gets pending deployments", async () => {
    const reply = await call(`${runPath(docs.runs.example)}/pending_deployments`);
    expect(reply.status).toBe(200);
    expect(reply.body[0]).toMatchObject({
      environment: { id: 161088068, name: "staging" },
      wait_timer: 30,
      current_user_can_approve: true,
    });
    expect(reply.body[0].reviewers.map((reviewer: JsonObject) => reviewer.type)).toEqual(["User", "Team"]);
  });

  it("reviews pending deployments (200) and records the review", async () => {
    const reply = await call(`${runPath(docs.runs.example)}/pending_deployments`, {
      method: "POST",
      json: { environment_ids: [161088068], state: "approved", comment: "Ship it!" },
    });
    expect(reply.status).toBe(200);
    const example = docsExample<JsonObject[]>(EXAMPLE.reviewPendingDeployments)[0] as JsonObject;
    expect(Object.keys(reply.body[0])).toEqual([...Object.keys(example), "performed_via_github_app"]);
    expect(reply.body[0]).toMatchObject({ environment: "staging", task: "deploy", creator: { login: "octocat" } });
    expect(reply.body[0].performed_via_github_app).toMatchObject({
      slug: "github-actions",
      owner: { login: "github", type: "Organization" },
    });
    expect((await call(`${runPath(docs.runs.example)}/pending_deployments`)).body).toEqual([]);
    expect((await call(`${runPath(docs.runs.example)}/approvals`)).body).toHaveLength(2);
  });

  it("re-runs a workflow (201), starting a new attempt of a completed run", async () => {
    const reply = await call(`${runPath(docs.runs.completed)}/rerun`, { method: "POST", json: { enable_debug_logging: true } });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({});
    expect((await call(runPath(docs.runs.completed))).body).toMatchObject({ run_attempt: 2, status: "queued" });
    // No body at all is fine too (enable_debug_logging defaults to false).
    expect((await call(`${runPath(docs.runs.example)}/rerun`, { method: "POST" })).status).toBe(201);
  });

  it("re-runs failed jobs (201)", async () => {
    const reply = await call(`${runPath(docs.runs.failedTwoAttempts)}/rerun-failed-jobs`, { method: "POST", json: {} });
    expect(reply.status).toBe(201);
    expect((await call(runPath(docs.runs.failedTwoAttempts))).body.run_attempt).toBe(3);
  });

  it("re-runs a job (201), 404 for an unknown job", async () => {
    const reply = await call(`${DOCS}/actions/jobs/${docs.jobs.build}/rerun`, { method: "POST", json: { enable_debug_logging: false } });
    expect(reply.status).toBe(201);
    expect((await call(`${DOCS}/actions/jobs/1/rerun`, { method: "POST" })).status).toBe(404);
  });

  it("gets workflow run usage (timing)", async () => {
    const reply = await call(`${runPath(docs.runs.example)}/timing`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(docsExample(EXAMPLE.timing));
  });

  it("lists runs for a workflow by id or by file name", async () => {
    const byFile = await call(`${DOCS}/actions/workflows/${docs.workflows.ci.file}/runs`);
    expect(byFile.status).toBe(200);
    expect(byFile.body.workflow_runs.map((run: JsonObject) => run.id).sort()).toEqual(
      [docs.runs.completed, docs.runs.in_progress, docs.runs.queued].sort(),
    );
    const byId = await call(`${DOCS}/actions/workflows/${docs.workflows.ci.id}/runs`);
    expect(byId.body.total_count).toBe(3);
    expect((await call(`${DOCS}/actions/workflows/nope.yml/runs`)).status).toBe(404);
  });

  it("lists concurrency groups for a repository: the docs' example", async () => {
    const reply = await call(`${DOCS}/actions/concurrency_groups`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(docsGroupsExample(EXAMPLE.listGroups));
    expect(reply.headers.get("link")).toBeNull();
  });

  it("gets a concurrency group: the docs' example; inactive or unknown groups are 404", async () => {
    const reply = await call(`${DOCS}/actions/concurrency_groups/deploy-prod`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(docsGroupsExample(EXAMPLE.getGroup));
    expectGitHubError(await call(`${DOCS}/actions/concurrency_groups/${docs.groups.inactive}`), 404);
    expectGitHubError(await call(`${DOCS}/actions/concurrency_groups/no-such-group`), 404);
  });

  it("filters a group's queue with ahead_of_run / ahead_of_job", async () => {
    const group = `${DOCS}/actions/concurrency_groups`;
    const aheadOfRun = await call(`${group}/deploy-prod?ahead_of_run=${docs.runs.failedTwoAttempts}`);
    expect(aheadOfRun.body.group_members.map((member: JsonObject) => member.run_id)).toEqual([
      docs.runs.example,
      docs.runs.failedTwoAttempts,
    ]);
    const aheadOfJob = await call(`${group}/ci-build?ahead_of_job=${docs.jobs.deploy}`);
    expect(aheadOfJob.body.group_members).toHaveLength(3);
    expect(aheadOfJob.body.group_members[2]).toMatchObject({ run_id: docs.runs.example, job_id: docs.jobs.deploy });
  });

  it("lists concurrency groups for a run, sorted by name, with positions", async () => {
    const reply = await call(`${runPath(docs.runs.example)}/concurrency_groups`);
    expect(reply.status).toBe(200);
    const example = docsGroupsExample(EXAMPLE.runGroups);
    const sorted = [...(example.concurrency_groups as JsonObject[])].sort((a, b) =>
      String(a.group_name).localeCompare(String(b.group_name)),
    );
    expect(reply.body).toEqual({ ...example, concurrency_groups: sorted });
    // position_url is followable.
    const positionUrl = reply.body.concurrency_groups[0].group_members[0].position_url as string;
    const ahead = await call(positionUrl);
    expect(ahead.status).toBe(200);
    expect(ahead.body.group_members.at(-1).job_id).toBe(docs.jobs.deploy);
    // A configured group with no live items is listed with no members (but GET on it is a 404).
    const withInactive = await call(`${runPath(docs.runs.failedTwoAttempts)}/concurrency_groups`);
    expect(
      withInactive.body.concurrency_groups.map((group: JsonObject) => [group.group_name, (group.group_members as unknown[]).length]),
    ).toEqual([
      ["deploy-prod", 1],
      ["nightly", 0],
    ]);
    expect((await call(`${runPath(docs.unknownRunId)}/concurrency_groups`)).status).toBe(404);
  });
});

describe("validation", () => {
  it("checks X-GitHub-Api-Version per route family", async () => {
    expectGitHubError(
      await call(`${DOCS}/actions/runs`, { version: GROUPS_VERSION }),
      400,
      /API version 2026-03-10 is not supported for this endpoint/,
    );
    expectGitHubError(await call(`${DOCS}/actions/concurrency_groups`, { version: RUNS_VERSION }), 400, /Use API version 2026-03-10/);
    expectGitHubError(await call(`${DOCS}/actions/runs`, { version: "2021-01-01" }), 400, /API version 2021-01-01 is not supported\./);
    expectGitHubError(await call(`${DOCS}/actions/runs`, { version: null }), 400, /Missing X-GitHub-Api-Version/);
  });

  it("rejects bad bodies: missing fields 422, bad JSON 400, wrong content type 415, wrong types 422", async () => {
    const pending = `${runPath(docs.runs.example)}/pending_deployments`;
    expectGitHubError(
      await call(pending, { method: "POST", json: { environment_ids: [1], state: "approved" } }),
      422,
      /"comment" wasn't supplied/,
    );
    expectGitHubError(await call(pending, { method: "POST" }), 422, /weren't supplied/);
    expectGitHubError(
      await call(pending, { method: "POST", rawBody: '{"environment_ids": [1', headers: { "content-type": "application/json" } }),
      400,
      /Problems parsing JSON/,
    );
    expectGitHubError(
      await call(pending, { method: "POST", rawBody: "state=approved", headers: { "content-type": "application/x-www-form-urlencoded" } }),
      415,
    );
    expectGitHubError(
      await call(pending, { method: "POST", json: { environment_ids: "1", state: "approved", comment: "x" } }),
      422,
      /not an array/,
    );
    expectGitHubError(
      await call(pending, { method: "POST", json: { environment_ids: [1], state: "maybe", comment: "x" } }),
      422,
      /not one of/,
    );
    expectGitHubError(
      await call(`${runPath(docs.runs.example)}/rerun`, { method: "POST", json: { enable_debug_logging: "yes" } }),
      422,
      /not a boolean/,
    );
    expectGitHubError(
      await call(`${runPath(docs.runs.example)}/deployment_protection_rule`, { method: "POST", json: { environment_name: "prod" } }),
      422,
    );
    expectGitHubError(
      await call(`${runPath(docs.runs.example)}/deployment_protection_rule`, { method: "POST", json: { state: "approved" } }),
      422,
      /environment_name/,
    );
  });

  it("rejects ahead_of_run with ahead_of_job, and items that are not in the group (422)", async () => {
    const group = `${DOCS}/actions/concurrency_groups/deploy-prod`;
    expectGitHubError(await call(`${group}?ahead_of_run=${docs.runs.example}&ahead_of_job=${docs.jobs.deploy}`), 422, /Validation Failed/);
    const notInGroup = await call(`${group}?ahead_of_run=${docs.runs.completed}`);
    expectGitHubError(notInGroup, 422);
    expect(notInGroup.body.errors[0]).toMatchObject({ field: "ahead_of_run", code: "invalid" });
    expectGitHubError(await call(`${group}?ahead_of_job=1`), 422);
    expectGitHubError(await call(`${group}?ahead_of_run=abc`), 422);
    // A job-level lease does not make the run itself a member.
    expectGitHubError(await call(`${DOCS}/actions/concurrency_groups/ci-build?ahead_of_run=${docs.runs.example}`), 422);
  });

  it("records method, raw path, query, lower-cased headers and parsed body", async () => {
    await call(`${runPath(docs.runs.example)}/pending_deployments?x=1&x=2`, {
      method: "POST",
      json: { environment_ids: [161088068], state: "rejected", comment: "no" },
      headers: { Authorization: "Bearer t0ken", "X-Custom": "yes" },
    });
    const recorded = server.requests.at(-1);
    expect(recorded).toMatchObject({
      origin: "api",
      method: "POST",
      path: `${runPath(docs.runs.example)}/pending_deployments`,
      rawQuery: "x=1&x=2",
      query: { x: "2" },
      body: { environment_ids: [161088068], state: "rejected", comment: "no" },
      route: "POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments",
    });
    expect(recorded?.headers).toMatchObject({
      authorization: "Bearer t0ken",
      "x-custom": "yes",
      "x-github-api-version": RUNS_VERSION,
      "content-type": "application/json",
    });
    await call(`${DOCS}/actions/runs`, { method: "POST", rawBody: "not json", headers: { "content-type": "text/plain" } });
    expect(server.requests.at(-1)).toMatchObject({ body: "not json", rawBody: "not json" });
  });
});

describe("page-style pagination", () => {
  it("walks all 37 pages of the big repo through Link rel=next: 3,700 unique ids in order", async () => {
    const ids: number[] = [];
    let next: string | undefined = `${server.url}${repoPath(big)}/actions/runs?per_page=100`;
    let pages = 0;
    while (next) {
      const reply = await call(next);
      expect(reply.status).toBe(200);
      expect(reply.body.total_count).toBe(big.runCount);
      ids.push(...reply.body.workflow_runs.map((run: JsonObject) => run.id as number));
      const rel = links(reply.headers.get("link"));
      if (pages === 0)
        expect(rel).toEqual({
          next: `${server.url}${repoPath(big)}/actions/runs?per_page=100&page=2`,
          last: `${server.url}${repoPath(big)}/actions/runs?per_page=100&page=37`,
        });
      next = rel.next;
      pages++;
    }
    expect(pages).toBe(37);
    expect(new Set(ids).size).toBe(3700);
    const expected = server.state.repos.find((repo) => repo.name === big.repo)?.runs.map((run) => run.id);
    expect(ids).toEqual(expected);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });

  it("emits prev/next/last/first on middle pages and only prev/first on the last one", async () => {
    const middle = links((await call(`${repoPath(big)}/actions/runs?per_page=100&page=5`)).headers.get("link"));
    expect(Object.keys(middle)).toEqual(["prev", "next", "last", "first"]);
    expect(middle.prev).toMatch(/page=4$/);
    expect(middle.first).toMatch(/page=1$/);
    const last = await call(`${repoPath(big)}/actions/runs?per_page=100&page=37`);
    expect(last.body.workflow_runs).toHaveLength(100);
    expect(Object.keys(links(last.headers.get("link")))).toEqual(["prev", "first"]);
  });

  it("defaults per_page to 30 and caps it at 100", async () => {
    const defaults = await call(`${repoPath(big)}/actions/runs`);
    expect(defaults.body.workflow_runs).toHaveLength(30);
    expect(links(defaults.headers.get("link")).last).toBe(`${server.url}${repoPath(big)}/actions/runs?page=124`);
    const capped = await call(`${repoPath(big)}/actions/runs?per_page=500`);
    expect(capped.body.workflow_runs).toHaveLength(100);
  });

  it("limits filtered searches to 1,000 reachable results while total_count stays real", async () => {
    let next: string | undefined = `${server.url}${repoPath(big)}/actions/runs?status=completed&per_page=100`;
    const ids: number[] = [];
    let first = true;
    while (next) {
      const reply = await call(next);
      expect(reply.body.total_count).toBe(3697);
      if (first) expect(links(reply.headers.get("link")).last).toMatch(/page=10$/);
      first = false;
      ids.push(...reply.body.workflow_runs.map((run: JsonObject) => run.id as number));
      next = links(reply.headers.get("link")).next;
    }
    expect(ids).toHaveLength(1000);
    const beyond = await call(`${repoPath(big)}/actions/runs?status=completed&per_page=100&page=11`);
    expect(beyond.body).toEqual({ total_count: 3697, workflow_runs: [] });

    const push = await call(`${repoPath(big)}/actions/runs?event=push&per_page=100&page=10`);
    expect(push.body.total_count).toBeGreaterThan(1000);
    expect(push.body.workflow_runs.every((run: JsonObject) => run.event === "push")).toBe(true);
    expect(links(push.headers.get("link")).next).toBeUndefined();
    // Unfiltered lists are not capped.
    expect(links((await call(`${repoPath(big)}/actions/runs?per_page=100&page=10`)).headers.get("link")).next).toMatch(/page=11$/);
  });

  it("applies the other filters (actor, branch, created, head_sha, check_suite_id, exclude_pull_requests)", async () => {
    const base = `${repoPath(big)}/actions/runs`;
    const monalisa = await call(`${base}?actor=monalisa&per_page=5`);
    expect(monalisa.body.total_count).toBe(925);
    expect(monalisa.body.workflow_runs.every((run: JsonObject) => (run.actor as JsonObject).login === "monalisa")).toBe(true);
    const newest = (await call(`${base}?per_page=1`)).body.workflow_runs[0];
    expect((await call(`${base}?head_sha=${newest.head_sha}`)).body.total_count).toBe(1);
    expect((await call(`${base}?check_suite_id=${newest.check_suite_id}`)).body.workflow_runs[0].id).toBe(newest.id);
    expect((await call(`${base}?branch=feature-2&per_page=1`)).body.workflow_runs[0].head_branch).toBe("feature-2");
    const created = await call(`${base}?created=${encodeURIComponent(">=2025-06-01")}`);
    expect(created.body.workflow_runs.every((run: JsonObject) => String(run.created_at) >= "2025-06-01")).toBe(true);
    expect(created.body.total_count).toBeGreaterThan(0);
    const range = await call(`${base}?created=2025-05-01..2025-05-31`);
    expect(range.body.workflow_runs.every((run: JsonObject) => String(run.created_at).startsWith("2025-05"))).toBe(true);
    const pr = (await call(`${base}?event=pull_request&per_page=1`)).body.workflow_runs[0];
    expect(pr.pull_requests).toHaveLength(1);
    expect((await call(`${base}?event=pull_request&per_page=1&exclude_pull_requests=true`)).body.workflow_runs[0].pull_requests).toEqual(
      [],
    );
  });

  it("switches the next link to /repositories/{id}/actions/runs for the renamed repo, and serves it", async () => {
    const first = await call(`${repoPath(renamed)}/actions/runs?per_page=100`);
    const rel = links(first.headers.get("link"));
    expect(rel.next).toBe(`${server.url}/repositories/${renamed.id}/actions/runs?per_page=100&page=2`);
    const ids: number[] = first.body.workflow_runs.map((run: JsonObject) => run.id);
    let next: string | undefined = rel.next;
    while (next) {
      const reply = await call(next);
      expect(reply.status).toBe(200);
      ids.push(...reply.body.workflow_runs.map((run: JsonObject) => run.id as number));
      next = links(reply.headers.get("link")).next;
    }
    expect(new Set(ids).size).toBe(renamed.runCount);
    expect(server.requests.at(-1)?.path).toBe(`/repositories/${renamed.id}/actions/runs`);
  });
});

describe("cursor-style pagination", () => {
  async function walk(
    start: string,
    rel: "next" | "prev",
    render: (body: JsonObject) => string[],
  ): Promise<{ names: string[]; pages: number; urls: string[] }> {
    const names: string[] = [];
    const urls: string[] = [];
    let url: string | undefined = start;
    let pages = 0;
    while (url && pages < 100) {
      const reply = await call(url);
      expect(reply.status).toBe(200);
      const page = render(reply.body);
      if (rel === "next") names.push(...page);
      else names.unshift(...page);
      url = links(reply.headers.get("link"))[rel];
      if (url) urls.push(url);
      pages++;
    }
    return { names, pages, urls };
  }
  const groupNames = (body: JsonObject): string[] => (body.concurrency_groups as JsonObject[]).map((group) => group.group_name as string);
  const allNames = (prefix: string, count: number): string[] =>
    Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, "0")}`);

  it("walks a run's 250 groups forward in 25 pages, sorted by name, without rel=prev", async () => {
    const first = await call(`${repoPath(manyGroups)}/actions/runs/${manyGroups.runId}/concurrency_groups?per_page=10`);
    expect(first.body.total_count).toBe(250);
    expect(Object.keys(links(first.headers.get("link")))).toEqual(["next"]);
    expect(links(first.headers.get("link")).next).toMatch(/[?&]after=[A-Za-z0-9%]+/);
    const forward = await walk(
      `${server.url}${repoPath(manyGroups)}/actions/runs/${manyGroups.runId}/concurrency_groups?per_page=10`,
      "next",
      groupNames,
    );
    expect(forward.pages).toBe(25);
    expect(forward.names).toEqual(allNames("group", 250));
    for (const url of forward.urls) expect(url).not.toMatch(/before=/);
  });

  it("walks backward from a before cursor through rel=prev", async () => {
    const forward = await walk(
      `${server.url}${repoPath(manyGroups)}/actions/runs/${manyGroups.runId}/concurrency_groups?per_page=10`,
      "next",
      groupNames,
    );
    // The next cursor that led to page 25 marks the end of page 24: before=<it> returns page 24.
    const cursor = new URL(forward.urls.at(-1) as string).searchParams.get("after") as string;
    const start = `${server.url}${repoPath(manyGroups)}/actions/runs/${manyGroups.runId}/concurrency_groups?per_page=10&before=${encodeURIComponent(cursor)}`;
    const page24 = await call(start);
    expect(groupNames(page24.body)).toEqual(allNames("group", 250).slice(230, 240));
    expect(Object.keys(links(page24.headers.get("link")))).toEqual(["prev", "next"]);
    const backward = await walk(start, "prev", groupNames);
    expect(backward.pages).toBe(24);
    expect(backward.names).toEqual(allNames("group", 240));
  });

  it("paginates the repo-wide list (most recently acquired first) with the same cursors", async () => {
    const forward = await walk(`${server.url}${repoPath(manyGroups)}/actions/concurrency_groups?per_page=100`, "next", groupNames);
    expect(forward.pages).toBe(3);
    expect(forward.names).toEqual(allNames("group", 250).reverse());
  });

  it("rejects bad cursors and after+before together (422)", async () => {
    const base = `${repoPath(manyGroups)}/actions/runs/${manyGroups.runId}/concurrency_groups`;
    expectGitHubError(await call(`${base}?after=bm9wZQ%3D%3D`), 422);
    expectGitHubError(await call(`${base}?after=%%%`), 422);
    const next = links((await call(`${base}?per_page=10`)).headers.get("link")).next as string;
    const cursor = new URL(next).searchParams.get("after") as string;
    expectGitHubError(await call(`${base}?after=${encodeURIComponent(cursor)}&before=${encodeURIComponent(cursor)}`), 422);
  });

  it("repeats a cursor in the loop repo: page 3's next link equals page 2's", async () => {
    for (const list of [
      `${repoPath(loop)}/actions/runs/${loop.runId}/concurrency_groups`,
      `${repoPath(loop)}/actions/concurrency_groups`,
    ]) {
      const page1 = await call(`${list}?per_page=10`);
      const next1 = links(page1.headers.get("link")).next as string;
      const page2 = await call(next1);
      const next2 = links(page2.headers.get("link")).next as string;
      const page3 = await call(next2);
      const next3 = links(page3.headers.get("link")).next;
      expect(next2).not.toBe(next1);
      expect(next3).toBe(next2);
      expect(groupNames(page3.body)).toHaveLength(10);
      expect(groupNames(page3.body)).not.toEqual(groupNames(page2.body));
    }
  });
});

describe("log downloads", () => {
  it("serves a zip on the downloads origin, without credentials", async () => {
    const location = (await call(`${runPath(docs.runs.example)}/logs`)).headers.get("location") as string;
    const response = await fetch(location);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(bytes.readUInt32LE(bytes.length - 22)).toBe(0x06054b50);
    expect(bytes.toString("latin1")).toContain("1_build.txt");
    expect(server.downloadRequests).toHaveLength(1);
    expect(server.violations).toEqual([]);
  });

  it("answers 400 and records a violation when Authorization reaches the downloads origin", async () => {
    const location = (await call(`${runPath(docs.runs.failedTwoAttempts)}/attempts/2/logs`)).headers.get("location") as string;
    const response = await fetch(location, { headers: { authorization: "Bearer secret-token" } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("InvalidAuthenticationInfo");
    expect(server.violations).toHaveLength(1);
    expect(server.violations[0]).toMatchObject({
      kind: "authorization-sent-to-downloads",
      request: { headers: { authorization: "Bearer secret-token" } },
    });
  });

  it("rejects a tampered signature (403)", async () => {
    const location = (await call(`${runPath(docs.runs.example)}/logs`)).headers.get("location") as string;
    const tampered = location.replace(/sig=[0-9a-f]/, (match) => (match.endsWith("0") ? "sig=1" : "sig=0"));
    expect((await fetch(tampered)).status).toBe(403);
    const otherRun = location.replace(String(docs.runs.example), String(docs.runs.completed));
    expect((await fetch(otherRun)).status).toBe(403);
  });

  it("fetch's own redirect handling drops Authorization across origins", async () => {
    const response = await fetch(`${server.url}${runPath(docs.runs.example)}/logs`, {
      headers: { authorization: "Bearer secret-token", "x-github-api-version": RUNS_VERSION },
    });
    expect(response.status).toBe(200);
    expect(server.violations).toEqual([]);
  });
});

describe("faults", () => {
  const target = `${DOCS}/actions/runs`;

  it("serves a 5xx burst to the next `times` matching requests, then recovers", async () => {
    server.faults.add({ method: "GET", path: target, times: 3, fault: { status: 503 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(target)).status);
    expect(statuses).toEqual([503, 503, 503, 200]);
    expect(server.requests).toHaveLength(4);
  });

  it("matches by method, template and RegExp, in the order added", async () => {
    server.faults.add({ method: "POST", path: target, fault: { status: 500 } });
    server.faults.add({ path: "/repos/{owner}/{repo}/actions/runs/{run_id}", fault: { status: 502 } });
    server.faults.add({ path: /\/timing$/, fault: { status: 504 } });
    server.faults.add({ path: /\/timing$/, fault: { status: 500 } });
    expect((await call(target)).status).toBe(200);
    expect((await call(runPath(docs.runs.example))).status).toBe(502);
    expect((await call(`${runPath(docs.runs.example)}/timing`)).status).toBe(504);
    expect((await call(`${runPath(docs.runs.example)}/timing`)).status).toBe(500);
    expect(server.faults.pending()).toHaveLength(1);
  });

  it("429 with retry-after", async () => {
    server.faults.add({ path: target, fault: { status: 429, retryAfter: 1 } });
    const reply = await call(target);
    expectGitHubError(reply, 429);
    expect(reply.headers.get("retry-after")).toBe("1");
  });

  it("403 secondary rate limit", async () => {
    server.faults.add({ path: target, fault: { status: 403, secondaryRateLimit: true, retryAfter: 0 } });
    const reply = await call(target);
    expectGitHubError(reply, 403, /^You have exceeded a secondary rate limit/);
    expect(reply.body.message).toContain(reply.headers.get("x-github-request-id"));
    expect(reply.headers.get("retry-after")).toBe("0");
  });

  it("403 primary rate limit with x-ratelimit-remaining 0 and a reset time", async () => {
    server.faults.add({ path: target, fault: { status: 403, rateLimitRemaining: 0, resetInSeconds: 5 } });
    const before = Math.floor(Date.now() / 1000);
    const reply = await call(target);
    expectGitHubError(reply, 403, /API rate limit exceeded/);
    expect(reply.headers.get("x-ratelimit-remaining")).toBe("0");
    const reset = Number(reply.headers.get("x-ratelimit-reset"));
    expect(reset).toBeGreaterThanOrEqual(before + 5);
    expect(reset).toBeLessThanOrEqual(before + 7);
  });

  it("mid-body reset: headers and half the body, then a dead socket", async () => {
    server.faults.add({ path: target, fault: { reset: "mid-body" } });
    const response = await fetch(`${server.url}${target}`, { headers: { "x-github-api-version": RUNS_VERSION } });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect((await call(target)).status).toBe(200);
  });

  it("reset before the response", async () => {
    server.faults.add({ path: target, fault: { reset: "before-response" } });
    await expect(fetch(`${server.url}${target}`, { headers: { "x-github-api-version": RUNS_VERSION } })).rejects.toThrow();
    expect(server.requests).toHaveLength(1);
    expect((await call(target)).status).toBe(200);
  });

  it("stall delays the response", async () => {
    server.faults.add({ path: target, fault: { stallMs: 60 } });
    const started = Date.now();
    expect((await call(target)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });

  it("close() does not hang on a stalled request", async () => {
    const other = await startGitHubServer();
    other.faults.add({ fault: { stallMs: 60_000 } });
    const pending = fetch(`${other.url}${target}`, { headers: { "x-github-api-version": RUNS_VERSION } }).then(
      () => "answered",
      () => "failed",
    );
    while (other.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBe("failed");
  });

  it("truncated JSON: a complete HTTP response whose JSON is cut in half", async () => {
    const full = (await call(target)).text;
    server.faults.add({ path: target, fault: { truncatedJson: true } });
    const reply = await call(target);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-length")).toBe(String(Buffer.byteLength(reply.text)));
    expect(full.startsWith(reply.text)).toBe(true);
    expect(reply.text.length).toBeLessThan(full.length);
    expect(() => JSON.parse(reply.text)).toThrow();
  });

  it("invalid JSON body with a JSON content type", async () => {
    server.faults.add({ path: target, fault: { invalidJson: true } });
    const reply = await call(target);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(() => JSON.parse(reply.text)).toThrow();
  });

  it("applies to the downloads origin when asked", async () => {
    server.faults.add({ origin: "downloads", fault: { status: 503 } });
    expect((await call(target)).status).toBe(200);
    const location = (await call(`${runPath(docs.runs.example)}/logs`)).headers.get("location") as string;
    expect((await fetch(location)).status).toBe(503);
    expect((await fetch(location)).status).toBe(200);
  });

  it("rejects unknown fault shapes", () => {
    expect(() => server.faults.add({ fault: { nope: true } as never })).toThrow(/unknown fault/);
  });
});

describe("percent-encoded group names", () => {
  const groups = `${repoPath(oddNames)}/actions/concurrency_groups`;

  it("routes on the raw path and decodes the segment exactly once", async () => {
    const name = "deploy/prod eu?#..";
    const encoded = encodeURIComponent(name);
    expect(encoded).toBe("deploy%2Fprod%20eu%3F%23..");
    const reply = await call(`${groups}/${encoded}`);
    expect(reply.status).toBe(200);
    expect(reply.body.group_name).toBe(name);
    expect(reply.body.group_url).toBe(`${server.url}${groups}/${encoded}`);
    expect(server.requests.at(-1)?.path).toBe(`${groups}/${encoded}`);
    // Round trip: the group_url the server gave back leads to the same group.
    expect((await call(reply.body.group_url)).body.group_name).toBe(name);
    // Unencoded, the slash splits the path: no such route.
    expect((await call(`${groups}/deploy/prod`)).status).toBe(404);
  });

  it("keeps a literal %2F literal (no double decoding)", async () => {
    const reply = await call(`${groups}/${encodeURIComponent("release%2Fv1")}`);
    expect(reply.status).toBe(200);
    expect(reply.body.group_name).toBe("release%2Fv1");
    expect((await call(`${groups}/release%2Fv1`)).status).toBe(404);
    expect((await call(`${groups}/${encodeURIComponent("déploiement ✓")}`)).body.group_name).toBe("déploiement ✓");
  });

  it("lists the odd names for their run, sorted, with working position urls", async () => {
    const reply = await call(`${repoPath(oddNames)}/actions/runs/${oddNames.runId}/concurrency_groups`);
    expect(reply.body.concurrency_groups.map((group: JsonObject) => group.group_name)).toEqual([...oddNames.groups].sort());
    for (const group of reply.body.concurrency_groups) {
      const ahead = await call(group.group_members[0].position_url);
      expect(ahead.status).toBe(200);
      expect(ahead.body.group_name).toBe(group.group_name);
    }
  });
});

describe("nulls that GitHub's published description allows (spec/: x-source)", () => {
  const base = repoPath(nulls);
  const groupsPath = `${base}/actions/concurrency_groups`;

  it("serves a run whose pull_requests is null, listed and alone", async () => {
    expect((await call(`${base}/actions/runs/${nulls.runId}`)).body.pull_requests).toBeNull();
    const list = await call(`${base}/actions/runs`);
    expect(list.body.workflow_runs.map((run: JsonObject) => run.pull_requests)).toEqual([null]);
  });

  it("lists a group never acquired (last_acquired_at null) after the acquired ones", async () => {
    const reply = await call(groupsPath);
    expect(reply.body.concurrency_groups.map((group: JsonObject) => [group.group_name, group.last_acquired_at])).toEqual([
      [nulls.groups.hiddenHolder, "2026-02-01T00:00:00Z"],
      [nulls.groups.neverAcquired, null],
    ]);
  });

  it("gives null run and job URLs for a holder the caller cannot see, strings for the others", async () => {
    const reply = await call(`${groupsPath}/${nulls.groups.hiddenHolder}`);
    const [holder, waiting] = reply.body.group_members;
    expect(holder).toMatchObject({
      run_id: nulls.hiddenRunId,
      job_id: nulls.hiddenJobId,
      run_url: null,
      run_html_url: null,
      job_url: null,
      job_html_url: null,
    });
    expect(waiting.run_url).toBe(`${server.url}${base}/actions/runs/${nulls.runId}`);
    // The run's own view of the group: its item has URLs, and the position URL still works.
    const perRun = await call(`${base}/actions/runs/${nulls.runId}/concurrency_groups`);
    const hidden = perRun.body.concurrency_groups.find((group: JsonObject) => group.group_name === nulls.groups.hiddenHolder);
    expect(hidden.group_members).toMatchObject([{ run_id: nulls.runId, position: 1 }]);
    expect((await call(hidden.group_members[0].position_url)).body.group_members).toHaveLength(2);
  });

  it("takes enable_debugger on a job re-run only, type-checked", async () => {
    const job = `${DOCS}/actions/jobs/${docs.jobs.build}/rerun`;
    expect((await call(job, { method: "POST", json: { enable_debugger: true } })).status).toBe(201);
    expectGitHubError(await call(job, { method: "POST", json: { enable_debugger: "yes" } }), 422, /enable_debugger.*not a boolean/);
  });
});

describe("/__control routes", () => {
  it("queues faults over HTTP (string path and pathPattern), lists and clears them", async () => {
    const add = await fetch(`${server.url}/__control/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ path: `${DOCS}/actions/runs`, fault: { status: 502 } }),
    });
    expect(add.status).toBe(201);
    expect((await call(`${DOCS}/actions/runs`)).status).toBe(502);

    const client = controlClient(server.url);
    await client.addFaults({ path: /\/timing$/, times: 2, fault: { status: 500 } });
    const listed = await (await fetch(`${server.url}/__control/faults`)).json();
    expect(listed).toEqual([{ pathPattern: "\\/timing$", pathFlags: "", times: 2, fault: { status: 500 }, remaining: 2 }]);
    await client.clearFaults();
    expect((await call(`${runPath(docs.runs.example)}/timing`)).status).toBe(200);
  });

  it("rejects invalid fault rules (400)", async () => {
    const reply = await fetch(`${server.url}/__control/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"fault":{"explode":1}}',
    });
    expect(reply.status).toBe(400);
  });

  it("returns recorded requests without the control requests themselves", async () => {
    await call(`${DOCS}/actions/runs?per_page=2`);
    const client = controlClient(server.url);
    await client.addFaults({ fault: { status: 500 }, path: "/nothing" });
    const requests = await client.requests();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: "GET", path: `${DOCS}/actions/runs`, query: { per_page: "2" } });
    expect(await client.downloadRequests()).toEqual([]);
    expect(await client.violations()).toEqual([]);
  });

  it("resets state, requests and faults", async () => {
    await call(runPath(docs.runs.example), { method: "DELETE" });
    server.faults.add({ path: "/never", fault: { status: 500 } });
    expect((await fetch(`${server.url}/__control/reset`, { method: "POST" })).status).toBe(204);
    expect(server.requests).toEqual([]);
    expect(server.faults.pending()).toEqual([]);
    expect((await call(runPath(docs.runs.example))).status).toBe(200);
  });
});
