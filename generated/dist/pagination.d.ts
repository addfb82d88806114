import type { listConcurrencyGroupsForRepository, listConcurrencyGroupsForWorkflowRun } from "./operations/concurrency-groups.js";
import type { listWorkflowRuns, listWorkflowRunsForRepo } from "./operations/workflow-runs.js";
/** Every operation that `paginate`, `pages` and `collect` accept, by name. */
export type PaginatedOperations = {
    listConcurrencyGroupsForRepository: typeof listConcurrencyGroupsForRepository;
    listConcurrencyGroupsForWorkflowRun: typeof listConcurrencyGroupsForWorkflowRun;
    listWorkflowRuns: typeof listWorkflowRuns;
    listWorkflowRunsForRepo: typeof listWorkflowRunsForRepo;
};
export type PaginatedOperationName = keyof PaginatedOperations;
