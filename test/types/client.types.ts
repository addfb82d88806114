// Type tests: checked by `npm run typecheck` (tsc). A missing error under @ts-expect-error, or a
// wrong inferred type, fails the typecheck.
import { expectTypeOf } from "vitest";
import {
  collect,
  createClient,
  downloadWorkflowRunLogs,
  deleteWorkflowRun,
  getConcurrencyGroupForRepository,
  getWorkflowRun,
  GitHubApiError,
  listConcurrencyGroupsForRepository,
  listWorkflowRunsForRepo,
  paginate,
  reviewPendingDeploymentsForRun,
  type ConcurrencyGroup,
  type GetConcurrencyGroupForRepositoryError,
  type WorkflowRun,
} from "../../generated/src/index.js";

declare const gh: ReturnType<typeof createClient>;
const repo = { owner: "octocat", repo: "hello-world" } as const;

export async function params(): Promise<void> {
  // Enums are literal unions.
  await listWorkflowRunsForRepo(gh, { ...repo, status: "failure" });
  // @ts-expect-error "failed" is not one of the 14 run statuses
  await listWorkflowRunsForRepo(gh, { ...repo, status: "failed" });
  // @ts-expect-error run_id is required
  await getWorkflowRun(gh, { ...repo });
  // @ts-expect-error run_id is an integer
  await getWorkflowRun(gh, { ...repo, run_id: "1" });
  // Body fields are flat, with their enums and required flags.
  await reviewPendingDeploymentsForRun(gh, { ...repo, run_id: 1, environment_ids: [1], state: "rejected", comment: "no" });
  // @ts-expect-error state must be approved or rejected
  await reviewPendingDeploymentsForRun(gh, { ...repo, run_id: 1, environment_ids: [1], state: "maybe", comment: "no" });
  // @ts-expect-error comment is a required body field
  await reviewPendingDeploymentsForRun(gh, { ...repo, run_id: 1, environment_ids: [1], state: "approved" });
}

export async function results(): Promise<void> {
  const run = await getWorkflowRun(gh, { ...repo, run_id: 1 });
  expectTypeOf(run.status).toEqualTypeOf<200>();
  expectTypeOf(run.data).toEqualTypeOf<WorkflowRun>();
  expectTypeOf(run.headers.link).toEqualTypeOf<string | undefined>();
  expectTypeOf(run.headers["x-github-request-id"]).toEqualTypeOf<string | undefined>();

  const deleted = await deleteWorkflowRun(gh, { ...repo, run_id: 1 });
  expectTypeOf(deleted.status).toEqualTypeOf<204>();
  expectTypeOf(deleted.data).toEqualTypeOf<undefined>();

  const logs = await downloadWorkflowRunLogs(gh, { ...repo, run_id: 1 });
  expectTypeOf(logs.status).toEqualTypeOf<302>();
  expectTypeOf(logs.location).toEqualTypeOf<string>();

  const list = await listWorkflowRunsForRepo(gh, repo);
  expectTypeOf(list.data.total_count).toEqualTypeOf<number>();
  expectTypeOf(list.data.workflow_runs).toEqualTypeOf<WorkflowRun[]>();
}

export function errors(error: unknown): void {
  expectTypeOf<GitHubApiError["status"]>().toEqualTypeOf<number>();
  expectTypeOf<GitHubApiError>().toMatchTypeOf<Error>();
  if (error instanceof GitHubApiError) expectTypeOf(error.requestId).toEqualTypeOf<string | undefined>();
  const narrowed = error as GetConcurrencyGroupForRepositoryError;
  expectTypeOf(narrowed.status).toEqualTypeOf<404 | 422>();
}

export async function pagination(): Promise<void> {
  for await (const run of paginate(gh, listWorkflowRunsForRepo, repo)) expectTypeOf(run).toEqualTypeOf<WorkflowRun>();
  for await (const group of paginate(gh, listConcurrencyGroupsForRepository, repo)) expectTypeOf(group).toEqualTypeOf<ConcurrencyGroup>();
  const groups = await collect(gh, listConcurrencyGroupsForRepository, repo, { max: 500 });
  expectTypeOf(groups).toEqualTypeOf<ConcurrencyGroup[]>();
  // @ts-expect-error getWorkflowRun does not paginate
  paginate(gh, getWorkflowRun, { ...repo, run_id: 1 });
  // @ts-expect-error getConcurrencyGroupForRepository does not paginate
  await collect(gh, getConcurrencyGroupForRepository, { ...repo, concurrency_group_name: "x" });
  // @ts-expect-error params are checked against the operation
  paginate(gh, listWorkflowRunsForRepo, { ...repo, status: "nope" });
}
