// The list-runs query filters, and GitHub's rule that using any of them limits a search to its
// first 1,000 results ("This API will return up to 1,000 results for each search when using the
// following parameters: actor, branch, check_suite_id, created, event, head_sha, status").
import type { RunRecord } from "./state.js";

export const CAPPING_FILTERS = ["actor", "branch", "check_suite_id", "created", "event", "head_sha", "status"] as const;
export const SEARCH_RESULT_CAP = 1000;

export function usesCappingFilter(query: URLSearchParams): boolean {
  return CAPPING_FILTERS.some((name) => query.has(name));
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Compares a run timestamp with a search bound; date-only bounds compare by calendar day. */
function compareTo(createdAt: string, bound: string): number {
  if (DATE_ONLY.test(bound)) return createdAt.slice(0, 10).localeCompare(bound);
  const diff = Date.parse(createdAt) - Date.parse(bound);
  return Number.isNaN(diff) ? Number.NaN : Math.sign(diff);
}

/** GitHub search date syntax: `X`, `>X`, `>=X`, `<X`, `<=X`, `A..B` (either side may be `*`). Unparsable → matches nothing. */
export function createdMatcher(expression: string): (createdAt: string) => boolean {
  const range = /^(.+)\.\.(.+)$/.exec(expression);
  if (range) {
    const [, from = "*", to = "*"] = range;
    return (createdAt) => (from === "*" || compareTo(createdAt, from) >= 0) && (to === "*" || compareTo(createdAt, to) <= 0);
  }
  const comparison = /^(>=|<=|>|<)?(.+)$/.exec(expression);
  const operator = comparison?.[1] ?? "";
  const bound = comparison?.[2] ?? "";
  return (createdAt) => {
    const c = compareTo(createdAt, bound);
    if (Number.isNaN(c)) return false;
    switch (operator) {
      case ">=":
        return c >= 0;
      case "<=":
        return c <= 0;
      case ">":
        return c > 0;
      case "<":
        return c < 0;
      default:
        return c === 0;
    }
  };
}

/** Builds one predicate from the request's filters (status matches either status or conclusion). */
export function runFilter(query: URLSearchParams): (run: RunRecord) => boolean {
  const checks: Array<(run: RunRecord) => boolean> = [];
  const actor = query.get("actor");
  if (actor !== null) checks.push((run) => run.actor.toLowerCase() === actor.toLowerCase());
  const branch = query.get("branch");
  if (branch !== null) checks.push((run) => run.headBranch === branch);
  const event = query.get("event");
  if (event !== null) checks.push((run) => run.event === event);
  const status = query.get("status");
  if (status !== null) checks.push((run) => run.status === status || run.conclusion === status);
  const created = query.get("created");
  if (created !== null) {
    const matches = createdMatcher(created);
    checks.push((run) => matches(run.createdAt));
  }
  const headSha = query.get("head_sha");
  if (headSha !== null) checks.push((run) => run.headSha === headSha);
  const checkSuiteId = query.get("check_suite_id");
  if (checkSuiteId !== null) checks.push((run) => String(run.checkSuiteId) === checkSuiteId);
  return (run) => checks.every((check) => check(run));
}
