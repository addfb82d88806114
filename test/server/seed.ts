// Builds the initial state: the docs' examples (octo-org/octo-repo) plus generated repos that
// exercise pagination, the 1,000-result cap, the /repositories/{id} link switch, cursor loops and
// awkward group names. FIXTURES names everything tests are expected to use.
import { createHash } from "node:crypto";
import { docsExample, EXAMPLE, type JsonObject } from "./docs-examples.js";
import type { GroupMember, GroupRecord, JobRecord, RepoRecord, RunRecord, ServerState, WorkflowRecord } from "./state.js";

export const FIXTURES = {
  /** The docs' examples: runs 30433640..30433646, groups deploy-prod / ci-build (active) and nightly (inactive). */
  docs: {
    owner: "octo-org",
    repo: "octo-repo",
    id: 217723378,
    runs: {
      /** The docs' example run, exactly: status queued (cancellable), has approvals + pending deployments. */
      example: 30433642,
      /** completed/success — cancel/force-cancel answer 409; configured for ci-build but holds no lease there. */
      completed: 30433640,
      /** CI run holding the ci-build lease (position 0). */
      in_progress: 30433641,
      /** CI run queued in ci-build (position 1). */
      queued: 30433646,
      /** completed/failure with run_attempt 2 (attempts/1 and /2 exist, /3 is 404). */
      failedTwoAttempts: 30433643,
      /** status waiting, has pending deployments. */
      waiting: 30433644,
      /** pull_request run awaiting fork approval (action_required). */
      actionRequired: 30433645,
    },
    workflows: { build: { id: 159038, file: "build.yml" }, deploy: { id: 159039, file: "deploy.yml" }, ci: { id: 159040, file: "ci.yml" } },
    jobs: { deploy: 798245260, build: 798245270 },
    groups: { active: ["deploy-prod", "ci-build"], inactive: "nightly" },
    unknownRunId: 999999999,
  },
  /** 3,700 runs (37 pages of 100), newest first; event=push and status=completed both exceed 1,000. */
  big: { owner: "octo-org", repo: "big-repo", id: 900000001, runCount: 3700 },
  /** 250 runs; page links switch to /repositories/900000002/actions/runs. */
  renamed: { owner: "octo-org", repo: "renamed-repo", id: 900000002, runCount: 250 },
  /** 250 active groups group-000..group-249 (25 pages at per_page=10); run 7000001 is configured for all of them. */
  manyGroups: { owner: "octo-org", repo: "many-groups", id: 900000003, runId: 7000001, groupCount: 250 },
  /** 100 groups loop-000..loop-099; from page 3 on, rel="next" repeats the request's cursor (both lists). */
  loop: { owner: "octo-org", repo: "loop-repo", id: 900000004, runId: 7100001, groupCount: 100, repeatFromPage: 3 },
  /** Groups whose names need careful percent-encoding; run 8100001 is in all of them. */
  oddNames: {
    owner: "octo-org",
    repo: "odd-names",
    id: 900000005,
    runId: 8100001,
    groups: ["deploy/prod eu?#..", "release%2Fv1", "déploiement ✓"],
  },
  /**
   * The nulls GitHub's published description allows and the docs' examples never show: run
   * 8200001 has `pull_requests: null`; group `never-acquired` has `last_acquired_at: null`; in
   * `hidden-holder`, the holder (run 8200002, job 8200003) has null run and job URLs.
   */
  nulls: {
    owner: "octo-org",
    repo: "nulls-repo",
    id: 900000006,
    runId: 8200001,
    hiddenRunId: 8200002,
    hiddenJobId: 8200003,
    groups: { neverAcquired: "never-acquired", hiddenHolder: "hidden-holder" },
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Runs

function nodeId(kind: string, id: number): string {
  return Buffer.from(`${kind}${id}`).toString("base64");
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The docs' example run as a record; other docs-repo runs are variations of it. */
function exampleRun(): RunRecord {
  const run = docsExample(EXAMPLE.getRun);
  const actor = run.actor as JsonObject;
  return {
    id: run.id as number,
    nodeId: run.node_id as string,
    name: run.name as string,
    displayTitle: run.display_title as string,
    runNumber: run.run_number as number,
    workflowId: run.workflow_id as number,
    path: run.path as string,
    event: run.event as string,
    status: run.status as string,
    conclusion: run.conclusion as string | null,
    headBranch: run.head_branch as string,
    headSha: run.head_sha as string,
    actor: actor.login as string,
    checkSuiteId: run.check_suite_id as number,
    checkSuiteNodeId: run.check_suite_node_id as string,
    createdAt: run.created_at as string,
    updatedAt: run.updated_at as string,
    runStartedAt: run.run_started_at as string,
    runAttempt: run.run_attempt as number,
    approvals: docsExample<unknown[]>(EXAMPLE.approvals),
    pendingDeployments: docsExample<unknown[]>(EXAMPLE.pendingDeployments),
    logsDeleted: false,
    concurrencyGroups: ["deploy-prod", "ci-build"],
  };
}

function variant(base: RunRecord, id: number, minutesLater: number, changes: Partial<RunRecord>): RunRecord {
  const created = isoSeconds(Date.parse(base.createdAt) + minutesLater * 60_000);
  return {
    ...base,
    id,
    nodeId: nodeId("04:WorkflowRun", id),
    runNumber: base.runNumber + (id - base.id),
    checkSuiteId: base.checkSuiteId + (id - base.id),
    checkSuiteNodeId: nodeId("04:CheckSuite", base.checkSuiteId + (id - base.id)),
    createdAt: created,
    updatedAt: created,
    runStartedAt: created,
    approvals: [],
    pendingDeployments: [],
    concurrencyGroups: [],
    ...changes,
  };
}

function docsRuns(): RunRecord[] {
  const example = exampleRun();
  const ids = FIXTURES.docs.runs;
  const wf = FIXTURES.docs.workflows;
  return [
    variant(example, ids.queued, 9, {
      name: "CI",
      workflowId: wf.ci.id,
      path: ".github/workflows/ci.yml@main",
      status: "queued",
      concurrencyGroups: ["ci-build"],
    }),
    variant(example, ids.actionRequired, 7, {
      event: "pull_request",
      status: "action_required",
      conclusion: "action_required",
      headBranch: "fork-feature",
      path: ".github/workflows/build.yml@fork-feature",
      actor: "monalisa",
      displayTitle: "Fix typo in README",
      pullRequestNumber: 42,
    }),
    variant(example, ids.waiting, 5, {
      name: "Deploy hotfix",
      displayTitle: "Hotfix: roll back config",
      workflowId: wf.deploy.id,
      path: ".github/workflows/deploy.yml@main",
      status: "waiting",
      pendingDeployments: docsExample<unknown[]>(EXAMPLE.pendingDeployments),
      concurrencyGroups: ["deploy-prod"],
    }),
    variant(example, ids.failedTwoAttempts, 3, {
      name: "Deploy to production",
      workflowId: wf.deploy.id,
      path: ".github/workflows/deploy.yml@main",
      status: "completed",
      conclusion: "failure",
      runAttempt: 2,
      concurrencyGroups: ["deploy-prod", FIXTURES.docs.groups.inactive],
    }),
    example,
    variant(example, ids.in_progress, -3, {
      name: "CI",
      workflowId: wf.ci.id,
      path: ".github/workflows/ci.yml@main",
      status: "in_progress",
      concurrencyGroups: ["ci-build"],
    }),
    variant(example, ids.completed, -8, {
      name: "CI",
      workflowId: wf.ci.id,
      path: ".github/workflows/ci.yml@main",
      status: "completed",
      conclusion: "success",
      concurrencyGroups: ["ci-build"],
    }),
  ];
}

interface GeneratedRunsSpec {
  repoKey: string;
  count: number;
  idBase: number;
  workflows: WorkflowRecord[];
  newestAt: string;
}

/** Deterministic volume: index 0 is the newest run; ids are distinct, descending, and not contiguous. */
function generateRuns(spec: GeneratedRunsSpec): RunRecord[] {
  const newest = Date.parse(spec.newestAt);
  const runs: RunRecord[] = [];
  for (let i = 0; i < spec.count; i++) {
    const runNumber = spec.count - i;
    const id = spec.idBase + runNumber * 7;
    const workflow = spec.workflows[i % spec.workflows.length] as WorkflowRecord;
    const isPr = i % 3 === 2;
    const status = i < 3 ? (["in_progress", "queued", "waiting"][i] as string) : "completed";
    const conclusion = status !== "completed" ? null : i % 10 === 7 ? "failure" : i % 25 === 11 ? "cancelled" : "success";
    const headBranch = isPr ? `feature-${i % 7}` : "main";
    const created = isoSeconds(newest - i * 37 * 60_000);
    runs.push({
      id,
      nodeId: nodeId("04:WorkflowRun", id),
      name: workflow.name,
      displayTitle: isPr ? `Pull request #${1000 + (i % 50)}` : `Commit ${runNumber}`,
      runNumber,
      workflowId: workflow.id,
      path: `${workflow.file}@${headBranch}`,
      event: isPr ? "pull_request" : "push",
      status,
      conclusion,
      headBranch,
      headSha: createHash("sha1").update(`${spec.repoKey}#${runNumber}`).digest("hex"),
      actor: i % 4 === 3 ? "monalisa" : "octocat",
      checkSuiteId: id + 1,
      checkSuiteNodeId: nodeId("04:CheckSuite", id + 1),
      createdAt: created,
      updatedAt: created,
      runStartedAt: created,
      runAttempt: 1,
      ...(isPr ? { pullRequestNumber: 1000 + (i % 50) } : {}),
      approvals: [],
      pendingDeployments: [],
      logsDeleted: false,
      concurrencyGroups: [],
    });
  }
  return runs;
}

function workflowsFor(idBase: number): WorkflowRecord[] {
  return [
    { id: idBase + 1, name: "Build", file: ".github/workflows/build.yml" },
    { id: idBase + 2, name: "Deploy", file: ".github/workflows/deploy.yml" },
  ];
}

// ---------------------------------------------------------------------------------------------
// Concurrency groups

function memberFromExample(example: JsonObject): GroupMember {
  return {
    runId: example.run_id as number,
    runName: example.run_name as string,
    status: example.status as string,
    ...(example.job_id === undefined ? {} : { jobId: example.job_id as number, jobName: example.job_name as string }),
  };
}

/** deploy-prod is the docs' get-group example; ci-build's queue places the per-run example at its documented position. */
function docsGroups(): GroupRecord[] {
  const listed = (docsExample(EXAMPLE.listGroups).concurrency_groups as JsonObject[]).map((group) => ({
    name: group.group_name as string,
    lastAcquiredAt: group.last_acquired_at as string,
  }));
  const deployProd = docsExample(EXAMPLE.getGroup);
  const perRun = docsExample(EXAMPLE.runGroups).concurrency_groups as JsonObject[];
  const runs = FIXTURES.docs.runs;

  const membersOf = (name: string): GroupMember[] => {
    if (name === deployProd.group_name) return (deployProd.group_members as JsonObject[]).map(memberFromExample);
    const queue: GroupMember[] = [
      { runId: runs.in_progress, runName: "CI", status: "in_progress" },
      { runId: runs.queued, runName: "CI", status: "pending" },
    ];
    const entry = perRun.find((group) => group.group_name === name);
    for (const member of (entry?.group_members as JsonObject[] | undefined) ?? []) {
      queue.splice(member.position as number, 0, memberFromExample(member));
    }
    return queue;
  };

  return [
    ...listed.map((group) => ({ ...group, members: membersOf(group.name) })),
    { name: FIXTURES.docs.groups.inactive, lastAcquiredAt: "2026-01-14T03:00:00Z", members: [] },
  ];
}

/**
 * `count` groups named `${prefix}-000`…, all holding one lease of `runId`. They are stored in a
 * scrambled order, and last_acquired_at grows with the name, so the repo list (newest first) and
 * the per-run list (by name) come out in opposite orders — proving each endpoint sorts.
 */
function generatedGroups(prefix: string, count: number, runId: number, runName: string): GroupRecord[] {
  const start = Date.parse("2026-02-01T00:00:00Z");
  const groups: GroupRecord[] = [];
  for (let n = 0; n < count; n++) {
    const index = (n * 97) % count;
    groups.push({
      name: `${prefix}-${String(index).padStart(3, "0")}`,
      lastAcquiredAt: isoSeconds(start + index * 60_000),
      members: [{ runId, runName, status: index % 2 === 0 ? "in_progress" : "pending" }],
    });
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Repos

function repo(fields: Pick<RepoRecord, "id" | "owner" | "name" | "runs" | "workflows"> & Partial<RepoRecord>): RepoRecord {
  return { groups: [], jobs: [], linksViaRepositoryId: false, ...fields };
}

/** A repo whose only run takes part in every one of `groups`. */
function groupsRepo(
  fixture: { owner: string; repo: string; id: number; runId: number },
  groups: GroupRecord[],
  extra: Partial<RepoRecord> = {},
): RepoRecord {
  const workflows = workflowsFor(fixture.id * 10);
  const [run] = generateRuns({ repoKey: fixture.repo, count: 1, idBase: 0, workflows, newestAt: "2026-02-01T00:00:00Z" });
  const only: RunRecord = {
    ...(run as RunRecord),
    id: fixture.runId,
    nodeId: nodeId("04:WorkflowRun", fixture.runId),
    name: "Fan-out",
    status: "in_progress",
    conclusion: null,
    concurrencyGroups: groups.map((group) => group.name),
  };
  return repo({ id: fixture.id, owner: fixture.owner, name: fixture.repo, runs: [only], workflows, groups, ...extra });
}

function nullsRepo(): RepoRecord {
  const nulls = FIXTURES.nulls;
  const waiting: GroupMember = { runId: nulls.runId, runName: "Fan-out", status: "pending" };
  const holder: GroupMember = {
    runId: nulls.hiddenRunId,
    runName: "Deploy",
    status: "in_progress",
    jobId: nulls.hiddenJobId,
    jobName: "deploy",
    urlsNull: true,
  };
  const built = groupsRepo(nulls, [
    { name: nulls.groups.neverAcquired, lastAcquiredAt: null, members: [waiting] },
    { name: nulls.groups.hiddenHolder, lastAcquiredAt: "2026-02-01T00:00:00Z", members: [holder, waiting] },
  ]);
  return { ...built, runs: built.runs.map((run) => ({ ...run, pullRequestsNull: true })) };
}

export function seedState(): ServerState {
  const docs = FIXTURES.docs;
  const docsJobs: JobRecord[] = [
    { id: docs.jobs.deploy, runId: docs.runs.waiting, name: "deploy" },
    { id: docs.jobs.build, runId: docs.runs.failedTwoAttempts, name: "build" },
  ];
  const docsWorkflows: WorkflowRecord[] = [
    { id: docs.workflows.build.id, name: "Build", file: ".github/workflows/build.yml" },
    { id: docs.workflows.deploy.id, name: "Deploy", file: ".github/workflows/deploy.yml" },
    { id: docs.workflows.ci.id, name: "CI", file: ".github/workflows/ci.yml" },
  ];
  const bigWorkflows = workflowsFor(FIXTURES.big.id * 10);
  const renamedWorkflows = workflowsFor(FIXTURES.renamed.id * 10);
  const odd = FIXTURES.oddNames;

  return {
    repos: [
      repo({
        id: docs.id,
        owner: docs.owner,
        name: docs.repo,
        runs: docsRuns(),
        workflows: docsWorkflows,
        groups: docsGroups(),
        jobs: docsJobs,
      }),
      repo({
        id: FIXTURES.big.id,
        owner: FIXTURES.big.owner,
        name: FIXTURES.big.repo,
        workflows: bigWorkflows,
        runs: generateRuns({
          repoKey: "big",
          count: FIXTURES.big.runCount,
          idBase: 9_000_000_000,
          workflows: bigWorkflows,
          newestAt: "2025-06-01T12:00:00Z",
        }),
      }),
      repo({
        id: FIXTURES.renamed.id,
        owner: FIXTURES.renamed.owner,
        name: FIXTURES.renamed.repo,
        workflows: renamedWorkflows,
        runs: generateRuns({
          repoKey: "renamed",
          count: FIXTURES.renamed.runCount,
          idBase: 8_000_000_000,
          workflows: renamedWorkflows,
          newestAt: "2025-05-01T12:00:00Z",
        }),
        linksViaRepositoryId: true,
      }),
      groupsRepo(FIXTURES.manyGroups, generatedGroups("group", FIXTURES.manyGroups.groupCount, FIXTURES.manyGroups.runId, "Fan-out")),
      groupsRepo(FIXTURES.loop, generatedGroups("loop", FIXTURES.loop.groupCount, FIXTURES.loop.runId, "Fan-out"), {
        repeatCursorFromPage: FIXTURES.loop.repeatFromPage,
      }),
      nullsRepo(),
      groupsRepo(
        odd,
        odd.groups.map((name, index) => ({
          name,
          lastAcquiredAt: isoSeconds(Date.parse("2026-01-20T10:00:00Z") + index * 60_000),
          members: [{ runId: odd.runId, runName: "Fan-out", status: "pending" }],
        })),
      ),
    ],
  };
}
