// Checks spec/openapi.yaml against the facts the two GitHub docs pages state, operation by
// operation. The `expected` table below was typed from the docs pages (shared/seeds/
// 000_a38bf4ccb39898a8.txt: concurrency groups, 002_a9f17338d7138035.txt: workflow runs),
// not copied from the spec: if the spec and this table disagree, one of them misreads the docs.
/* eslint-disable @typescript-eslint/no-explicit-any -- the bundled spec is walked by path in assertions; a wrong path fails its expect, and typing every level would only add `!`s */
import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument, visit } from "yaml";

// ---------------------------------------------------------------------------
// A tiny resolver: loads spec/openapi.yaml and inlines every relative $ref
// (file part resolved against the referring file, fragment as a JSON pointer).
// ---------------------------------------------------------------------------

const SPEC_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../spec/openapi.yaml");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const fileCache = new Map<string, Json>();
const refsSeen: string[] = [];
const aliasFiles: string[] = [];

function loadFile(file: string): Json {
  const cached = fileCache.get(file);
  if (cached !== undefined) return cached;
  const doc = parseDocument(readFileSync(file, "utf8"), { uniqueKeys: true });
  if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0]!.message}`);
  visit(doc, {
    Alias() {
      aliasFiles.push(file);
    },
  });
  const value = doc.toJS() as Json;
  fileCache.set(file, value);
  return value;
}

function atPointer(root: Json, fragment: string, where: string): Json {
  if (fragment === "" || fragment === "/") return root;
  let node: Json = root;
  for (const raw of fragment.replace(/^\//, "").split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object" || !(key in node)) throw new Error(`unresolvable $ref ${where}`);
    node = (node as Record<string, Json>)[key]!;
  }
  return node;
}

function deref(node: Json, file: string, stack: string[] = []): Json {
  if (Array.isArray(node)) return node.map((item) => deref(item, file, stack));
  if (node === null || typeof node !== "object") return node;
  if (typeof node.$ref === "string") {
    const ref = node.$ref;
    refsSeen.push(ref);
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? "" : ref.slice(hash + 1);
    const target = filePart ? resolve(dirname(file), filePart) : file;
    const key = `${target}#${fragment}`;
    if (stack.includes(key)) throw new Error(`circular $ref ${key}`);
    const { $ref: _ignored, ...siblings } = node;
    const resolved = deref(atPointer(loadFile(target), fragment, `${ref} in ${file}`), target, [...stack, key]);
    // OpenAPI 3.1 lets summary/description sit next to a $ref and override the target's.
    return Object.keys(siblings).length ? { ...(resolved as Obj), ...siblings } : resolved;
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, deref(v, file, stack)]));
}

const spec = deref(loadFile(SPEC_ROOT), SPEC_ROOT) as any;

// ---------------------------------------------------------------------------
// The expectations, typed from the docs.
// ---------------------------------------------------------------------------

type Loc = "path" | "query" | "header";
/** [name, in, type, required, extra] — type `integer|string` means oneOf integer / string. */
type ParamFact = [string, Loc, string, boolean, { enum?: string[]; default?: unknown; max?: number }?];
/** [name, type, required, extra] */
type BodyField = [string, string, boolean, { enum?: string[]; default?: unknown; items?: string }?];

interface OperationFacts {
  id: string;
  name: string; // camelCase of the id without `actions/`
  method: "get" | "post" | "delete";
  path: string;
  summary: string;
  tag: "workflow-runs" | "concurrency-groups";
  version: "2022-11-28" | "2026-03-10";
  permissions: string[];
  /** true when the docs say the endpoint works without authentication for public resources */
  publicAccess: boolean;
  params: ParamFact[];
  /** status code -> the description text the docs give for it */
  statuses: Record<string, string>;
  body?: { required: boolean; fields: BodyField[]; example?: unknown };
  pagination?: Record<string, unknown>;
}

// Parameters that the docs repeat word for word on many operations.
const ACCEPT: ParamFact = ["accept", "header", "string", false];
const OWNER: ParamFact = ["owner", "path", "string", true];
const REPO: ParamFact = ["repo", "path", "string", true];
const RUN_ID: ParamFact = ["run_id", "path", "integer", true];
const ATTEMPT_NUMBER: ParamFact = ["attempt_number", "path", "integer", true];
const EXCLUDE_PULL_REQUESTS: ParamFact = ["exclude_pull_requests", "query", "boolean", false, { default: false }];
const PER_PAGE: ParamFact = ["per_page", "query", "integer", false, { default: 30, max: 100 }];
const PAGE: ParamFact = ["page", "query", "integer", false, { default: 1 }];

// "可以是以下选项之一" (one of) list of the `status` query parameter, in the docs' order.
const RUN_STATUS_VALUES = [
  "completed",
  "action_required",
  "cancelled",
  "failure",
  "neutral",
  "skipped",
  "stale",
  "success",
  "timed_out",
  "in_progress",
  "queued",
  "requested",
  "waiting",
  "pending",
];

// The query parameters of both "List workflow runs" operations, in the docs' order.
const RUN_LIST_QUERY: ParamFact[] = [
  ["actor", "query", "string", false],
  ["branch", "query", "string", false],
  ["event", "query", "string", false],
  ["status", "query", "string", false, { enum: RUN_STATUS_VALUES }],
  PER_PAGE,
  PAGE,
  ["created", "query", "string", false],
  EXCLUDE_PULL_REQUESTS,
  ["check_suite_id", "query", "integer", false],
  ["head_sha", "query", "string", false],
];

// "This API will return up to 1,000 results for each search when using the following
// parameters: actor, branch, check_suite_id, created, event, head_sha, status."
const RUN_LIST_PAGINATION = {
  style: "page",
  itemsKey: "workflow_runs",
  resultCap: 1000,
  cappedBy: ["actor", "branch", "check_suite_id", "created", "event", "head_sha", "status"],
  // Not a docs fact but ours: `created` takes date ranges, so a capped listing can be split by it (splitCapped).
  splitBy: "created",
};

const ENABLE_DEBUG_LOGGING: BodyField = ["enable_debug_logging", "boolean", false, { default: false }];
// Not on the docs page: GitHub's published description (@octokit/openapi 23.0.2) has it for this
// one re-run. See "facts taken from the published description" below.
const ENABLE_DEBUGGER: BodyField = ["enable_debugger", "boolean", false, { default: false }];

const ACTIONS_READ = ['"Actions" repository permissions (read)'];
const ACTIONS_WRITE = ['"Actions" repository permissions (write)'];

const WR = "https://docs.github.com/rest/actions/workflow-runs";
const CG = "https://docs.github.com/rest/actions/concurrency-groups";

const expected: OperationFacts[] = [
  // ----- workflow runs page (API version 2022-11-28), in the page's order -----
  {
    id: "actions/re-run-job-for-workflow-run",
    name: "reRunJobForWorkflowRun",
    method: "post",
    path: "/repos/{owner}/{repo}/actions/jobs/{job_id}/rerun",
    summary: "Re-run a job from a workflow run",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_WRITE,
    publicAccess: false,
    params: [ACCEPT, OWNER, REPO, ["job_id", "path", "integer", true]],
    body: { required: false, fields: [ENABLE_DEBUG_LOGGING, ENABLE_DEBUGGER] },
    statuses: { "201": "Created", "403": "Forbidden" },
  },
  {
    id: "actions/list-workflow-runs-for-repo",
    name: "listWorkflowRunsForRepo",
    method: "get",
    path: "/repos/{owner}/{repo}/actions/runs",
    summary: "List workflow runs for a repository",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_READ,
    publicAccess: true,
    params: [ACCEPT, OWNER, REPO, ...RUN_LIST_QUERY],
    statuses: { "200": "OK" },
    pagination: RUN_LIST_PAGINATION,
  },
  {
    id: "actions/get-workflow-run",
    name: "getWorkflowRun",
    method: "get",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}",
    summary: "Get a workflow run",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_READ,
    publicAccess: true,
    params: [ACCEPT, OWNER, REPO, RUN_ID, EXCLUDE_PULL_REQUESTS],
    statuses: { "200": "OK" },
  },
  {
    id: "actions/delete-workflow-run",
    name: "deleteWorkflowRun",
    method: "delete",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}",
    summary: "Delete a workflow run",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_WRITE,
    publicAccess: false,
    params: [ACCEPT, OWNER, REPO, RUN_ID],
    statuses: { "204": "No Content" },
  },
  {
    id: "actions/get-reviews-for-run",
    name: "getReviewsForRun",
    method: "get",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/approvals",
    summary: "Get the review history for a workflow run",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_READ,
    publicAccess: true,
    params: [ACCEPT, OWNER, REPO, RUN_ID],
    statuses: { "200": "OK" },
  },
  {
    id: "actions/approve-workflow-run",
    name: "approveWorkflowRun",
    method: "post",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/approve",
    summary: "Approve a workflow run for a fork pull request",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_WRITE,
    publicAccess: false,
    params: [ACCEPT, OWNER, REPO, RUN_ID],
    statuses: { "201": "Created", "403": "Forbidden", "404": "Resource not found" },
  },
  {
    id: "actions/get-workflow-run-attempt",
    name: "getWorkflowRunAttempt",
    method: "get",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}",
    summary: "Get a workflow run attempt",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_READ,
    publicAccess: true,
    params: [ACCEPT, OWNER, REPO, RUN_ID, ATTEMPT_NUMBER, EXCLUDE_PULL_REQUESTS],
    statuses: { "200": "OK" },
  },
  {
    id: "actions/download-workflow-run-attempt-logs",
    name: "downloadWorkflowRunAttemptLogs",
    method: "get",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/logs",
    summary: "Download workflow run attempt logs",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_READ,
    publicAccess: true,
    params: [ACCEPT, OWNER, REPO, RUN_ID, ATTEMPT_NUMBER],
    statuses: { "302": "Found" },
  },
  {
    id: "actions/cancel-workflow-run",
    name: "cancelWorkflowRun",
    method: "post",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/cancel",
    summary: "Cancel a workflow run",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_WRITE,
    publicAccess: false,
    params: [ACCEPT, OWNER, REPO, RUN_ID],
    statuses: { "202": "Accepted", "409": "Conflict" },
  },
  {
    id: "actions/review-custom-gates-for-run",
    name: "reviewCustomGatesForRun",
    method: "post",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule",
    summary: "Review custom deployment protection rules for a workflow run",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ['"Deployments" repository permissions (write)'],
    publicAccess: false,
    params: [ACCEPT, OWNER, REPO, RUN_ID],
    // The docs list no body parameters; the fields come from the request example
    // -d '{"environment_name":"prod-eus","state":"approved","comment":"All health checks passed."}'
    body: {
      required: true,
      fields: [
        ["environment_name", "string", true],
        ["state", "string", true, { enum: ["approved", "rejected"] }],
        ["comment", "string", false],
      ],
      example: { environment_name: "prod-eus", state: "approved", comment: "All health checks passed." },
    },
    statuses: { "204": "No Content" },
  },
  {
    id: "actions/force-cancel-workflow-run",
    name: "forceCancelWorkflowRun",
    method: "post",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/force-cancel",
    summary: "Force cancel a workflow run",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_WRITE,
    publicAccess: false,
    params: [ACCEPT, OWNER, REPO, RUN_ID],
    statuses: { "202": "Accepted", "409": "Conflict" },
  },
  {
    id: "actions/download-workflow-run-logs",
    name: "downloadWorkflowRunLogs",
    method: "get",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/logs",
    summary: "Download workflow run logs",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_READ,
    publicAccess: true,
    params: [ACCEPT, OWNER, REPO, RUN_ID],
    statuses: { "302": "Found" },
  },
  {
    id: "actions/delete-workflow-run-logs",
    name: "deleteWorkflowRunLogs",
    method: "delete",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/logs",
    summary: "Delete workflow run logs",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_WRITE,
    publicAccess: false,
    params: [ACCEPT, OWNER, REPO, RUN_ID],
    statuses: { "204": "No Content", "403": "Forbidden", "500": "Internal Error" },
  },
  {
    id: "actions/get-pending-deployments-for-run",
    name: "getPendingDeploymentsForRun",
    method: "get",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments",
    summary: "Get pending deployments for a workflow run",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_READ,
    publicAccess: true,
    params: [ACCEPT, OWNER, REPO, RUN_ID],
    statuses: { "200": "OK" },
  },
  {
    id: "actions/review-pending-deployments-for-run",
    name: "reviewPendingDeploymentsForRun",
    method: "post",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments",
    summary: "Review pending deployments for a workflow run",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: [
      '"Actions" repository permissions (read) and "Checks" repository permissions (read) and "Deployments" repository permissions (read)',
    ],
    publicAccess: false,
    params: [ACCEPT, OWNER, REPO, RUN_ID],
    body: {
      required: true,
      fields: [
        ["environment_ids", "array", true, { items: "integer" }],
        ["state", "string", true, { enum: ["approved", "rejected"] }],
        ["comment", "string", true],
      ],
      example: { environment_ids: [161171787], state: "approved", comment: "Ship it!" },
    },
    statuses: { "200": "OK" },
  },
  {
    id: "actions/re-run-workflow",
    name: "reRunWorkflow",
    method: "post",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/rerun",
    summary: "Re-run a workflow",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_WRITE,
    publicAccess: false,
    params: [ACCEPT, OWNER, REPO, RUN_ID],
    body: { required: false, fields: [ENABLE_DEBUG_LOGGING] },
    statuses: { "201": "Created" },
  },
  {
    id: "actions/re-run-workflow-failed-jobs",
    name: "reRunWorkflowFailedJobs",
    method: "post",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs",
    summary: "Re-run failed jobs from a workflow run",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_WRITE,
    publicAccess: false,
    params: [ACCEPT, OWNER, REPO, RUN_ID],
    body: { required: false, fields: [ENABLE_DEBUG_LOGGING] },
    statuses: { "201": "Created" },
  },
  {
    id: "actions/get-workflow-run-usage",
    name: "getWorkflowRunUsage",
    method: "get",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/timing",
    summary: "Get workflow run usage",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_READ,
    publicAccess: true,
    params: [ACCEPT, OWNER, REPO, RUN_ID],
    statuses: { "200": "OK" },
  },
  {
    id: "actions/list-workflow-runs",
    name: "listWorkflowRuns",
    method: "get",
    path: "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs",
    summary: "List workflow runs for a workflow",
    tag: "workflow-runs",
    version: "2022-11-28",
    permissions: ACTIONS_READ,
    publicAccess: true,
    // "workflow_id 必须 — The ID of the workflow. You can also pass the workflow file name as a string."
    params: [ACCEPT, OWNER, REPO, ["workflow_id", "path", "integer|string", true], ...RUN_LIST_QUERY],
    statuses: { "200": "OK" },
    pagination: RUN_LIST_PAGINATION,
  },
  // ----- concurrency groups page (API version 2026-03-10) -----
  {
    id: "actions/list-concurrency-groups-for-repository",
    name: "listConcurrencyGroupsForRepository",
    method: "get",
    path: "/repos/{owner}/{repo}/actions/concurrency_groups",
    summary: "List concurrency groups for a repository",
    tag: "concurrency-groups",
    version: "2026-03-10",
    permissions: ACTIONS_READ,
    publicAccess: true,
    params: [ACCEPT, OWNER, REPO, PER_PAGE, ["after", "query", "string", false]],
    statuses: { "200": "OK", "422": "Validation failed, or the endpoint has been spammed." },
    pagination: { style: "cursor", itemsKey: "concurrency_groups" },
  },
  {
    id: "actions/get-concurrency-group-for-repository",
    name: "getConcurrencyGroupForRepository",
    method: "get",
    path: "/repos/{owner}/{repo}/actions/concurrency_groups/{concurrency_group_name}",
    summary: "Get a concurrency group for a repository",
    tag: "concurrency-groups",
    version: "2026-03-10",
    permissions: ACTIONS_READ,
    publicAccess: true,
    params: [
      ACCEPT,
      OWNER,
      REPO,
      ["concurrency_group_name", "path", "string", true],
      ["ahead_of_run", "query", "integer", false],
      ["ahead_of_job", "query", "integer", false],
    ],
    statuses: {
      "200": "OK",
      "404": "Resource not found",
      "422": "Validation failed, or the endpoint has been spammed.",
    },
  },
  {
    id: "actions/list-concurrency-groups-for-workflow-run",
    name: "listConcurrencyGroupsForWorkflowRun",
    method: "get",
    path: "/repos/{owner}/{repo}/actions/runs/{run_id}/concurrency_groups",
    summary: "List concurrency groups for a workflow run",
    tag: "concurrency-groups",
    version: "2026-03-10",
    permissions: ACTIONS_READ,
    publicAccess: true,
    params: [ACCEPT, OWNER, REPO, RUN_ID, PER_PAGE, ["before", "query", "string", false], ["after", "query", "string", false]],
    statuses: {
      "200": "OK",
      "404": "Resource not found",
      "422": "Validation failed, or the endpoint has been spammed.",
    },
    pagination: { style: "cursor", itemsKey: "concurrency_groups" },
  },
];

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function operation(facts: OperationFacts): any {
  const op = spec.paths?.[facts.path]?.[facts.method];
  if (!op) throw new Error(`no ${facts.method.toUpperCase()} ${facts.path} in the spec`);
  return op;
}

/** Operation-level parameters merged over path-item-level ones (by name + in). */
function parametersOf(facts: OperationFacts): any[] {
  const pathLevel: any[] = spec.paths[facts.path].parameters ?? [];
  const opLevel: any[] = operation(facts).parameters ?? [];
  const merged = new Map<string, any>();
  for (const p of [...pathLevel, ...opLevel]) merged.set(`${p.in}:${p.name}`, p);
  return [...merged.values()];
}

function schemaType(schema: any): string {
  if (schema.oneOf) return schema.oneOf.map(schemaType).join("|");
  if (schema.anyOf) return schema.anyOf.map(schemaType).join("|");
  return Array.isArray(schema.type) ? schema.type.join("|") : String(schema.type);
}

function camelName(operationId: string): string {
  return operationId.replace(/^actions\//, "").replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** GitHub docs heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function docsAnchor(summary: string): string {
  return summary
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, "")
    .trim()
    .replace(/ +/g, "-");
}

const allOperations: { method: string; path: string; op: any }[] = Object.entries<any>(spec.paths).flatMap(([path, item]) =>
  Object.entries<any>(item)
    .filter(([method]) => HTTP_METHODS.includes(method))
    .map(([method, op]) => ({ method, path, op })),
);

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

describe("spec/openapi.yaml: document", () => {
  it("is OpenAPI 3.1.0 for https://api.github.com with the two tags", () => {
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.servers.map((s: any) => s.url)).toEqual(["https://api.github.com"]);
    expect(spec.tags.map((t: any) => t.name).sort()).toEqual(["concurrency-groups", "workflow-runs"]);
    expect(spec.info.description).toMatch(/curated by hand|hand-curated/i);
  });

  it("declares bearer auth, optional at the top level (public resources need none)", () => {
    expect(spec.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(spec.security).toEqual([{ bearerAuth: [] }, {}]);
  });

  it("uses only relative $refs, no YAML anchors/aliases", () => {
    expect(refsSeen.length).toBeGreaterThan(0);
    for (const ref of refsSeen) expect(ref).not.toMatch(/^[a-z]+:\/\//i);
    expect(aliasFiles).toEqual([]);
  });

  it("has exactly the 22 documented operations", () => {
    const actual = allOperations.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort();
    const wanted = expected.map((e) => `${e.method.toUpperCase()} ${e.path}`).sort();
    expect(actual).toEqual(wanted);
    expect(wanted).toHaveLength(22);
  });

  it("puts x-pagination on exactly the 4 list operations", () => {
    const paginated = allOperations.filter(({ op }) => op["x-pagination"] !== undefined).map(({ op }) => op.operationId);
    expect(paginated.sort()).toEqual(
      [
        "actions/list-concurrency-groups-for-repository",
        "actions/list-concurrency-groups-for-workflow-run",
        "actions/list-workflow-runs",
        "actions/list-workflow-runs-for-repo",
      ].sort(),
    );
  });
});

describe.each(expected)("$name ($method $path)", (facts) => {
  it("has the documented identity: operationId, summary, tag, version, docs link", () => {
    const op = operation(facts);
    expect(op.operationId).toBe(facts.id);
    expect(camelName(op.operationId)).toBe(facts.name);
    expect(op.summary).toBe(facts.summary);
    expect(typeof op.description).toBe("string");
    expect(op.description.length).toBeGreaterThan(0);
    expect(op.tags).toEqual([facts.tag]);
    expect(op["x-api-version"]).toBe(facts.version);
    const page = facts.tag === "workflow-runs" ? WR : CG;
    expect(op.externalDocs.url).toBe(`${page}#${docsAnchor(facts.summary)}`);
  });

  it("lists the fine-grained token permissions and the auth requirement", () => {
    const op = operation(facts);
    expect(op["x-github-permissions"]).toEqual(facts.permissions);
    if (facts.publicAccess) {
      // inherits the top-level `[{bearerAuth: []}, {}]`
      expect(op.security).toBeUndefined();
    } else {
      expect(op.security).toEqual([{ bearerAuth: [] }]);
    }
  });

  it("has exactly the documented parameters (name, in, type, required, enum, default)", () => {
    const params = parametersOf(facts);
    const actual = params.map((p) => `${p.in}:${p.name}`).sort();
    const wanted = facts.params.map(([name, loc]) => `${loc}:${name}`).sort();
    expect(actual).toEqual(wanted);

    for (const [name, loc, type, required, extra = {}] of facts.params) {
      const p = params.find((q) => q.name === name && q.in === loc);
      const label = `${loc} parameter ${name}`;
      expect(schemaType(p.schema), label).toBe(type);
      expect(p.required === true, label).toBe(required);
      expect(typeof p.description, label).toBe("string");
      expect(p.schema.enum, label).toEqual(extra.enum);
      expect(p.schema.default, label).toEqual(extra.default);
      if (extra.max !== undefined) {
        expect(p.schema.maximum, label).toBe(extra.max);
        expect(p.schema.minimum, label).toBe(1);
      }
    }
  });

  it("documents mutually exclusive parameters in their descriptions", () => {
    const params = parametersOf(facts);
    const run = params.find((p) => p.name === "ahead_of_run");
    const job = params.find((p) => p.name === "ahead_of_job");
    if (!run && !job) return;
    expect(run.description).toMatch(/Mutually exclusive with `?ahead_of_job`?/);
    expect(job.description).toMatch(/Mutually exclusive with `?ahead_of_run`?/);
    expect(operation(facts).description).toMatch(/Returns 422 if the specified run or job is not in this concurrency group/);
  });

  it("has exactly the documented status codes, with the docs' descriptions", () => {
    const responses = operation(facts).responses;
    expect(Object.keys(responses).sort()).toEqual(Object.keys(facts.statuses).sort());
    for (const [code, text] of Object.entries(facts.statuses)) {
      expect(responses[code].description, code).toBe(text);
    }
  });

  it("gives each status the right kind of response", () => {
    const responses = operation(facts).responses;
    for (const code of Object.keys(facts.statuses)) {
      const r = responses[code];
      if (code === "204") {
        expect(r.content, code).toBeUndefined();
      } else if (code === "302") {
        expect(r.content, code).toBeUndefined();
        expect(r.headers.Location.schema).toEqual({ type: "string", format: "uri" });
      } else if (code === "200") {
        const media = r.content["application/json"];
        expect(media.schema, code).toBeDefined();
        // the docs' JSON example, at media type level
        expect(media.examples.default.value, code).toBeDefined();
      } else if (code === "201" || code === "202") {
        expect(r.content["application/json"].schema.type, code).toBe("object");
      } else if (code === "422") {
        const props = r.content["application/json"].schema.properties;
        expect(Object.keys(props).sort(), code).toEqual(["documentation_url", "errors", "message"]);
      } else {
        const props = r.content["application/json"].schema.properties;
        expect(Object.keys(props).sort(), code).toEqual(["documentation_url", "message", "status", "url"]);
      }
    }
  });

  it("has the documented request body (fields, types, required, enum, default, example)", () => {
    const requestBody = operation(facts).requestBody;
    if (!facts.body) {
      expect(requestBody).toBeUndefined();
      return;
    }
    expect(requestBody.required === true).toBe(facts.body.required);
    const media = requestBody.content["application/json"];
    const schema = media.schema;
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties).sort()).toEqual(facts.body.fields.map(([n]) => n).sort());
    const requiredFields = facts.body.fields.filter(([, , req]) => req).map(([n]) => n);
    expect([...(schema.required ?? [])].sort()).toEqual(requiredFields.sort());
    for (const [name, type, , extra = {}] of facts.body.fields) {
      const prop = schema.properties[name];
      expect(schemaType(prop), name).toBe(type);
      expect(prop.enum, name).toEqual(extra.enum);
      expect(prop.default, name).toEqual(extra.default);
      if (extra.items) expect(prop.items.type, name).toBe(extra.items);
    }
    if (facts.body.example !== undefined) {
      expect(media.examples.default.value).toEqual(facts.body.example);
    }
  });

  it("has x-pagination only if it is a list operation", () => {
    const pagination = operation(facts)["x-pagination"];
    // cappedBy is a set: compare it sorted (the docs list the filters alphabetically)
    const normalized = pagination?.cappedBy !== undefined ? { ...pagination, cappedBy: [...pagination.cappedBy].sort() } : pagination;
    expect(normalized).toEqual(facts.pagination);
    for (const filter of pagination?.cappedBy ?? []) {
      // every capping filter is a query parameter of the operation
      expect(
        parametersOf(facts).some((p) => p.in === "query" && p.name === filter),
        filter,
      ).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------
// Response schemas and examples: facts read off the docs' JSON examples.
// ---------------------------------------------------------------------------

const byId = (id: string) => {
  const facts = expected.find((e) => e.id === id)!;
  return operation(facts);
};
const json200 = (id: string) => byId(id).responses["200"].content["application/json"];

function isNullable(schema: any): boolean {
  if (Array.isArray(schema.type)) return schema.type.includes("null");
  const alts = schema.oneOf ?? schema.anyOf;
  return Array.isArray(alts) && alts.some((s: any) => s.type === "null");
}

describe("response schemas rebuilt from the docs examples", () => {
  it("workflow run: fields the example shows as null are nullable", () => {
    const run = json200("actions/get-workflow-run").schema;
    for (const field of ["conclusion", "name", "head_branch", "status", "head_commit", "previous_attempt_url"]) {
      expect(isNullable(run.properties[field]), field).toBe(true);
    }
    for (const field of ["id", "run_number", "run_attempt", "workflow_id", "check_suite_id"]) {
      expect(run.properties[field].type, field).toBe("integer");
    }
    expect(run.properties.repository.properties.description.type).toEqual(["string", "null"]);
    expect(run.required).toEqual(expect.arrayContaining(["id", "status", "conclusion", "repository", "head_sha"]));
    // present in the single-run example only
    expect(run.required).not.toContain("referenced_workflows");
    expect(run.required).not.toContain("previous_attempt_url");
  });

  it("list and get examples are the docs' examples", () => {
    const list = json200("actions/list-workflow-runs-for-repo").examples.default.value;
    expect(list.total_count).toBe(1);
    expect(list.workflow_runs[0].id).toBe(30433642);
    expect(list.workflow_runs[0].head_branch).toBe("master");
    expect(json200("actions/list-workflow-runs").examples.default.value).toEqual(list);
    const run = json200("actions/get-workflow-run").examples.default.value;
    expect(run.head_branch).toBe("main");
    expect(run.conclusion).toBeNull();
    expect(run.referenced_workflows).toHaveLength(3);
    expect(json200("actions/get-workflow-run-attempt").examples.default.value).toEqual(run);
  });

  it("review history, pending deployments, deployments, usage", () => {
    const approvals = json200("actions/get-reviews-for-run");
    expect(approvals.schema.type).toBe("array");
    expect(approvals.examples.default.value[0]).toMatchObject({ state: "approved", comment: "Ship it!" });

    const pending = json200("actions/get-pending-deployments-for-run");
    const reviewer = pending.schema.items.properties.reviewers.items;
    expect(reviewer.properties.type.enum).toEqual(["User", "Team"]);
    expect(reviewer.properties.reviewer.oneOf).toHaveLength(2);
    expect(pending.examples.default.value[0].reviewers.map((r: any) => r.type)).toEqual(["User", "Team"]);

    const deployments = json200("actions/review-pending-deployments-for-run");
    expect(deployments.schema.items.properties.description.type).toEqual(["string", "null"]);
    expect(deployments.examples.default.value[0].id).toBe(1);

    const usage = json200("actions/get-workflow-run-usage");
    expect(Object.keys(usage.schema.properties.billable.properties).sort()).toEqual(["MACOS", "UBUNTU", "WINDOWS"]);
    expect(usage.examples.default.value.run_duration_ms).toBe(500000);
  });

  it("concurrency groups: list, detail with optional job fields, per-run list with positions", () => {
    const list = json200("actions/list-concurrency-groups-for-repository");
    expect(list.schema.properties.concurrency_groups.items.required).toEqual(["group_name", "group_url", "last_acquired_at"]);
    expect(list.examples.default.value.total_count).toBe(2);

    const detail = json200("actions/get-concurrency-group-for-repository");
    const member = detail.schema.properties.group_members.items;
    expect(member.required).not.toContain("job_id");
    expect(Object.keys(member.properties)).toEqual(expect.arrayContaining(["job_id", "job_name", "job_url", "job_html_url"]));
    expect(detail.examples.default.value.group_members).toHaveLength(3);

    const perRun = json200("actions/list-concurrency-groups-for-workflow-run");
    const positioned = perRun.schema.properties.concurrency_groups.items.properties.group_members.items;
    expect(positioned.required).toEqual(expect.arrayContaining(["position", "position_url"]));
    expect(perRun.examples.default.value.concurrency_groups.map((g: any) => g.group_name)).toEqual(["deploy-prod", "ci-build"]);
  });
});

// ---------------------------------------------------------------------------
// Facts taken from GitHub's published OpenAPI description, not from the docs pages (issue 16).
// Typed from @octokit/openapi 23.0.2 (generated/api.github.com.json): each is marked in spec/
// with `x-source`, and this table must name every such mark.
// ---------------------------------------------------------------------------

const PUBLISHED = "@octokit/openapi 23.0.2";

/** [schema, field, type, nullable, required, extra]; the field "" stands for the schema itself. */
type PublishedFact = [string, string, string, boolean, boolean, { enum?: string[]; format?: string; default?: unknown }?];

const MEMBER_STATUS = { enum: ["in_progress", "pending"] };
const TEAM_TYPE = { enum: ["enterprise", "organization"] };
const published: PublishedFact[] = [
  ["workflow-run", "head_repository_id", "integer", false, false],
  ["workflow-run", "pull_requests", "array", true, true],
  ["simple-user", "user_view_type", "string", false, false],
  ["team", "type", "string", false, false, TEAM_TYPE],
  ["team", "organization_id", "integer", false, false],
  ["team", "enterprise_id", "integer", false, false],
  ["team-simple", "type", "string", false, false, TEAM_TYPE],
  ["team-simple", "organization_id", "integer", false, false],
  ["team-simple", "enterprise_id", "integer", false, false],
  ["deployment", "performed_via_github_app", "object", true, false],
  ["github-app", "", "object", false, false],
  ["enterprise", "", "object", false, false],
  ["re-run-job-request", "enable_debugger", "boolean", false, false, { default: false }],
  ["concurrency-group", "last_acquired_at", "string", true, true, { format: "date-time" }],
  ["concurrency-group-member", "run_url", "string", true, true, { format: "uri" }],
  ["concurrency-group-member", "run_html_url", "string", true, true, { format: "uri" }],
  ["concurrency-group-member", "job_url", "string", true, false, { format: "uri" }],
  ["concurrency-group-member", "job_html_url", "string", true, false, { format: "uri" }],
  ["concurrency-group-member", "status", "string", false, true, MEMBER_STATUS],
  ["positioned-concurrency-group-member", "run_url", "string", true, true, { format: "uri" }],
  ["positioned-concurrency-group-member", "run_html_url", "string", true, true, { format: "uri" }],
  ["positioned-concurrency-group-member", "job_id", "integer", true, false],
  ["positioned-concurrency-group-member", "job_name", "string", true, false],
  ["positioned-concurrency-group-member", "job_url", "string", true, false, { format: "uri" }],
  ["positioned-concurrency-group-member", "job_html_url", "string", true, false, { format: "uri" }],
  ["positioned-concurrency-group-member", "status", "string", false, true, MEMBER_STATUS],
];

/** The types of a schema without "null": `string`, or `object` for a `oneOf` of a ref and null. */
function nonNullType(schema: any): string {
  if (Array.isArray(schema.type)) return schema.type.filter((t: string) => t !== "null").join("|");
  const alts = (schema.oneOf ?? schema.anyOf)?.filter((s: any) => s.type !== "null");
  if (alts) return [...new Set(alts.map(nonNullType))].join("|");
  return String(schema.type);
}

/** `schema` or `schema.field` for every `x-source` written in spec/components/schemas.yaml. */
function xSourceMarks(): Map<string, unknown> {
  const file = resolve(dirname(SPEC_ROOT), "components/schemas.yaml");
  const marks = new Map<string, unknown>();
  const walk = (node: any, at: string) => {
    if (node === null || typeof node !== "object") return;
    if ("x-source" in node) marks.set(at, node["x-source"]);
    for (const [name, child] of Object.entries<any>(node.properties ?? {})) walk(child, `${at}.${name}`);
  };
  for (const [name, schema] of Object.entries<any>(loadFile(file) as Obj)) walk(schema, name);
  return marks;
}

describe("facts taken from the published description (x-source)", () => {
  const schemas = spec.components.schemas;

  it.each(published)("%s %s: %s, nullable %s, required %s", (schemaName, field, type, nullable, required, extra = {}) => {
    const owner = schemas[schemaName];
    const schema = field === "" ? owner : owner.properties[field];
    expect(schema, `${schemaName}.${field}`).toBeDefined();
    expect(nonNullType(schema)).toBe(type);
    expect(isNullable(schema)).toBe(nullable);
    if (field !== "") expect((owner.required ?? []).includes(field)).toBe(required);
    expect(schema.enum).toEqual(extra.enum);
    expect(schema.format).toEqual(extra.format);
    expect(schema.default).toEqual(extra.default);
  });

  it("marks exactly these facts with x-source, naming the description and its version", () => {
    const marks = xSourceMarks();
    const wanted = published.map(([schemaName, field]) => (field === "" ? schemaName : `${schemaName}.${field}`));
    expect([...marks.keys()].sort()).toEqual(wanted.sort());
    for (const [at, value] of marks) expect(value, at).toBe(PUBLISHED);
  });

  it("types the new objects: a GitHub App owned by a user or an enterprise", () => {
    const app = schemas["github-app"];
    expect([...app.required].sort()).toEqual(
      [
        "created_at",
        "description",
        "events",
        "external_url",
        "html_url",
        "id",
        "name",
        "node_id",
        "owner",
        "permissions",
        "updated_at",
      ].sort(),
    );
    expect(app.properties.owner.oneOf.map((s: any) => s.title)).toEqual(["Simple User", "Enterprise"]);
    expect(schemas.enterprise.required.sort()).toEqual([
      "avatar_url",
      "created_at",
      "html_url",
      "id",
      "name",
      "node_id",
      "slug",
      "updated_at",
    ]);
    // Reached from the one operation that returns deployments.
    expect(json200("actions/review-pending-deployments-for-run").schema.items.properties.performed_via_github_app.oneOf[0].title).toBe(
      "GitHub App",
    );
  });

  it("keeps enable_debugger to the job re-run: the other two re-runs take only enable_debug_logging", () => {
    const bodyFields = (id: string) => Object.keys(byId(id).requestBody.content["application/json"].schema.properties).sort();
    expect(bodyFields("actions/re-run-job-for-workflow-run")).toEqual(["enable_debug_logging", "enable_debugger"]);
    expect(bodyFields("actions/re-run-workflow")).toEqual(["enable_debug_logging"]);
    expect(bodyFields("actions/re-run-workflow-failed-jobs")).toEqual(["enable_debug_logging"]);
  });
});
