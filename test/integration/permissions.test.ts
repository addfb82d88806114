// Permission-aware and typed errors over real HTTP (the test server on 127.0.0.1): a 403 or 404 of an
// operation that documents a permission names it; a rate limit stays a rate limit; isErrorOf
// matches only the operation's own documented errors.
import { describe, expect, it } from "vitest";
import * as gen from "../../generated/src/index.js";
import { FIXTURES } from "../server/server.js";
import { rejection, useTestServer } from "./harness.js";

const { owner, repo } = FIXTURES.docs;
const runs = FIXTURES.docs.runs;
const runPath = (id: number, tail = "") => `/repos/${owner}/${repo}/actions/runs/${id}${tail}`;
const NOT_ACCESSIBLE = {
  message: "Resource not accessible by integration",
  documentation_url: "https://docs.github.com/rest/actions/workflow-runs#cancel-a-workflow-run",
  status: "403",
};
const HINT = /missing permission\? add "actions: write" to the workflow's permissions:/;

const context = useTestServer();
const client = () =>
  gen.createClient({ baseUrl: context.server.url, token: "ghs_permissionTestToken", retry: { baseDelayMs: 1, maxDelayMs: 2 } });

/** The next request to `path` (any method given) answers exactly `respond`. */
function answer(method: string, path: string, respond: { status: number; json?: unknown; raw?: Buffer; headers?: Record<string, string> }) {
  context.server.faults.add({ method, path, fault: { respond } });
}

describe("a 403 that is a missing permission", () => {
  it("from cancelWorkflowRun names actions: write in the message and in requiredPermission", async () => {
    answer("POST", runPath(runs.example, "/cancel"), { status: 403, json: NOT_ACCESSIBLE, headers: { "x-github-request-id": "AB:CD" } });
    const error = await rejection(gen.cancelWorkflowRun(client(), { owner, repo, run_id: runs.example }));
    expect(error).toBeInstanceOf(gen.GitHubApiError);
    expect(error).not.toBeInstanceOf(gen.GitHubRateLimitError);
    const e = error as gen.GitHubApiError;
    expect(e.message).toBe(
      `POST ${context.server.url}${runPath(runs.example, "/cancel")} → 403: Resource not accessible by integration; ` +
        `missing permission? add "actions: write" to the workflow's permissions: (request id AB:CD)`,
    );
    expect(e.requiredPermission).toEqual({ scope: "actions", access: "write" });
    expect(e.operationId).toBe("actions/cancel-workflow-run");
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ requiredPermission: { scope: "actions", access: "write" } });
    // 403 is not among cancelWorkflowRun's documented error statuses (409 only).
    expect(gen.isErrorOf(e, gen.cancelWorkflowRun)).toBe(false);
    expect(context.server.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("from an operation that needs several permissions names them all; requiredPermission is the first", async () => {
    answer("POST", runPath(runs.example, "/pending_deployments"), { status: 403, json: NOT_ACCESSIBLE });
    const e = (await rejection(
      gen.reviewPendingDeploymentsForRun(client(), {
        owner,
        repo,
        run_id: runs.example,
        environment_ids: [1],
        state: "approved",
        comment: "ok",
      }),
    )) as gen.GitHubApiError;
    expect(e.message).toContain(`add "actions: read, checks: read, deployments: read" to the workflow's permissions:`);
    expect(e.requiredPermission).toEqual({ scope: "actions", access: "read" });
  });
});

describe("a 403 that is a rate limit stays a rate-limit error", () => {
  const reset = String(Math.floor(Date.now() / 1000) + 3600);
  it.each([
    [
      "primary: x-ratelimit-remaining 0",
      { "x-ratelimit-limit": "1000", "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset },
      NOT_ACCESSIBLE,
    ],
    [
      "secondary: the body says so",
      {},
      { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." },
    ],
    ["retry-after beyond the client's wait", { "retry-after": "3600" }, { message: "slow down" }],
  ])("%s", async (_case, headers, json) => {
    answer("POST", runPath(runs.example, "/cancel"), { status: 403, json, headers });
    const e = (await rejection(gen.cancelWorkflowRun(client(), { owner, repo, run_id: runs.example }))) as gen.GitHubApiError;
    expect(e).toBeInstanceOf(gen.GitHubRateLimitError);
    expect(e.status).toBe(403);
    expect(e.requiredPermission).toBeUndefined();
    expect(e.message).not.toContain("permissions:");
  });
});

describe("a 404 (GitHub's answer when the token may not see a private repository)", () => {
  it("names the operation's permission: actions: read for getWorkflowRun", async () => {
    answer("GET", runPath(runs.example), { status: 404, json: { message: "Not Found" } });
    const e = (await rejection(gen.getWorkflowRun(client(), { owner, repo, run_id: runs.example }))) as gen.GitHubApiError;
    expect(e.status).toBe(404);
    expect(e.requiredPermission).toEqual({ scope: "actions", access: "read" });
    expect(e.message).toMatch(/→ 404: Not Found; missing permission\? add "actions: read" to the workflow's permissions:$/);
  });

  it("the server's own 404 for an inactive concurrency group carries it too", async () => {
    const e = (await rejection(
      gen.getConcurrencyGroupForRepository(client(), { owner, repo, concurrency_group_name: FIXTURES.docs.groups.inactive }),
    )) as gen.GitHubApiError;
    expect(e.status).toBe(404);
    expect(e.requiredPermission).toEqual({ scope: "actions", access: "read" });
  });

  it("other statuses carry no permission", async () => {
    answer("POST", runPath(runs.example, "/cancel"), { status: 500, json: { message: "boom" } });
    const e = (await rejection(gen.cancelWorkflowRun(client(), { owner, repo, run_id: runs.example }))) as gen.GitHubApiError;
    expect(e.status).toBe(500);
    expect(e.requiredPermission).toBeUndefined();
    expect(e.message).not.toMatch(HINT);
  });
});

describe("isErrorOf", () => {
  it("matches the operation's documented 409 with its parsed body, and nothing else", async () => {
    const e = await rejection(gen.cancelWorkflowRun(client(), { owner, repo, run_id: runs.completed }));
    expect(gen.isErrorOf(e, gen.cancelWorkflowRun)).toBe(true);
    if (!gen.isErrorOf(e, gen.cancelWorkflowRun)) return;
    expect(e.status).toBe(409);
    expect(e.body.message).toBe("Cannot cancel a workflow run that is completed.");
    // The same status from another operation is not cancelWorkflowRun's error.
    expect(gen.isErrorOf(e, gen.forceCancelWorkflowRun)).toBe(false);
    expect(gen.isErrorOf(e, gen.getWorkflowRun)).toBe(false);
  });

  it("refuses a documented status whose JSON body did not parse, an undocumented status, and non-errors", async () => {
    answer("POST", runPath(runs.completed, "/cancel"), {
      status: 409,
      raw: Buffer.from("<html>proxy error</html>"),
      headers: { "content-type": "text/html" },
    });
    const html = await rejection(gen.cancelWorkflowRun(client(), { owner, repo, run_id: runs.completed }));
    expect((html as gen.GitHubApiError).body).toBe("<html>proxy error</html>");
    expect(gen.isErrorOf(html, gen.cancelWorkflowRun)).toBe(false);

    answer("POST", runPath(runs.completed, "/cancel"), { status: 500, json: { message: "boom" } });
    expect(
      gen.isErrorOf(await rejection(gen.cancelWorkflowRun(client(), { owner, repo, run_id: runs.completed })), gen.cancelWorkflowRun),
    ).toBe(false);

    for (const value of [undefined, null, "409", { status: 409, operationId: "actions/cancel-workflow-run" }, new Error("x")])
      expect(gen.isErrorOf(value, gen.cancelWorkflowRun)).toBe(false);
  });

  it("an operation that documents no error status matches any of its own API errors", async () => {
    answer("GET", runPath(runs.example), { status: 410, json: { message: "Gone" } });
    const e = await rejection(gen.getWorkflowRun(client(), { owner, repo, run_id: runs.example }));
    expect(gen.isErrorOf(e, gen.getWorkflowRun)).toBe(true);
    expect(gen.isErrorOf(e, gen.getWorkflowRunAttempt)).toBe(false);
  });

  it("narrows by status across a paginated operation's pages too", async () => {
    answer("GET", `/repos/${owner}/${repo}/actions/concurrency_groups`, {
      status: 422,
      json: { message: "Validation Failed", errors: [] },
    });
    const e = await rejection(gen.collect(client(), gen.listConcurrencyGroupsForRepository, { owner, repo }));
    expect(gen.isErrorOf(e, gen.listConcurrencyGroupsForRepository)).toBe(true);
  });
});
