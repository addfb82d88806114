import type { GitHubApiError } from "../runtime/errors.js";
import type { ApiResponse, Operation, PaginatedOperation } from "../runtime/types.js";
import type { paths } from "../types.js";
type GetConcurrencyGroupForRepositoryOperation = paths["/repos/{owner}/{repo}/actions/concurrency_groups/{concurrency_group_name}"]["get"];
/** Parameters of {@link getConcurrencyGroupForRepository}: path, query, header and body fields in one object. */
export type GetConcurrencyGroupForRepositoryParams = GetConcurrencyGroupForRepositoryOperation["parameters"]["path"] & NonNullable<GetConcurrencyGroupForRepositoryOperation["parameters"]["query"]> & NonNullable<GetConcurrencyGroupForRepositoryOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link getConcurrencyGroupForRepository}. */
export type GetConcurrencyGroupForRepositoryResponse = ApiResponse<200, GetConcurrencyGroupForRepositoryOperation["responses"][200]["content"]["application/json"]>;
/** The error {@link getConcurrencyGroupForRepository} throws for a documented error status. */
export type GetConcurrencyGroupForRepositoryError = GitHubApiError<404 | 422>;
/**
 * Get a concurrency group for a repository
 *
 * Gets a specific concurrency group for a repository, including all instances in the group's queue. Returns 404 if the group is inactive or does not exist.
 *
 * Optionally, pass `ahead_of_run` or `ahead_of_job` to filter the results to only the items ahead of the specified workflow run or job in the queue, plus the specified item itself (returned as the last element). This is useful for determining what is blocking a particular run or job. Returns 422 if the specified run or job is not in this concurrency group.
 *
 * When using `ahead_of_run`, this matches workflow-level concurrency and any reusable-workflow leases held on behalf of that run. Job-level leases within the run are not considered to block the run as a whole. Use `ahead_of_job` to match job-level concurrency and reusable-workflow leases on the job's ancestor paths.
 *
 * OAuth app tokens and personal access tokens (classic) need the `repo` scope to use this endpoint with a private repository.
 *
 * This endpoint can be used without authentication or the permissions above if only public resources are requested.
 *
 * Required permission: "Actions" repository permissions (read).
 * @see {@link https://docs.github.com/rest/actions/concurrency-groups#get-a-concurrency-group-for-a-repository}
 * @example const { status, data } = await getConcurrencyGroupForRepository(client, { owner: "OWNER", repo: "REPO", concurrency_group_name: "CONCURRENCY_GROUP_NAME" });
 */
export declare const getConcurrencyGroupForRepository: Operation<GetConcurrencyGroupForRepositoryParams, GetConcurrencyGroupForRepositoryResponse>;
type ListConcurrencyGroupsForRepositoryOperation = paths["/repos/{owner}/{repo}/actions/concurrency_groups"]["get"];
/** Parameters of {@link listConcurrencyGroupsForRepository}: path, query, header and body fields in one object. */
export type ListConcurrencyGroupsForRepositoryParams = ListConcurrencyGroupsForRepositoryOperation["parameters"]["path"] & NonNullable<ListConcurrencyGroupsForRepositoryOperation["parameters"]["query"]> & NonNullable<ListConcurrencyGroupsForRepositoryOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link listConcurrencyGroupsForRepository}. */
export type ListConcurrencyGroupsForRepositoryResponse = ApiResponse<200, ListConcurrencyGroupsForRepositoryOperation["responses"][200]["content"]["application/json"]>;
/** The error {@link listConcurrencyGroupsForRepository} throws for a documented error status. */
export type ListConcurrencyGroupsForRepositoryError = GitHubApiError<422>;
/** One item of the list that {@link listConcurrencyGroupsForRepository} pages through. */
export type ListConcurrencyGroupsForRepositoryItem = NonNullable<ListConcurrencyGroupsForRepositoryOperation["responses"][200]["content"]["application/json"]["concurrency_groups"]>[number];
/**
 * List concurrency groups for a repository
 *
 * Lists the active concurrency groups for a repository.
 *
 * OAuth app tokens and personal access tokens (classic) need the `repo` scope to use this endpoint with a private repository.
 *
 * This endpoint can be used without authentication or the permissions above if only public resources are requested.
 *
 * Required permission: "Actions" repository permissions (read).
 *
 * Paginated (cursor style): iterate with `paginate(client, listConcurrencyGroupsForRepository, params)`.
 * @see {@link https://docs.github.com/rest/actions/concurrency-groups#list-concurrency-groups-for-a-repository}
 * @example for await (const item of paginate(client, listConcurrencyGroupsForRepository, { owner: "OWNER", repo: "REPO" })) console.log(item);
 */
export declare const listConcurrencyGroupsForRepository: PaginatedOperation<ListConcurrencyGroupsForRepositoryParams, ListConcurrencyGroupsForRepositoryResponse, ListConcurrencyGroupsForRepositoryItem>;
type ListConcurrencyGroupsForWorkflowRunOperation = paths["/repos/{owner}/{repo}/actions/runs/{run_id}/concurrency_groups"]["get"];
/** Parameters of {@link listConcurrencyGroupsForWorkflowRun}: path, query, header and body fields in one object. */
export type ListConcurrencyGroupsForWorkflowRunParams = ListConcurrencyGroupsForWorkflowRunOperation["parameters"]["path"] & NonNullable<ListConcurrencyGroupsForWorkflowRunOperation["parameters"]["query"]> & NonNullable<ListConcurrencyGroupsForWorkflowRunOperation["parameters"]["header"]>;
/** The documented successful outcomes of {@link listConcurrencyGroupsForWorkflowRun}. */
export type ListConcurrencyGroupsForWorkflowRunResponse = ApiResponse<200, ListConcurrencyGroupsForWorkflowRunOperation["responses"][200]["content"]["application/json"]>;
/** The error {@link listConcurrencyGroupsForWorkflowRun} throws for a documented error status. */
export type ListConcurrencyGroupsForWorkflowRunError = GitHubApiError<404 | 422>;
/** One item of the list that {@link listConcurrencyGroupsForWorkflowRun} pages through. */
export type ListConcurrencyGroupsForWorkflowRunItem = NonNullable<ListConcurrencyGroupsForWorkflowRunOperation["responses"][200]["content"]["application/json"]["concurrency_groups"]>[number];
/**
 * List concurrency groups for a workflow run
 *
 * Lists all concurrency groups associated with a workflow run or its jobs.
 *
 * The set of groups is derived from the run's configuration, so a group is included even when the run no longer has any items currently holding or waiting in it. In that case the `group_members` array will be empty. `total_count` reflects the number of groups the run participates in by configuration, not the number with active items.
 *
 * This differs from `GET /repos/{owner}/{repo}/actions/concurrency_groups/{group_name}`, which returns 404 when a group has no active items. That endpoint reports the live state of a group repo-wide, while this endpoint reports the groups associated with a specific run by configuration.
 *
 * Results are sorted by group name and support cursor-based pagination via `before` and `after`. The `after` cursor paginates forward only and does not emit a `rel="prev"` Link; use `before` to page backward from a forward page's `next` cursor.
 *
 * OAuth app tokens and personal access tokens (classic) need the `repo` scope to use this endpoint with a private repository.
 *
 * This endpoint can be used without authentication or the permissions above if only public resources are requested.
 *
 * Required permission: "Actions" repository permissions (read).
 *
 * Paginated (cursor style): iterate with `paginate(client, listConcurrencyGroupsForWorkflowRun, params)`.
 * @see {@link https://docs.github.com/rest/actions/concurrency-groups#list-concurrency-groups-for-a-workflow-run}
 * @example for await (const item of paginate(client, listConcurrencyGroupsForWorkflowRun, { owner: "OWNER", repo: "REPO", run_id: 42 })) console.log(item);
 */
export declare const listConcurrencyGroupsForWorkflowRun: PaginatedOperation<ListConcurrencyGroupsForWorkflowRunParams, ListConcurrencyGroupsForWorkflowRunResponse, ListConcurrencyGroupsForWorkflowRunItem>;
export {};
