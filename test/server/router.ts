// Routing on the RAW path: split by "/" first, then percent-decode each parameter exactly once, so a
// group named "deploy/prod eu?#.." sent as the single segment "deploy%2Fprod%20eu%3F%23.." routes
// correctly and "%252F" arrives as a literal "%2F". Also checks X-GitHub-Api-Version and the JSON body
// before a handler runs, answering the way GitHub does.
import { API_VERSIONS_DOCS, githubError, notFound } from "./errors.js";
import type { Renderer } from "./render.js";
import type { RepoRecord, ServerState } from "./state.js";
import type { ApiResponse } from "./types.js";
import { checkJsonBody, type BodySpec } from "./validation.js";

export type ApiVersion = "2022-11-28" | "2026-03-10";
export const SUPPORTED_API_VERSIONS: readonly ApiVersion[] = ["2022-11-28", "2026-03-10"];
/** What GitHub assumes when the header is absent. */
export const DEFAULT_API_VERSION: ApiVersion = "2022-11-28";

export interface RouteContext {
  /** Path parameters, decoded once. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The validated JSON body ({} when the route takes none or none was sent). */
  body: Record<string, unknown>;
  /** Raw path after /repos/{owner}/{repo} (or /repositories/{id}), e.g. "/actions/runs". */
  repoRest: string;
  state: ServerState;
  render: Renderer;
  apiOrigin: string;
  /** A signed, expiring URL on the downloads origin for a run's (or one attempt's) log archive. */
  logUrl(repo: RepoRecord, runId: number, attempt?: number): string;
}

export interface Route {
  method: string;
  path: string;
  apiVersion: ApiVersion;
  /** documentation_url for this operation's errors. */
  docs: string;
  /** Present when the operation takes a JSON body. */
  body?: BodySpec;
  handle(ctx: RouteContext): ApiResponse;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
  repoRest: string;
}

function decodeOnce(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * GitHub serves /repositories/{id}/… as an alias of /repos/{owner}/{repo}/… (its page links use it
 * for renamed repos); rewrite the raw segments so one route table serves both.
 */
function expandRepositoryAlias(segments: string[], state: ServerState): string[] {
  if (segments[1] !== "repositories" || !/^\d+$/.test(segments[2] ?? "")) return segments;
  const repo = state.repos.find((candidate) => String(candidate.id) === segments[2]);
  if (!repo) return segments;
  return ["", "repos", encodeURIComponent(repo.owner), encodeURIComponent(repo.name), ...segments.slice(3)];
}

/** Matches method + raw pathname. A path that exists with another method is a 404, as on GitHub. */
export function matchRoute(routes: readonly Route[], method: string, rawPath: string, state: ServerState): RouteMatch | undefined {
  const segments = expandRepositoryAlias(rawPath.split("/"), state);
  for (const route of routes) {
    if (route.method !== method) continue;
    const template = route.path.split("/");
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = template.every((part, index) => {
      const raw = segments[index] as string;
      if (!part.startsWith("{")) return part === raw;
      const decoded = decodeOnce(raw);
      if (decoded === undefined || decoded === "") return false;
      params[part.slice(1, -1)] = decoded;
      return true;
    });
    if (ok) return { route, params, repoRest: "/" + segments.slice(4).join("/") };
  }
  return undefined;
}

export interface DispatchInput {
  match: RouteMatch | undefined;
  headers: Record<string, string>;
  query: URLSearchParams;
  rawBody: string;
  requireApiVersionHeader: boolean;
}

function checkApiVersion(route: Route, header: string | undefined, required: boolean): ApiResponse | undefined {
  if (header === undefined && required) {
    return githubError(
      400,
      `Missing X-GitHub-Api-Version header. This endpoint requires API version ${route.apiVersion}.`,
      API_VERSIONS_DOCS,
    );
  }
  const version = header ?? DEFAULT_API_VERSION;
  if (!(SUPPORTED_API_VERSIONS as readonly string[]).includes(version)) {
    return githubError(400, `API version ${version} is not supported.`, API_VERSIONS_DOCS);
  }
  if (version !== route.apiVersion) {
    return githubError(
      400,
      `API version ${version} is not supported for this endpoint. Use API version ${route.apiVersion}.`,
      API_VERSIONS_DOCS,
    );
  }
  return undefined;
}

/** Version check → body validation → handler. `context` supplies everything but the per-request parts. */
export function dispatch(
  input: DispatchInput,
  context: Omit<RouteContext, "params" | "query" | "body" | "repoRest">,
): { response: ApiResponse; apiVersion?: string } {
  const { match } = input;
  if (!match) return { response: notFound() };
  const { route } = match;
  const header = input.headers["x-github-api-version"];
  const versionError = checkApiVersion(route, header, input.requireApiVersionHeader);
  if (versionError) return { response: versionError };

  let body: Record<string, unknown> = {};
  if (route.body) {
    const checked = checkJsonBody(input.rawBody, input.headers["content-type"], route.body, route.docs);
    if (!checked.ok) return { response: checked.response, apiVersion: route.apiVersion };
    body = checked.value;
  }
  const response = route.handle({ ...context, params: match.params, query: input.query, body, repoRest: match.repoRest });
  return { response, apiVersion: route.apiVersion };
}
