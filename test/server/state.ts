// The server's in-memory model: compact records that handlers mutate and render.ts turns into
// docs-shaped JSON. Built by seed.ts; reset() replaces it with a fresh seed.

export interface RunRecord {
  id: number;
  nodeId: string;
  name: string;
  displayTitle: string;
  runNumber: number;
  workflowId: number;
  /** The run's `path`, e.g. ".github/workflows/build.yml@main". */
  path: string;
  event: string;
  status: string;
  conclusion: string | null;
  headBranch: string;
  headSha: string;
  actor: string;
  checkSuiteId: number;
  checkSuiteNodeId: string;
  createdAt: string;
  updatedAt: string;
  runStartedAt: string;
  runAttempt: number;
  /** Number of the pull request that triggered a pull_request run (rendered into pull_requests). */
  pullRequestNumber?: number;
  /** Renders `pull_requests: null`, which GitHub's published description allows (the docs show an array). */
  pullRequestsNull?: boolean;
  approvals: unknown[];
  pendingDeployments: unknown[];
  logsDeleted: boolean;
  /** Concurrency groups the run's configuration uses (listed even when it holds no lease in them). */
  concurrencyGroups: string[];
}

export interface WorkflowRecord {
  id: number;
  name: string;
  /** ".github/workflows/build.yml" — the file name also identifies the workflow in URLs. */
  file: string;
}

export interface GroupMember {
  runId: number;
  runName: string;
  status: string;
  jobId?: number;
  jobName?: string;
  /** Renders the run and job URLs as null, which GitHub's published description allows. */
  urlsNull?: boolean;
}

export interface GroupRecord {
  name: string;
  /** null is allowed by GitHub's published description (the docs' examples always have a time). */
  lastAcquiredAt: string | null;
  /** Queue order: index = position. An empty queue means the group is inactive. */
  members: GroupMember[];
}

export interface JobRecord {
  id: number;
  runId: number;
  name: string;
}

export interface RepoRecord {
  id: number;
  owner: string;
  name: string;
  /** Newest first — the order list endpoints return. */
  runs: RunRecord[];
  workflows: WorkflowRecord[];
  groups: GroupRecord[];
  jobs: JobRecord[];
  /** Page links point at /repositories/{id}/… (GitHub does this for renamed/transferred repos). */
  linksViaRepositoryId: boolean;
  /** Cursor lists repeat their cursor from this page on (loop-guard fixture). */
  repeatCursorFromPage?: number;
}

export interface ServerState {
  repos: RepoRecord[];
}

/** Owner and repo names are not case sensitive on GitHub. */
export function findRepo(state: ServerState, owner: string, name: string): RepoRecord | undefined {
  const fullName = `${owner}/${name}`.toLowerCase();
  return state.repos.find((repo) => `${repo.owner}/${repo.name}`.toLowerCase() === fullName);
}

export function findRepoById(state: ServerState, id: number): RepoRecord | undefined {
  return state.repos.find((repo) => repo.id === id);
}

export function findRun(repo: RepoRecord, runId: number): RunRecord | undefined {
  return repo.runs.find((run) => run.id === runId);
}

export function findGroup(repo: RepoRecord, name: string): GroupRecord | undefined {
  return repo.groups.find((group) => group.name === name);
}

/** `workflow_id` may be the numeric id or the workflow file name (e.g. "build.yml"). */
export function findWorkflow(repo: RepoRecord, workflowId: string): WorkflowRecord | undefined {
  return repo.workflows.find((workflow) => String(workflow.id) === workflowId || workflow.file.split("/").pop() === workflowId);
}

export function isCompleted(run: RunRecord): boolean {
  return run.status === "completed";
}
