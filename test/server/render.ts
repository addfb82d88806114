// Turns state records into response bodies shaped exactly like the docs' examples: each run is a
// clone of the docs' example run with its own id/number/urls, and every api.github.com URL is
// rewritten to this server's origin so clients can follow them.
import { createHash } from "node:crypto";
import { docsExample, EXAMPLE, type JsonObject } from "./docs-examples.js";
import type { GroupMember, GroupRecord, RepoRecord, RunRecord } from "./state.js";

const DOCS_API = "https://api.github.com";
const HTML = "https://github.com";

/** Deep copy of a JSON value with every string passed through the replacements, in order. */
export function rewriteStrings<T>(value: T, replacements: ReadonlyArray<readonly [string, string]>): T {
  if (typeof value === "string") {
    return replacements.reduce<string>((text, [from, to]) => text.split(from).join(to), value) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => rewriteStrings(item, replacements)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteStrings(v, replacements)])) as T;
  }
  return value;
}

function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/** Sets only keys the template already has, so list items keep the list example's key set and order. */
function assignKnown(target: JsonObject, values: JsonObject): JsonObject {
  for (const [key, value] of Object.entries(values)) if (key in target) target[key] = value;
  return target;
}

export interface RunView {
  shape: "list" | "get";
  /** Render a specific attempt (older attempts are completed); defaults to the latest. */
  attempt?: number;
  excludePullRequests?: boolean;
}

export interface Renderer {
  run(repo: RepoRecord, run: RunRecord, view: RunView): JsonObject;
  groupUrl(repo: RepoRecord, groupName: string): string;
  groupSummary(repo: RepoRecord, group: GroupRecord): JsonObject;
  group(repo: RepoRecord, group: GroupRecord, members: readonly GroupMember[]): JsonObject;
  runGroup(repo: RepoRecord, group: GroupRecord, run: RunRecord): JsonObject;
  /** Docs data stored in state (approvals, pending deployments…) with URLs pointed at this server. */
  docsData<T>(value: T): T;
}

export function createRenderer(apiOrigin: string): Renderer {
  const toOrigin = [[DOCS_API, apiOrigin]] as const;
  const getTemplate = rewriteStrings(docsExample(EXAMPLE.getRun), toOrigin);
  const listTemplate = rewriteStrings((docsExample(EXAMPLE.listRuns).workflow_runs as JsonObject[])[0] as JsonObject, toOrigin);
  const userTemplate = getTemplate.actor as JsonObject;
  const users = new Map<string, JsonObject>();
  const repoObjects = new Map<string, { repository: JsonObject; headRepository: JsonObject }>();

  const apiRepo = (repo: RepoRecord): string => `${apiOrigin}/repos/${repo.owner}/${repo.name}`;
  const htmlRepo = (repo: RepoRecord): string => `${HTML}/${repo.owner}/${repo.name}`;

  function user(login: string): JsonObject {
    let found = users.get(login);
    if (!found) {
      const id = login === userTemplate.login ? 1 : Number.parseInt(sha1(login).slice(0, 6), 16);
      found = {
        ...rewriteStrings(userTemplate, [[`/${String(userTemplate.login)}`, `/${login}`]]),
        login,
        id,
        node_id: Buffer.from(`04:User${id}`).toString("base64"),
      };
      users.set(login, found);
    }
    return found;
  }

  /** The docs' repository / head_repository objects, re-pointed at `repo` (cached: shared by every run). */
  function repoObjectsFor(repo: RepoRecord): { repository: JsonObject; headRepository: JsonObject } {
    const key = `${repo.owner}/${repo.name}`;
    let found = repoObjects.get(key);
    if (!found) {
      const identity = (template: JsonObject): JsonObject => ({
        ...rewriteStrings(template, [[`/${String(template.full_name)}`, `/${key}`]]),
        id: repo.id,
        node_id: Buffer.from(`010:Repository${repo.id}`).toString("base64"),
        name: repo.name,
        full_name: key,
        owner: user(repo.owner),
      });
      found = {
        repository: identity(getTemplate.repository as JsonObject),
        headRepository: identity(getTemplate.head_repository as JsonObject),
      };
      repoObjects.set(key, found);
    }
    return found;
  }

  function pullRequests(repo: RepoRecord, run: RunRecord): JsonObject[] {
    if (run.pullRequestNumber === undefined) return [];
    const repoRef = { id: repo.id, url: apiRepo(repo), name: repo.name };
    return [
      {
        url: `${apiRepo(repo)}/pulls/${run.pullRequestNumber}`,
        id: run.pullRequestNumber * 1000 + 1,
        number: run.pullRequestNumber,
        head: { ref: run.headBranch, sha: run.headSha, repo: repoRef },
        base: { ref: "main", sha: sha1(`base:${run.headSha}`), repo: repoRef },
      },
    ];
  }

  function run(repo: RepoRecord, record: RunRecord, view: RunView): JsonObject {
    const template = view.shape === "list" ? listTemplate : getTemplate;
    const attempt = view.attempt ?? record.runAttempt;
    const older = attempt < record.runAttempt;
    const runUrl = `${apiRepo(repo)}/actions/runs/${record.id}`;
    const headCommit = template.head_commit as JsonObject;
    const { repository, headRepository } = repoObjectsFor(repo);
    const rendered = assignKnown(
      { ...template },
      {
        id: record.id,
        name: record.name,
        node_id: record.nodeId,
        check_suite_id: record.checkSuiteId,
        check_suite_node_id: record.checkSuiteNodeId,
        head_branch: record.headBranch,
        head_sha: record.headSha,
        path: record.path,
        run_number: record.runNumber,
        event: record.event,
        display_title: record.displayTitle,
        status: older ? "completed" : record.status,
        conclusion: older ? "failure" : record.conclusion,
        workflow_id: record.workflowId,
        url: runUrl,
        html_url: `${htmlRepo(repo)}/actions/runs/${record.id}`,
        pull_requests: record.pullRequestsNull ? null : view.excludePullRequests ? [] : pullRequests(repo, record),
        created_at: record.createdAt,
        updated_at: record.updatedAt,
        actor: user(record.actor),
        run_attempt: attempt,
        run_started_at: record.runStartedAt,
        triggering_actor: user(record.actor),
        jobs_url: `${runUrl}/jobs`,
        logs_url: `${runUrl}/logs`,
        check_suite_url: `${apiRepo(repo)}/check-suites/${record.checkSuiteId}`,
        artifacts_url: `${runUrl}/artifacts`,
        cancel_url: `${runUrl}/cancel`,
        rerun_url: `${runUrl}/rerun`,
        previous_attempt_url: attempt > 1 ? `${runUrl}/attempts/${attempt - 1}` : null,
        workflow_url: `${apiRepo(repo)}/actions/workflows/${record.workflowId}`,
        head_commit:
          headCommit.id === record.headSha
            ? headCommit
            : { ...headCommit, id: record.headSha, tree_id: sha1(`tree:${record.headSha}`), message: record.displayTitle },
        repository,
        head_repository: headRepository,
      },
    );
    // Not in the docs' examples, but GitHub's published description has it (spec/: x-source).
    rendered.head_repository_id = headRepository.id;
    return rendered;
  }

  const groupUrl = (repo: RepoRecord, name: string): string => `${apiRepo(repo)}/actions/concurrency_groups/${encodeURIComponent(name)}`;

  function runFields(repo: RepoRecord, member: GroupMember): JsonObject {
    return {
      run_id: member.runId,
      run_name: member.runName,
      run_url: member.urlsNull ? null : `${apiRepo(repo)}/actions/runs/${member.runId}`,
      run_html_url: member.urlsNull ? null : `${htmlRepo(repo)}/actions/runs/${member.runId}`,
    };
  }

  function jobFields(repo: RepoRecord, member: GroupMember): JsonObject {
    if (member.jobId === undefined) return {};
    return {
      job_id: member.jobId,
      job_name: member.jobName,
      job_url: member.urlsNull ? null : `${apiRepo(repo)}/actions/jobs/${member.jobId}`,
      job_html_url: member.urlsNull ? null : `${htmlRepo(repo)}/actions/runs/${member.runId}/job/${member.jobId}`,
    };
  }

  return {
    run,
    groupUrl,
    groupSummary: (repo, group) => ({
      group_name: group.name,
      group_url: groupUrl(repo, group.name),
      last_acquired_at: group.lastAcquiredAt,
    }),
    // Key order follows the docs: job fields come before status in the get-group example…
    group: (repo, group, members) => ({
      group_name: group.name,
      group_url: groupUrl(repo, group.name),
      total_count: members.length,
      group_members: members.map((member) => ({ ...runFields(repo, member), ...jobFields(repo, member), status: member.status })),
    }),
    // …and after position/position_url in the per-run example.
    runGroup: (repo, group, record) => ({
      group_name: group.name,
      group_url: groupUrl(repo, group.name),
      group_members: group.members.flatMap((member, position) =>
        member.runId !== record.id
          ? []
          : [
              {
                ...runFields(repo, member),
                status: member.status,
                position,
                position_url: `${groupUrl(repo, group.name)}?${
                  member.jobId === undefined ? `ahead_of_run=${member.runId}` : `ahead_of_job=${member.jobId}`
                }`,
                ...jobFields(repo, member),
              },
            ],
      ),
    }),
    docsData: (value) => rewriteStrings(value, toOrigin),
  };
}
