import type { GitHubApiError } from "../runtime/errors.js";
import type { ApiResponse, Operation, PaginatedOperation, RedirectResponse } from "../runtime/types.js";
import type { paths } from "../types.js";
type ApproveWorkflowRunOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}/approve"]["post"];
/** Parameters of {@link approveWorkflowRun}: path, query, header and body fields in one object. */
export type ApproveWorkflowRunParams = ApproveWorkflowRunOperation["parameters"]["path"] & NonNullable<ApproveWorkflowRunOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link approveWorkflowRun}. */
export type ApproveWorkflowRunResponse = ApiResponse<201, ApproveWorkflowRunOperation["responses"][201]["content"]["application/json"]>;
/** The error {@link approveWorkflowRun} throws for a documented error status. */
export type ApproveWorkflowRunError = GitHubApiError<403 | 404>;
/**
 * Approve a workflow run for a fork pull request
 *
 * Approves a workflow run for a pull request from a public fork of a first time contributor. For more information, see "Approving workflow runs from public forks."
 *
 * OAuth tokens and personal access tokens (classic) need the `repo` scope to use this endpoint.
 *
 * Required permission: "Actions" repository permissions (write).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#approve-a-workflow-run-for-a-fork-pull-request}
 * @example const { status, data } = await approveWorkflowRun(client, { owner: "OWNER", repo: "REPO", run_id: 42 });
 */
export declare const approveWorkflowRun: Operation<ApproveWorkflowRunParams, ApproveWorkflowRunResponse>;
type CancelWorkflowRunOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}/cancel"]["post"];
/** Parameters of {@link cancelWorkflowRun}: path, query, header and body fields in one object. */
export type CancelWorkflowRunParams = CancelWorkflowRunOperation["parameters"]["path"] & NonNullable<CancelWorkflowRunOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link cancelWorkflowRun}. */
export type CancelWorkflowRunResponse = ApiResponse<202, CancelWorkflowRunOperation["responses"][202]["content"]["application/json"]>;
/** The error {@link cancelWorkflowRun} throws for a documented error status. */
export type CancelWorkflowRunError = GitHubApiError<409>;
/**
 * Cancel a workflow run
 *
 * Cancels a workflow run using its `id`.
 *
 * OAuth tokens and personal access tokens (classic) need the `repo` scope to use this endpoint.
 *
 * Required permission: "Actions" repository permissions (write).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#cancel-a-workflow-run}
 * @example const { status, data } = await cancelWorkflowRun(client, { owner: "OWNER", repo: "REPO", run_id: 42 });
 */
export declare const cancelWorkflowRun: Operation<CancelWorkflowRunParams, CancelWorkflowRunResponse>;
type DeleteWorkflowRunOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}"]["delete"];
/** Parameters of {@link deleteWorkflowRun}: path, query, header and body fields in one object. */
export type DeleteWorkflowRunParams = DeleteWorkflowRunOperation["parameters"]["path"] & NonNullable<DeleteWorkflowRunOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link deleteWorkflowRun}. */
export type DeleteWorkflowRunResponse = ApiResponse<204, undefined>;
/** The error {@link deleteWorkflowRun} throws for a documented error status. */
export type DeleteWorkflowRunError = GitHubApiError<number>;
/**
 * Delete a workflow run
 *
 * Deletes a specific workflow run.
 *
 * Anyone with write access to the repository can use this endpoint.
 *
 * If the repository is private, OAuth tokens and personal access tokens (classic) need the `repo` scope to use this endpoint.
 *
 * Required permission: "Actions" repository permissions (write).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#delete-a-workflow-run}
 * @example const { status, data } = await deleteWorkflowRun(client, { owner: "OWNER", repo: "REPO", run_id: 42 });
 */
export declare const deleteWorkflowRun: Operation<DeleteWorkflowRunParams, DeleteWorkflowRunResponse>;
type DeleteWorkflowRunLogsOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}/logs"]["delete"];
/** Parameters of {@link deleteWorkflowRunLogs}: path, query, header and body fields in one object. */
export type DeleteWorkflowRunLogsParams = DeleteWorkflowRunLogsOperation["parameters"]["path"] & NonNullable<DeleteWorkflowRunLogsOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link deleteWorkflowRunLogs}. */
export type DeleteWorkflowRunLogsResponse = ApiResponse<204, undefined>;
/** The error {@link deleteWorkflowRunLogs} throws for a documented error status. */
export type DeleteWorkflowRunLogsError = GitHubApiError<403 | 500>;
/**
 * Delete workflow run logs
 *
 * Deletes all logs for a workflow run.
 *
 * OAuth tokens and personal access tokens (classic) need the `repo` scope to use this endpoint.
 *
 * Required permission: "Actions" repository permissions (write).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#delete-workflow-run-logs}
 * @example const { status, data } = await deleteWorkflowRunLogs(client, { owner: "OWNER", repo: "REPO", run_id: 42 });
 */
export declare const deleteWorkflowRunLogs: Operation<DeleteWorkflowRunLogsParams, DeleteWorkflowRunLogsResponse>;
type DownloadWorkflowRunAttemptLogsOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/logs"]["get"];
/** Parameters of {@link downloadWorkflowRunAttemptLogs}: path, query, header and body fields in one object. */
export type DownloadWorkflowRunAttemptLogsParams = DownloadWorkflowRunAttemptLogsOperation["parameters"]["path"] & NonNullable<DownloadWorkflowRunAttemptLogsOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link downloadWorkflowRunAttemptLogs}. */
export type DownloadWorkflowRunAttemptLogsResponse = RedirectResponse<302>;
/** The error {@link downloadWorkflowRunAttemptLogs} throws for a documented error status. */
export type DownloadWorkflowRunAttemptLogsError = GitHubApiError<number>;
/**
 * Download workflow run attempt logs
 *
 * Gets a redirect URL to download an archive of log files for a specific workflow run attempt. This link expires after 1 minute. Look for `Location:` in the response header to find the URL for the download.
 *
 * Anyone with read access to the repository can use this endpoint.
 *
 * If the repository is private, OAuth tokens and personal access tokens (classic) need the `repo` scope to use this endpoint.
 *
 * This endpoint can be used without authentication or the permissions above if only public resources are requested.
 *
 * Required permission: "Actions" repository permissions (read).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#download-workflow-run-attempt-logs}
 * @example const { location } = await downloadWorkflowRunAttemptLogs(client, { owner: "OWNER", repo: "REPO", run_id: 42, attempt_number: 42 });
 */
export declare const downloadWorkflowRunAttemptLogs: Operation<DownloadWorkflowRunAttemptLogsParams, DownloadWorkflowRunAttemptLogsResponse>;
type DownloadWorkflowRunLogsOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}/logs"]["get"];
/** Parameters of {@link downloadWorkflowRunLogs}: path, query, header and body fields in one object. */
export type DownloadWorkflowRunLogsParams = DownloadWorkflowRunLogsOperation["parameters"]["path"] & NonNullable<DownloadWorkflowRunLogsOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link downloadWorkflowRunLogs}. */
export type DownloadWorkflowRunLogsResponse = RedirectResponse<302>;
/** The error {@link downloadWorkflowRunLogs} throws for a documented error status. */
export type DownloadWorkflowRunLogsError = GitHubApiError<number>;
/**
 * Download workflow run logs
 *
 * Gets a redirect URL to download an archive of log files for a workflow run. This link expires after 1 minute. Look for `Location:` in the response header to find the URL for the download.
 *
 * Anyone with read access to the repository can use this endpoint.
 *
 * If the repository is private, OAuth tokens and personal access tokens (classic) need the `repo` scope to use this endpoint.
 *
 * This endpoint can be used without authentication or the permissions above if only public resources are requested.
 *
 * Required permission: "Actions" repository permissions (read).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#download-workflow-run-logs}
 * @example const { location } = await downloadWorkflowRunLogs(client, { owner: "OWNER", repo: "REPO", run_id: 42 });
 */
export declare const downloadWorkflowRunLogs: Operation<DownloadWorkflowRunLogsParams, DownloadWorkflowRunLogsResponse>;
type ForceCancelWorkflowRunOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}/force-cancel"]["post"];
/** Parameters of {@link forceCancelWorkflowRun}: path, query, header and body fields in one object. */
export type ForceCancelWorkflowRunParams = ForceCancelWorkflowRunOperation["parameters"]["path"] & NonNullable<ForceCancelWorkflowRunOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link forceCancelWorkflowRun}. */
export type ForceCancelWorkflowRunResponse = ApiResponse<202, ForceCancelWorkflowRunOperation["responses"][202]["content"]["application/json"]>;
/** The error {@link forceCancelWorkflowRun} throws for a documented error status. */
export type ForceCancelWorkflowRunError = GitHubApiError<409>;
/**
 * Force cancel a workflow run
 *
 * Cancels a workflow run and bypasses conditions that would otherwise cause a workflow execution to continue, such as an `always()` condition on a job. You should only use this endpoint to cancel a workflow run when the workflow run is not responding to [`POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel`](https://docs.github.com/rest/actions/workflow-runs#cancel-a-workflow-run).
 *
 * OAuth tokens and personal access tokens (classic) need the `repo` scope to use this endpoint.
 *
 * Required permission: "Actions" repository permissions (write).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#force-cancel-a-workflow-run}
 * @example const { status, data } = await forceCancelWorkflowRun(client, { owner: "OWNER", repo: "REPO", run_id: 42 });
 */
export declare const forceCancelWorkflowRun: Operation<ForceCancelWorkflowRunParams, ForceCancelWorkflowRunResponse>;
type GetPendingDeploymentsForRunOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"]["get"];
/** Parameters of {@link getPendingDeploymentsForRun}: path, query, header and body fields in one object. */
export type GetPendingDeploymentsForRunParams = GetPendingDeploymentsForRunOperation["parameters"]["path"] & NonNullable<GetPendingDeploymentsForRunOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link getPendingDeploymentsForRun}. */
export type GetPendingDeploymentsForRunResponse = ApiResponse<200, GetPendingDeploymentsForRunOperation["responses"][200]["content"]["application/json"]>;
/** The error {@link getPendingDeploymentsForRun} throws for a documented error status. */
export type GetPendingDeploymentsForRunError = GitHubApiError<number>;
/**
 * Get pending deployments for a workflow run
 *
 * Get all deployment environments for a workflow run that are waiting for protection rules to pass.
 *
 * Anyone with read access to the repository can use this endpoint.
 *
 * If the repository is private, OAuth tokens and personal access tokens (classic) need the `repo` scope to use this endpoint.
 *
 * This endpoint can be used without authentication or the permissions above if only public resources are requested.
 *
 * Required permission: "Actions" repository permissions (read).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#get-pending-deployments-for-a-workflow-run}
 * @example const { status, data } = await getPendingDeploymentsForRun(client, { owner: "OWNER", repo: "REPO", run_id: 42 });
 */
export declare const getPendingDeploymentsForRun: Operation<GetPendingDeploymentsForRunParams, GetPendingDeploymentsForRunResponse>;
type GetReviewsForRunOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}/approvals"]["get"];
/** Parameters of {@link getReviewsForRun}: path, query, header and body fields in one object. */
export type GetReviewsForRunParams = GetReviewsForRunOperation["parameters"]["path"] & NonNullable<GetReviewsForRunOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link getReviewsForRun}. */
export type GetReviewsForRunResponse = ApiResponse<200, GetReviewsForRunOperation["responses"][200]["content"]["application/json"]>;
/** The error {@link getReviewsForRun} throws for a documented error status. */
export type GetReviewsForRunError = GitHubApiError<number>;
/**
 * Get the review history for a workflow run
 *
 * Anyone with read access to the repository can use this endpoint.
 *
 * OAuth app tokens and personal access tokens (classic) need the `repo` scope to use this endpoint with a private repository.
 *
 * This endpoint can be used without authentication or the permissions above if only public resources are requested.
 *
 * Required permission: "Actions" repository permissions (read).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#get-the-review-history-for-a-workflow-run}
 * @example const { status, data } = await getReviewsForRun(client, { owner: "OWNER", repo: "REPO", run_id: 42 });
 */
export declare const getReviewsForRun: Operation<GetReviewsForRunParams, GetReviewsForRunResponse>;
type GetWorkflowRunOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}"]["get"];
/** Parameters of {@link getWorkflowRun}: path, query, header and body fields in one object. */
export type GetWorkflowRunParams = GetWorkflowRunOperation["parameters"]["path"] & NonNullable<GetWorkflowRunOperation["parameters"]["query"]> & NonNullable<GetWorkflowRunOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link getWorkflowRun}. */
export type GetWorkflowRunResponse = ApiResponse<200, GetWorkflowRunOperation["responses"][200]["content"]["application/json"]>;
/** The error {@link getWorkflowRun} throws for a documented error status. */
export type GetWorkflowRunError = GitHubApiError<number>;
/**
 * Get a workflow run
 *
 * Gets a specific workflow run.
 *
 * Anyone with read access to the repository can use this endpoint.
 *
 * OAuth app tokens and personal access tokens (classic) need the `repo` scope to use this endpoint with a private repository.
 *
 * This endpoint can be used without authentication or the permissions above if only public resources are requested.
 *
 * Required permission: "Actions" repository permissions (read).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#get-a-workflow-run}
 * @example const { status, data } = await getWorkflowRun(client, { owner: "OWNER", repo: "REPO", run_id: 42 });
 */
export declare const getWorkflowRun: Operation<GetWorkflowRunParams, GetWorkflowRunResponse>;
type GetWorkflowRunAttemptOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}"]["get"];
/** Parameters of {@link getWorkflowRunAttempt}: path, query, header and body fields in one object. */
export type GetWorkflowRunAttemptParams = GetWorkflowRunAttemptOperation["parameters"]["path"] & NonNullable<GetWorkflowRunAttemptOperation["parameters"]["query"]> & NonNullable<GetWorkflowRunAttemptOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link getWorkflowRunAttempt}. */
export type GetWorkflowRunAttemptResponse = ApiResponse<200, GetWorkflowRunAttemptOperation["responses"][200]["content"]["application/json"]>;
/** The error {@link getWorkflowRunAttempt} throws for a documented error status. */
export type GetWorkflowRunAttemptError = GitHubApiError<number>;
/**
 * Get a workflow run attempt
 *
 * Gets a specific workflow run attempt.
 *
 * Anyone with read access to the repository can use this endpoint.
 *
 * OAuth app tokens and personal access tokens (classic) need the `repo` scope to use this endpoint with a private repository.
 *
 * This endpoint can be used without authentication or the permissions above if only public resources are requested.
 *
 * Required permission: "Actions" repository permissions (read).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#get-a-workflow-run-attempt}
 * @example const { status, data } = await getWorkflowRunAttempt(client, { owner: "OWNER", repo: "REPO", run_id: 42, attempt_number: 42 });
 */
export declare const getWorkflowRunAttempt: Operation<GetWorkflowRunAttemptParams, GetWorkflowRunAttemptResponse>;
type GetWorkflowRunUsageOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}/timing"]["get"];
/** Parameters of {@link getWorkflowRunUsage}: path, query, header and body fields in one object. */
export type GetWorkflowRunUsageParams = GetWorkflowRunUsageOperation["parameters"]["path"] & NonNullable<GetWorkflowRunUsageOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link getWorkflowRunUsage}. */
export type GetWorkflowRunUsageResponse = ApiResponse<200, GetWorkflowRunUsageOperation["responses"][200]["content"]["application/json"]>;
/** The error {@link getWorkflowRunUsage} throws for a documented error status. */
export type GetWorkflowRunUsageError = GitHubApiError<number>;
/**
 * Get workflow run usage
 *
 * Gets the number of billable minutes and total run time for a specific workflow run. Billable minutes only apply to workflows in private repositories that use GitHub Enterprise Cloud-hosted runners. Usage is listed for each GitHub Enterprise Cloud-hosted runner operating system in milliseconds. Any job re-runs are also included in the usage. The usage does not include the multiplier for macOS and Windows runners and is not rounded up to the nearest whole minute. For more information, see "Managing billing for GitHub Actions".
 *
 * Anyone with read access to the repository can use this endpoint.
 *
 * OAuth app tokens and personal access tokens (classic) need the `repo` scope to use this endpoint with a private repository.
 *
 * This endpoint can be used without authentication or the permissions above if only public resources are requested.
 *
 * Required permission: "Actions" repository permissions (read).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#get-workflow-run-usage}
 * @example const { status, data } = await getWorkflowRunUsage(client, { owner: "OWNER", repo: "REPO", run_id: 42 });
 */
export declare const getWorkflowRunUsage: Operation<GetWorkflowRunUsageParams, GetWorkflowRunUsageResponse>;
type ListWorkflowRunsOperation = paths["/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs"]["get"];
/** Parameters of {@link listWorkflowRuns}: path, query, header and body fields in one object. */
export type ListWorkflowRunsParams = ListWorkflowRunsOperation["parameters"]["path"] & NonNullable<ListWorkflowRunsOperation["parameters"]["query"]> & NonNullable<ListWorkflowRunsOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link listWorkflowRuns}. */
export type ListWorkflowRunsResponse = ApiResponse<200, ListWorkflowRunsOperation["responses"][200]["content"]["application/json"]>;
/** The error {@link listWorkflowRuns} throws for a documented error status. */
export type ListWorkflowRunsError = GitHubApiError<number>;
/** One item of the list that {@link listWorkflowRuns} pages through. */
export type ListWorkflowRunsItem = NonNullable<ListWorkflowRunsOperation["responses"][200]["content"]["application/json"]["workflow_runs"]>[number];
/**
 * List workflow runs for a workflow
 *
 * List all workflow runs for a workflow. You can replace `workflow_id` with the workflow file name. For example, you could use `main.yaml`. You can use parameters to narrow the list of results. For more information about using parameters, see Parameters.
 *
 * Anyone with read access to the repository can use this endpoint
 *
 * OAuth app tokens and personal access tokens (classic) need the `repo` scope to use this endpoint with a private repository.
 *
 * This endpoint can be used without authentication or the permissions above if only public resources are requested.
 *
 * Required permission: "Actions" repository permissions (read).
 *
 * Paginated (page style): iterate with `paginate(client, listWorkflowRuns, params)`.
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow}
 * @example for await (const item of paginate(client, listWorkflowRuns, { owner: "OWNER", repo: "REPO", workflow_id: "WORKFLOW_ID" })) console.log(item);
 */
export declare const listWorkflowRuns: PaginatedOperation<ListWorkflowRunsParams, ListWorkflowRunsResponse, ListWorkflowRunsItem>;
type ListWorkflowRunsForRepoOperation = paths["/repos/{owner}/{repo}/actions/runs"]["get"];
/** Parameters of {@link listWorkflowRunsForRepo}: path, query, header and body fields in one object. */
export type ListWorkflowRunsForRepoParams = ListWorkflowRunsForRepoOperation["parameters"]["path"] & NonNullable<ListWorkflowRunsForRepoOperation["parameters"]["query"]> & NonNullable<ListWorkflowRunsForRepoOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link listWorkflowRunsForRepo}. */
export type ListWorkflowRunsForRepoResponse = ApiResponse<200, ListWorkflowRunsForRepoOperation["responses"][200]["content"]["application/json"]>;
/** The error {@link listWorkflowRunsForRepo} throws for a documented error status. */
export type ListWorkflowRunsForRepoError = GitHubApiError<number>;
/** One item of the list that {@link listWorkflowRunsForRepo} pages through. */
export type ListWorkflowRunsForRepoItem = NonNullable<ListWorkflowRunsForRepoOperation["responses"][200]["content"]["application/json"]["workflow_runs"]>[number];
/**
 * List workflow runs for a repository
 *
 * Lists all workflow runs for a repository. You can use parameters to narrow the list of results. For more information about using parameters, see Parameters.
 *
 * Anyone with read access to the repository can use this endpoint.
 *
 * OAuth app tokens and personal access tokens (classic) need the `repo` scope to use this endpoint with a private repository.
 *
 * This API will return up to 1,000 results for each search when using the following parameters: `actor`, `branch`, `check_suite_id`, `created`, `event`, `head_sha`, `status`.
 *
 * This endpoint can be used without authentication or the permissions above if only public resources are requested.
 *
 * Required permission: "Actions" repository permissions (read).
 *
 * Paginated (page style): iterate with `paginate(client, listWorkflowRunsForRepo, params)`.
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-repository}
 * @example for await (const item of paginate(client, listWorkflowRunsForRepo, { owner: "OWNER", repo: "REPO" })) console.log(item);
 */
export declare const listWorkflowRunsForRepo: PaginatedOperation<ListWorkflowRunsForRepoParams, ListWorkflowRunsForRepoResponse, ListWorkflowRunsForRepoItem>;
type ReRunJobForWorkflowRunOperation = paths["/repos/{owner}/{repo}/actions/jobs/{job_id}/rerun"]["post"];
/** Parameters of {@link reRunJobForWorkflowRun}: path, query, header and body fields in one object. */
export type ReRunJobForWorkflowRunParams = ReRunJobForWorkflowRunOperation["parameters"]["path"] & NonNullable<ReRunJobForWorkflowRunOperation["parameters"]["header"]> & Partial<NonNullable<ReRunJobForWorkflowRunOperation["requestBody"]>["content"]["application/json"]>;
/** The documented successful outcomes of {@link reRunJobForWorkflowRun}. */
export type ReRunJobForWorkflowRunResponse = ApiResponse<201, ReRunJobForWorkflowRunOperation["responses"][201]["content"]["application/json"]>;
/** The error {@link reRunJobForWorkflowRun} throws for a documented error status. */
export type ReRunJobForWorkflowRunError = GitHubApiError<403>;
/**
 * Re-run a job from a workflow run
 *
 * Re-run a job and its dependent jobs in a workflow run.
 *
 * OAuth app tokens and personal access tokens (classic) need the `repo` scope to use this endpoint.
 *
 * Required permission: "Actions" repository permissions (write).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#re-run-a-job-from-a-workflow-run}
 * @example const { status, data } = await reRunJobForWorkflowRun(client, { owner: "OWNER", repo: "REPO", job_id: 42 });
 */
export declare const reRunJobForWorkflowRun: Operation<ReRunJobForWorkflowRunParams, ReRunJobForWorkflowRunResponse>;
type ReRunWorkflowOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}/rerun"]["post"];
/** Parameters of {@link reRunWorkflow}: path, query, header and body fields in one object. */
export type ReRunWorkflowParams = ReRunWorkflowOperation["parameters"]["path"] & NonNullable<ReRunWorkflowOperation["parameters"]["header"]> & Partial<NonNullable<ReRunWorkflowOperation["requestBody"]>["content"]["application/json"]>;
/** The documented successful outcomes of {@link reRunWorkflow}. */
export type ReRunWorkflowResponse = ApiResponse<201, ReRunWorkflowOperation["responses"][201]["content"]["application/json"]>;
/** The error {@link reRunWorkflow} throws for a documented error status. */
export type ReRunWorkflowError = GitHubApiError<number>;
/**
 * Re-run a workflow
 *
 * Re-runs your workflow run using its `id`.
 *
 * OAuth app tokens and personal access tokens (classic) need the `repo` scope to use this endpoint.
 *
 * Required permission: "Actions" repository permissions (write).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#re-run-a-workflow}
 * @example const { status, data } = await reRunWorkflow(client, { owner: "OWNER", repo: "REPO", run_id: 42 });
 */
export declare const reRunWorkflow: Operation<ReRunWorkflowParams, ReRunWorkflowResponse>;
type ReRunWorkflowFailedJobsOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs"]["post"];
/** Parameters of {@link reRunWorkflowFailedJobs}: path, query, header and body fields in one object. */
export type ReRunWorkflowFailedJobsParams = ReRunWorkflowFailedJobsOperation["parameters"]["path"] & NonNullable<ReRunWorkflowFailedJobsOperation["parameters"]["header"]> & Partial<NonNullable<ReRunWorkflowFailedJobsOperation["requestBody"]>["content"]["application/json"]>;
/** The documented successful outcomes of {@link reRunWorkflowFailedJobs}. */
export type ReRunWorkflowFailedJobsResponse = ApiResponse<201, ReRunWorkflowFailedJobsOperation["responses"][201]["content"]["application/json"]>;
/** The error {@link reRunWorkflowFailedJobs} throws for a documented error status. */
export type ReRunWorkflowFailedJobsError = GitHubApiError<number>;
/**
 * Re-run failed jobs from a workflow run
 *
 * Re-run all of the failed jobs and their dependent jobs in a workflow run using the `id` of the workflow run.
 *
 * OAuth app tokens and personal access tokens (classic) need the `repo` scope to use this endpoint.
 *
 * Required permission: "Actions" repository permissions (write).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#re-run-failed-jobs-from-a-workflow-run}
 * @example const { status, data } = await reRunWorkflowFailedJobs(client, { owner: "OWNER", repo: "REPO", run_id: 42 });
 */
export declare const reRunWorkflowFailedJobs: Operation<ReRunWorkflowFailedJobsParams, ReRunWorkflowFailedJobsResponse>;
type ReviewCustomGatesForRunOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule"]["post"];
/** Parameters of {@link reviewCustomGatesForRun}: path, query, header and body fields in one object. */
export type ReviewCustomGatesForRunParams = ReviewCustomGatesForRunOperation["parameters"]["path"] & NonNullable<ReviewCustomGatesForRunOperation["parameters"]["header"]> & NonNullable<ReviewCustomGatesForRunOperation["requestBody"]>["content"]["application/json"];
/** The documented successful outcomes of {@link reviewCustomGatesForRun}. */
export type ReviewCustomGatesForRunResponse = ApiResponse<204, undefined>;
/** The error {@link reviewCustomGatesForRun} throws for a documented error status. */
export type ReviewCustomGatesForRunError = GitHubApiError<number>;
/**
 * Review custom deployment protection rules for a workflow run
 *
 * Approve or reject custom deployment protection rules provided by a GitHub App for a workflow run. For more information, see "Using environments for deployment."
 *
 * > [!NOTE]
 * > GitHub Apps can only review their own custom deployment protection rules. To approve or reject pending deployments that are waiting for review from a specific person or team, see [`POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments`](https://docs.github.com/rest/actions/workflow-runs#review-pending-deployments-for-a-workflow-run).
 *
 * OAuth app tokens and personal access tokens (classic) need the `repo` scope to use this endpoint with a private repository.
 *
 * Required permission: "Deployments" repository permissions (write).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#review-custom-deployment-protection-rules-for-a-workflow-run}
 * @example const { status, data } = await reviewCustomGatesForRun(client, { owner: "OWNER", repo: "REPO", run_id: 42 });
 */
export declare const reviewCustomGatesForRun: Operation<ReviewCustomGatesForRunParams, ReviewCustomGatesForRunResponse>;
type ReviewPendingDeploymentsForRunOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"]["post"];
/** Parameters of {@link reviewPendingDeploymentsForRun}: path, query, header and body fields in one object. */
export type ReviewPendingDeploymentsForRunParams = ReviewPendingDeploymentsForRunOperation["parameters"]["path"] & NonNullable<ReviewPendingDeploymentsForRunOperation["parameters"]["header"]> & NonNullable<ReviewPendingDeploymentsForRunOperation["requestBody"]>["content"]["application/json"];
/** The documented successful outcomes of {@link reviewPendingDeploymentsForRun}. */
export type ReviewPendingDeploymentsForRunResponse = ApiResponse<200, ReviewPendingDeploymentsForRunOperation["responses"][200]["content"]["application/json"]>;
/** The error {@link reviewPendingDeploymentsForRun} throws for a documented error status. */
export type ReviewPendingDeploymentsForRunError = GitHubApiError<number>;
/**
 * Review pending deployments for a workflow run
 *
 * Approve or reject pending deployments that are waiting on approval by a required reviewer.
 *
 * Required reviewers with read access to the repository contents and deployments can use this endpoint.
 *
 * OAuth app tokens and personal access tokens (classic) need the `repo` scope to use this endpoint.
 *
 * Required permission: "Actions" repository permissions (read) and "Checks" repository permissions (read) and "Deployments" repository permissions (read).
 * @see {@link https://docs.github.com/rest/actions/workflow-runs#review-pending-deployments-for-a-workflow-run}
 * @example const { status, data } = await reviewPendingDeploymentsForRun(client, { owner: "OWNER", repo: "REPO", run_id: 42 });
 */
export declare const reviewPendingDeploymentsForRun: Operation<ReviewPendingDeploymentsForRunParams, ReviewPendingDeploymentsForRunResponse>;
export {};
