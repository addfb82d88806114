// The 19 "workflow runs" operations (API version 2022-11-28), with the statuses the docs give and
// small, GitHub-like state changes (cancel completes a run, delete removes it, reviews clear pending
// deployments…) so sequences of calls behave coherently.
import { githubError, notFound } from "../errors.js";
import { docsExample, EXAMPLE, type JsonObject } from "../docs-examples.js";
import { githubActionsApp } from "../github-app.js";
import { paginateByPage } from "../pagination.js";
import type { Route, RouteContext } from "../router.js";
import { runFilter, SEARCH_RESULT_CAP, usesCappingFilter } from "../run-filters.js";
import { findWorkflow, isCompleted, type RepoRecord, type RunRecord } from "../state.js";
import type { ApiResponse } from "../types.js";
import { parseId, type BodySpec } from "../validation.js";
import { json, linkBase, withRepo, withRun } from "./common.js";

const VERSION = "2022-11-28";
const RUNS = "/repos/{owner}/{repo}/actions/runs/{run_id}";
const docs = (anchor: string): string => `https://docs.github.com/rest/actions/workflow-runs#${anchor}`;

const RERUN_BODY: BodySpec = { fields: { enable_debug_logging: { type: "boolean" } } };
// Re-running one job also takes `enable_debugger` (GitHub's published description; the docs omit it).
const JOB_RERUN_BODY: BodySpec = { fields: { ...RERUN_BODY.fields, enable_debugger: { type: "boolean" } } };
const REVIEW_PENDING_BODY: BodySpec = {
  fields: {
    environment_ids: { type: "integer[]", required: true },
    state: { type: "string", required: true, enum: ["approved", "rejected"] },
    comment: { type: "string", required: true },
  },
};
// GitHub's schema is a oneOf: environment_name plus a state (comment optional) or a comment.
const PROTECTION_RULE_BODY: BodySpec = {
  fields: {
    environment_name: { type: "string", required: true },
    state: { type: "string", enum: ["approved", "rejected"] },
    comment: { type: "string" },
  },
  requireOneOf: ["state", "comment"],
};

const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

function listRuns(ctx: RouteContext, repo: RepoRecord, runs: readonly RunRecord[]): ApiResponse {
  const matching = runs.filter(runFilter(ctx.query));
  const cap = usesCappingFilter(ctx.query) ? SEARCH_RESULT_CAP : undefined;
  const page = paginateByPage(matching, ctx.query, linkBase(ctx, repo), cap);
  const excludePullRequests = ctx.query.get("exclude_pull_requests") === "true";
  return json(
    200,
    {
      total_count: matching.length,
      workflow_runs: page.items.map((run) => ctx.render.run(repo, run, { shape: "list", excludePullRequests })),
    },
    page.link ? { link: page.link } : undefined,
  );
}

/** 409 once a run has completed, otherwise the run is marked cancelled (GitHub does this asynchronously). */
function cancel(run: RunRecord): ApiResponse {
  if (isCompleted(run)) return githubError(409, "Cannot cancel a workflow run that is completed.", docs("cancel-a-workflow-run"));
  run.status = "completed";
  run.conclusion = "cancelled";
  run.updatedAt = nowIso();
  return json(202, {});
}

/** Re-running a finished run starts a new attempt; an unfinished run is left as is. */
function rerun(run: RunRecord): ApiResponse {
  if (isCompleted(run)) {
    run.runAttempt += 1;
    run.status = "queued";
    run.conclusion = null;
    run.updatedAt = nowIso();
    run.logsDeleted = false;
  }
  return json(201, {});
}

function redirectToLogs(ctx: RouteContext, repo: RepoRecord, run: RunRecord, attempt?: number): ApiResponse {
  if (run.logsDeleted) return notFound(docs("download-workflow-run-logs"));
  return { status: 302, headers: { location: ctx.logUrl(repo, run.id, attempt) } };
}

function reviewPendingDeployments(ctx: RouteContext, run: RunRecord): ApiResponse {
  const environmentIds = ctx.body.environment_ids as number[];
  const template = docsExample<JsonObject[]>(EXAMPLE.reviewPendingDeployments)[0] ?? {};
  const reviewed = run.pendingDeployments.filter((pending) =>
    environmentIds.includes(((pending as JsonObject).environment as JsonObject).id as number),
  );
  run.pendingDeployments = run.pendingDeployments.filter((pending) => !reviewed.includes(pending));
  const approval = docsExample<JsonObject[]>(EXAMPLE.approvals)[0] as JsonObject;
  run.approvals.push({
    ...approval,
    state: ctx.body.state,
    comment: ctx.body.comment,
    environments: reviewed.map((pending) => (pending as JsonObject).environment),
  });
  const deployments = environmentIds.map((environmentId, index) => {
    const pending = reviewed.find((item) => ((item as JsonObject).environment as JsonObject).id === environmentId) as
      JsonObject | undefined;
    const environment = (pending?.environment as JsonObject | undefined)?.name ?? template.environment;
    // The first deployment was made by a workflow job (GitHub Actions); the others show the
    // `null` the published description allows, so clients meet both shapes.
    const app = index === 0 ? githubActionsApp(template.creator as JsonObject) : null;
    return { ...template, id: index + 1, sha: run.headSha, ref: run.headBranch, environment, performed_via_github_app: app };
  });
  return json(200, ctx.render.docsData(deployments));
}

export const workflowRunRoutes: Route[] = [
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/actions/jobs/{job_id}/rerun",
    apiVersion: VERSION,
    docs: docs("re-run-a-job-from-a-workflow-run"),
    body: JOB_RERUN_BODY,
    handle: (ctx) =>
      withRepo(ctx, docs("re-run-a-job-from-a-workflow-run"), (repo) => {
        const jobId = parseId(ctx.params.job_id);
        const job = repo.jobs.find((candidate) => candidate.id === jobId);
        const run = job && repo.runs.find((candidate) => candidate.id === job.runId);
        return run ? rerun(run) : notFound(docs("re-run-a-job-from-a-workflow-run"));
      }),
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/actions/runs",
    apiVersion: VERSION,
    docs: docs("list-workflow-runs-for-a-repository"),
    handle: (ctx) => withRepo(ctx, docs("list-workflow-runs-for-a-repository"), (repo) => listRuns(ctx, repo, repo.runs)),
  },
  {
    method: "GET",
    path: RUNS,
    apiVersion: VERSION,
    docs: docs("get-a-workflow-run"),
    handle: (ctx) =>
      withRun(ctx, docs("get-a-workflow-run"), (repo, run) =>
        json(200, ctx.render.run(repo, run, { shape: "get", excludePullRequests: ctx.query.get("exclude_pull_requests") === "true" })),
      ),
  },
  {
    method: "DELETE",
    path: RUNS,
    apiVersion: VERSION,
    docs: docs("delete-a-workflow-run"),
    handle: (ctx) =>
      withRun(ctx, docs("delete-a-workflow-run"), (repo, run) => {
        repo.runs = repo.runs.filter((candidate) => candidate !== run);
        return { status: 204 };
      }),
  },
  {
    method: "GET",
    path: `${RUNS}/approvals`,
    apiVersion: VERSION,
    docs: docs("get-the-review-history-for-a-workflow-run"),
    handle: (ctx) =>
      withRun(ctx, docs("get-the-review-history-for-a-workflow-run"), (_repo, run) => json(200, ctx.render.docsData(run.approvals))),
  },
  {
    method: "POST",
    path: `${RUNS}/approve`,
    apiVersion: VERSION,
    docs: docs("approve-a-workflow-run-for-a-fork-pull-request"),
    handle: (ctx) =>
      withRun(ctx, docs("approve-a-workflow-run-for-a-fork-pull-request"), (_repo, run) => {
        if (run.status === "action_required") {
          run.status = "queued";
          run.conclusion = null;
        }
        return json(201, {});
      }),
  },
  {
    method: "GET",
    path: `${RUNS}/attempts/{attempt_number}`,
    apiVersion: VERSION,
    docs: docs("get-a-workflow-run-attempt"),
    handle: (ctx) =>
      withRun(ctx, docs("get-a-workflow-run-attempt"), (repo, run) => {
        const attempt = parseId(ctx.params.attempt_number);
        if (attempt === undefined || attempt < 1 || attempt > run.runAttempt) return notFound(docs("get-a-workflow-run-attempt"));
        const excludePullRequests = ctx.query.get("exclude_pull_requests") === "true";
        return json(200, ctx.render.run(repo, run, { shape: "get", attempt, excludePullRequests }));
      }),
  },
  {
    method: "GET",
    path: `${RUNS}/attempts/{attempt_number}/logs`,
    apiVersion: VERSION,
    docs: docs("download-workflow-run-attempt-logs"),
    handle: (ctx) =>
      withRun(ctx, docs("download-workflow-run-attempt-logs"), (repo, run) => {
        const attempt = parseId(ctx.params.attempt_number);
        if (attempt === undefined || attempt < 1 || attempt > run.runAttempt) return notFound(docs("download-workflow-run-attempt-logs"));
        return redirectToLogs(ctx, repo, run, attempt);
      }),
  },
  {
    method: "POST",
    path: `${RUNS}/cancel`,
    apiVersion: VERSION,
    docs: docs("cancel-a-workflow-run"),
    handle: (ctx) => withRun(ctx, docs("cancel-a-workflow-run"), (_repo, run) => cancel(run)),
  },
  {
    method: "POST",
    path: `${RUNS}/deployment_protection_rule`,
    apiVersion: VERSION,
    docs: docs("review-custom-deployment-protection-rules-for-a-workflow-run"),
    body: PROTECTION_RULE_BODY,
    handle: (ctx) => withRun(ctx, docs("review-custom-deployment-protection-rules-for-a-workflow-run"), () => ({ status: 204 })),
  },
  {
    method: "POST",
    path: `${RUNS}/force-cancel`,
    apiVersion: VERSION,
    docs: docs("force-cancel-a-workflow-run"),
    handle: (ctx) => withRun(ctx, docs("force-cancel-a-workflow-run"), (_repo, run) => cancel(run)),
  },
  {
    method: "GET",
    path: `${RUNS}/logs`,
    apiVersion: VERSION,
    docs: docs("download-workflow-run-logs"),
    handle: (ctx) => withRun(ctx, docs("download-workflow-run-logs"), (repo, run) => redirectToLogs(ctx, repo, run)),
  },
  {
    method: "DELETE",
    path: `${RUNS}/logs`,
    apiVersion: VERSION,
    docs: docs("delete-workflow-run-logs"),
    handle: (ctx) =>
      withRun(ctx, docs("delete-workflow-run-logs"), (_repo, run) => {
        run.logsDeleted = true;
        return { status: 204 };
      }),
  },
  {
    method: "GET",
    path: `${RUNS}/pending_deployments`,
    apiVersion: VERSION,
    docs: docs("get-pending-deployments-for-a-workflow-run"),
    handle: (ctx) =>
      withRun(ctx, docs("get-pending-deployments-for-a-workflow-run"), (_repo, run) =>
        json(200, ctx.render.docsData(run.pendingDeployments)),
      ),
  },
  {
    method: "POST",
    path: `${RUNS}/pending_deployments`,
    apiVersion: VERSION,
    docs: docs("review-pending-deployments-for-a-workflow-run"),
    body: REVIEW_PENDING_BODY,
    handle: (ctx) =>
      withRun(ctx, docs("review-pending-deployments-for-a-workflow-run"), (_repo, run) => reviewPendingDeployments(ctx, run)),
  },
  {
    method: "POST",
    path: `${RUNS}/rerun`,
    apiVersion: VERSION,
    docs: docs("re-run-a-workflow"),
    body: RERUN_BODY,
    handle: (ctx) => withRun(ctx, docs("re-run-a-workflow"), (_repo, run) => rerun(run)),
  },
  {
    method: "POST",
    path: `${RUNS}/rerun-failed-jobs`,
    apiVersion: VERSION,
    docs: docs("re-run-failed-jobs-from-a-workflow-run"),
    body: RERUN_BODY,
    handle: (ctx) => withRun(ctx, docs("re-run-failed-jobs-from-a-workflow-run"), (_repo, run) => rerun(run)),
  },
  {
    method: "GET",
    path: `${RUNS}/timing`,
    apiVersion: VERSION,
    docs: docs("get-workflow-run-usage"),
    handle: (ctx) => withRun(ctx, docs("get-workflow-run-usage"), () => json(200, docsExample(EXAMPLE.timing))),
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs",
    apiVersion: VERSION,
    docs: docs("list-workflow-runs-for-a-workflow"),
    handle: (ctx) =>
      withRepo(ctx, docs("list-workflow-runs-for-a-workflow"), (repo) => {
        const workflow = findWorkflow(repo, ctx.params.workflow_id ?? "");
        if (!workflow) return notFound(docs("list-workflow-runs-for-a-workflow"));
        return listRuns(
          ctx,
          repo,
          repo.runs.filter((run) => run.workflowId === workflow.id),
        );
      }),
  },
];
