// Lookups shared by the route modules: resolve {owner}/{repo} and {run_id} or answer 404 like GitHub.
import { notFound } from "../errors.js";
import type { RouteContext } from "../router.js";
import { findRepo, findRun, type RepoRecord, type RunRecord } from "../state.js";
import type { ApiResponse } from "../types.js";
import { parseId } from "../validation.js";

export function json(status: number, body: unknown, headers?: Record<string, string>): ApiResponse {
  return headers ? { status, json: body, headers } : { status, json: body };
}

export function withRepo(ctx: RouteContext, docs: string, handle: (repo: RepoRecord) => ApiResponse): ApiResponse {
  const repo = findRepo(ctx.state, ctx.params.owner ?? "", ctx.params.repo ?? "");
  return repo ? handle(repo) : notFound(docs);
}

/** Non-numeric ids, unknown ids and ids of another repo's runs are all 404s. */
export function withRun(ctx: RouteContext, docs: string, handle: (repo: RepoRecord, run: RunRecord) => ApiResponse): ApiResponse {
  return withRepo(ctx, docs, (repo) => {
    const runId = parseId(ctx.params.run_id);
    const run = runId === undefined ? undefined : findRun(repo, runId);
    return run ? handle(repo, run) : notFound(docs);
  });
}

/** Absolute base URL for page links; renamed repos link via /repositories/{id}, as GitHub's do. */
export function linkBase(ctx: RouteContext, repo: RepoRecord): string {
  const prefix = repo.linksViaRepositoryId
    ? `/repositories/${repo.id}`
    : `/repos/${encodeURIComponent(ctx.params.owner ?? repo.owner)}/${encodeURIComponent(ctx.params.repo ?? repo.name)}`;
  return `${ctx.apiOrigin}${prefix}${ctx.repoRest}`;
}
