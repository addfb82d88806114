// The 3 "concurrency groups" operations (API version 2026-03-10): cursor-paginated lists, the
// ahead_of_run / ahead_of_job queue filters (mutually exclusive; 422 when the item is not queued in
// the group) and 404 for inactive groups.
import { notFound, validationFailed } from "../errors.js";
import { paginateByCursor } from "../pagination.js";
import type { Route, RouteContext } from "../router.js";
import { findGroup, type GroupMember, type GroupRecord, type RepoRecord } from "../state.js";
import type { ApiResponse } from "../types.js";
import { parseId } from "../validation.js";
import { json, linkBase, withRepo, withRun } from "./common.js";

const VERSION = "2026-03-10";
const docs = (anchor: string): string => `https://docs.github.com/rest/actions/concurrency-groups#${anchor}`;
const LIST_DOCS = docs("list-concurrency-groups-for-a-repository");
const GET_DOCS = docs("get-a-concurrency-group-for-a-repository");
const RUN_LIST_DOCS = docs("list-concurrency-groups-for-a-workflow-run");

const byName = (a: GroupRecord, b: GroupRecord): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
/** Repo-wide list: most recently acquired first (as in the docs' example), name as tie-breaker. */
const byLastAcquired = (a: GroupRecord, b: GroupRecord): number =>
  (b.lastAcquiredAt ?? "").localeCompare(a.lastAcquiredAt ?? "") || byName(a, b);

function cursorList(
  ctx: RouteContext,
  repo: RepoRecord,
  groups: GroupRecord[],
  documentationUrl: string,
  renderItem: (group: GroupRecord) => unknown,
): ApiResponse {
  const page = paginateByCursor(groups, ctx.query, linkBase(ctx, repo), {
    keyOf: (group) => group.name,
    ...(repo.repeatCursorFromPage === undefined ? {} : { repeatCursorFromPage: repo.repeatCursorFromPage }),
  });
  if (!page.ok) {
    const message = page.field === "after,before" ? "Only one of after or before may be given." : `The ${page.field} cursor is invalid.`;
    return validationFailed(documentationUrl, [{ resource: "ConcurrencyGroup", field: page.field, code: "invalid", message }]);
  }
  return json(
    200,
    { total_count: groups.length, concurrency_groups: page.items.map(renderItem) },
    page.link ? { link: page.link } : undefined,
  );
}

type QueueFilter = { ok: true; members: GroupMember[] } | { ok: false; response: ApiResponse };

/** Items ahead of the given run (workflow-level leases only) or job, plus that item as the last element. */
function filterQueue(ctx: RouteContext, group: GroupRecord): QueueFilter {
  const aheadOfRun = ctx.query.get("ahead_of_run");
  const aheadOfJob = ctx.query.get("ahead_of_job");
  const invalid = (field: string, message: string): QueueFilter => ({
    ok: false,
    response: validationFailed(GET_DOCS, [{ resource: "ConcurrencyGroup", field, code: "invalid", message }]),
  });
  if (aheadOfRun !== null && aheadOfJob !== null) {
    return invalid("ahead_of_run", "ahead_of_run and ahead_of_job are mutually exclusive.");
  }
  if (aheadOfRun === null && aheadOfJob === null) return { ok: true, members: group.members };

  const field = aheadOfRun !== null ? "ahead_of_run" : "ahead_of_job";
  const id = parseId(aheadOfRun ?? aheadOfJob);
  if (id === undefined) return invalid(field, `${field} must be an integer.`);
  const position = group.members.findIndex((member) =>
    field === "ahead_of_run" ? member.runId === id && member.jobId === undefined : member.jobId === id,
  );
  if (position < 0) {
    const what = field === "ahead_of_run" ? "Workflow run" : "Job";
    return invalid(field, `${what} ${id} is not in concurrency group ${group.name}.`);
  }
  return { ok: true, members: group.members.slice(0, position + 1) };
}

export const concurrencyGroupRoutes: Route[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/actions/concurrency_groups",
    apiVersion: VERSION,
    docs: LIST_DOCS,
    handle: (ctx) =>
      withRepo(ctx, LIST_DOCS, (repo) => {
        const active = repo.groups.filter((group) => group.members.length > 0).sort(byLastAcquired);
        return cursorList(ctx, repo, active, LIST_DOCS, (group) => ctx.render.groupSummary(repo, group));
      }),
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/actions/concurrency_groups/{concurrency_group_name}",
    apiVersion: VERSION,
    docs: GET_DOCS,
    handle: (ctx) =>
      withRepo(ctx, GET_DOCS, (repo) => {
        const group = findGroup(repo, ctx.params.concurrency_group_name ?? "");
        if (!group || group.members.length === 0) return notFound(GET_DOCS);
        const filtered = filterQueue(ctx, group);
        return filtered.ok ? json(200, ctx.render.group(repo, group, filtered.members)) : filtered.response;
      }),
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/concurrency_groups",
    apiVersion: VERSION,
    docs: RUN_LIST_DOCS,
    handle: (ctx) =>
      withRun(ctx, RUN_LIST_DOCS, (repo, run) => {
        // Derived from the run's configuration: a group with no live items still appears, with no members.
        const groups = run.concurrencyGroups.map((name) => findGroup(repo, name) ?? { name, lastAcquiredAt: "", members: [] }).sort(byName);
        return cursorList(ctx, repo, groups, RUN_LIST_DOCS, (group) => ctx.render.runGroup(repo, group, run));
      }),
  },
];
