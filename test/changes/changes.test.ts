// The API change report, driven by real edits to a spec: each row edits a clone of the fixture's
// document, and the report must name exactly the changes made, class them (breaking, may break
// exhaustive handling, compatible), and bump the version from 1.4.2 accordingly. The fixture is a
// frozen copy of spec/ (test/fixtures/changes/README.md), so a change to spec/ changes nothing here.
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  apiSurface,
  changelogSection,
  describeChange,
  diffSurfaces,
  nextVersion,
  planRelease,
  prependChangelog,
  reportLines,
  parseRecord,
  parseSurface,
  UNRELEASED,
  type ApiChange,
  type ApiSurface,
  type Impact,
  type SurfaceRecord,
} from "../../generator/changes/index.js";
import { surfaceFile } from "../../generator/changes/files.js";
import { loadSpec } from "../../generator/load/index.js";
import { buildModel } from "../../generator/model/build.js";
import { deref } from "../../generator/document/deref.js";
import { type Json } from "../../generator/document/json.js";

const SPEC = resolve(import.meta.dirname, "../fixtures/changes/openapi.json");
let bundled: Json;
let baseline: ApiSurface;

const surfaceOf = (document: Json) => apiSurface(document, buildModel(document));

beforeAll(async () => {
  const loaded = await loadSpec(SPEC);
  if (!loaded.spec) throw new Error(loaded.diagnostics.map((d) => d.message).join("\n"));
  bundled = loaded.spec.document;
  baseline = surfaceOf(bundled);
});

// ---------------------------------------------------------------------------------------------
// Spec edits

const RUNS = "/repos/{owner}/{repo}/actions/runs";
const GROUP = "/repos/{owner}/{repo}/actions/concurrency_groups/{concurrency_group_name}";

const at = (doc: Json, ...keys: string[]): Json => keys.reduce((node, key) => node[key] as Json, doc);
const operation = (doc: Json, path: string, method = "get") => at(doc, "paths", path, method);
const schema = (doc: Json, name: string) => at(doc, "components", "schemas", name);

/** Replaces an operation's (possibly shared, $ref'd) parameter by its own copy, so the edit stays local. */
function ownParam(doc: Json, path: string, method: string, name: string): Json {
  const list = operation(doc, path, method).parameters as unknown[];
  const index = list.findIndex((entry) => deref(doc, entry)?.name === name);
  if (index < 0) throw new Error(`no parameter ${name} on ${method} ${path}`);
  const copy = structuredClone(deref(doc, list[index])!);
  list[index] = copy;
  return copy;
}

function removeParam(doc: Json, path: string, method: string, name: string): void {
  const op = operation(doc, path, method);
  op.parameters = (op.parameters as unknown[]).filter((entry) => deref(doc, entry)?.name !== name);
}

function removeProperty(target: Json, name: string): void {
  delete (target.properties as Json)[name];
  if (Array.isArray(target.required)) target.required = target.required.filter((r) => r !== name);
}

interface Row {
  readonly edit: string;
  readonly apply: (doc: Json) => void;
  readonly breaking: readonly string[];
  /** May break exhaustive handling; none when left out. */
  readonly exhaustive?: readonly string[];
  readonly other: readonly string[];
  readonly version: string;
}

const ROWS: Row[] = [
  {
    edit: "remove a param",
    apply: (doc) => removeParam(doc, RUNS, "get", "actor"),
    breaking: ["listWorkflowRunsForRepo: param `actor` removed (query, string)"],
    other: [],
    version: "2.0.0",
  },
  {
    edit: "make a param required",
    apply: (doc) => {
      ownParam(doc, GROUP, "get", "ahead_of_run").required = true;
    },
    breaking: ["getConcurrencyGroupForRepository: param `ahead_of_run` now required"],
    other: [],
    version: "2.0.0",
  },
  {
    edit: "add an optional param",
    apply: (doc) => {
      (operation(doc, RUNS).parameters as unknown[]).push({
        name: "exclude_forks",
        in: "query",
        schema: { type: "boolean" },
      });
    },
    breaking: [],
    other: ["listWorkflowRunsForRepo: param `exclude_forks` added (query, boolean, optional)"],
    version: "1.5.0",
  },
  {
    edit: "add a required param",
    apply: (doc) => {
      (operation(doc, RUNS).parameters as unknown[]).push({
        name: "since",
        in: "query",
        required: true,
        schema: { type: "string" },
      });
    },
    breaking: ["listWorkflowRunsForRepo: param `since` added (query, string, required)"],
    other: [],
    version: "2.0.0",
  },
  {
    edit: "remove an enum value (a shared parameter: both list operations change)",
    apply: (doc) => {
      const status = at(doc, "components", "parameters", "workflow-run-status", "schema");
      status.enum = (status.enum as string[]).filter((v) => v !== "stale");
    },
    breaking: [
      "listWorkflowRuns: enum value `stale` removed (param status)",
      "listWorkflowRunsForRepo: enum value `stale` removed (param status)",
    ],
    other: [],
    version: "2.0.0",
  },
  {
    edit: "add an enum value",
    apply: (doc) => {
      const state = at(schema(doc, "review-custom-gates-request"), "properties", "state");
      state.enum = [...(state.enum as string[]), "deferred"];
    },
    breaking: [],
    other: ["reviewCustomGatesForRun: enum value `deferred` added (body field state)"],
    version: "1.5.0",
  },
  {
    edit: "remove a response field",
    apply: (doc) => removeProperty(schema(doc, "concurrency-group-detail"), "total_count"),
    breaking: ["getConcurrencyGroupForRepository: response field `total_count` removed (200, integer)"],
    other: [],
    version: "2.0.0",
  },
  {
    edit: "add a response field",
    apply: (doc) => {
      (schema(doc, "positioned-concurrency-group-member").properties as Json).queued_at = {
        type: "string",
        format: "date-time",
      };
    },
    breaking: [],
    other: ["listConcurrencyGroupsForWorkflowRun: response field `concurrency_groups[].group_members[].queued_at` added (200, string)"],
    version: "1.5.0",
  },
  {
    edit: "make a response field nullable",
    apply: (doc) => {
      // group_url: last_acquired_at is nullable already (issue 16, from GitHub's published description).
      at(schema(doc, "concurrency-group"), "properties", "group_url").type = ["string", "null"];
    },
    breaking: ["listConcurrencyGroupsForRepository: response field `concurrency_groups[].group_url` may now be null (200)"],
    other: [],
    version: "2.0.0",
  },
  {
    edit: "change a response field's type (its fields go with it, unlisted)",
    apply: (doc) => {
      at(schema(doc, "concurrency-group-detail"), "properties", "group_members").items = { type: "string" };
    },
    breaking: ["getConcurrencyGroupForRepository: response field `group_members` type object[] → string[] (200)"],
    other: [],
    version: "2.0.0",
  },
  {
    edit: "restrict a param to a list of values",
    apply: (doc) => {
      ownParam(doc, RUNS, "get", "event").schema = { type: "string", enum: ["push", "pull_request"] };
    },
    breaking: ["listWorkflowRunsForRepo: param event now restricted to pull_request, push"],
    other: [],
    version: "2.0.0",
  },
  {
    edit: "change a param's type",
    apply: (doc) => {
      ownParam(doc, GROUP, "get", "ahead_of_job").schema = { type: "string" };
    },
    breaking: ["getConcurrencyGroupForRepository: param `ahead_of_job` type integer → string"],
    other: [],
    version: "2.0.0",
  },
  {
    edit: "add an operation",
    apply: (doc) => {
      (doc.paths as Json)[`${RUNS}/{run_id}/jobs`] = {
        get: {
          operationId: "actions/list-jobs-for-workflow-run",
          summary: "List jobs for a workflow run",
          tags: ["workflow-runs"],
          parameters: [
            { $ref: "#/components/parameters/owner" },
            { $ref: "#/components/parameters/repo" },
            { $ref: "#/components/parameters/run-id" },
          ],
          responses: {
            "200": {
              description: "OK",
              content: {
                "application/json": { schema: { type: "object", properties: { total_count: { type: "integer" } } } },
              },
            },
          },
        },
      };
    },
    breaking: [],
    other: ["listJobsForWorkflowRun: operation added (GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs)"],
    version: "1.5.0",
  },
  {
    edit: "remove an operation",
    apply: (doc) => {
      delete (doc.paths as Json)[`${RUNS}/{run_id}/force-cancel`];
    },
    breaking: ["forceCancelWorkflowRun: operation removed (POST /repos/{owner}/{repo}/actions/runs/{run_id}/force-cancel)"],
    other: [],
    version: "2.0.0",
  },
  {
    edit: "remove a success status",
    apply: (doc) => {
      const responses = operation(doc, `${RUNS}/{run_id}/cancel`, "post").responses as Json;
      responses["200"] = responses["202"];
      delete responses["202"];
    },
    breaking: ["cancelWorkflowRun: success status 202 removed"],
    exhaustive: ["cancelWorkflowRun: success status 200 added"],
    other: [],
    version: "2.0.0",
  },
  {
    edit: "add a success status (a new case for a switch on the status)",
    apply: (doc) => {
      const responses = operation(doc, `${RUNS}/{run_id}/cancel`, "post").responses as Json;
      responses["200"] = responses["202"];
    },
    breaking: [],
    exhaustive: ["cancelWorkflowRun: success status 200 added"],
    other: [],
    version: "1.5.0",
  },
  {
    edit: "add an error status",
    apply: (doc) => {
      const responses = operation(doc, `${RUNS}/{run_id}/cancel`, "post").responses as Json;
      responses["418"] = { description: "I'm a teapot" };
    },
    breaking: [],
    other: ["cancelWorkflowRun: error status 418 added"],
    version: "1.5.0",
  },
  {
    edit: "add a response enum value (a new case for an exhaustive switch)",
    apply: (doc) => {
      const status = at(schema(doc, "concurrency-group-member"), "properties", "status");
      status.enum = [...(status.enum as string[]), "queued"];
    },
    breaking: [],
    exhaustive: ["getConcurrencyGroupForRepository: enum value `queued` added (response field group_members[].status)"],
    other: [],
    version: "1.5.0",
  },
  {
    edit: "lift a response field's list of values",
    apply: (doc) => {
      delete at(schema(doc, "environment-approvals"), "properties", "state").enum;
    },
    breaking: [],
    exhaustive: ["getReviewsForRun: response field [].state no longer restricted to a list of values"],
    other: [],
    version: "1.5.0",
  },
  {
    edit: "remove a response enum value (readers lose nothing)",
    apply: (doc) => {
      const state = at(schema(doc, "environment-approvals"), "properties", "state");
      state.enum = ["approved", "rejected"];
    },
    breaking: [],
    other: ["getReviewsForRun: enum value `pending` removed (response field [].state)"],
    version: "1.5.0",
  },
  {
    edit: "change a description only",
    apply: (doc) => {
      operation(doc, `${RUNS}/{run_id}`).description = "Gets a specific workflow run. (Reworded.)";
    },
    breaking: [],
    other: ["getWorkflowRun: documentation changed: summary/description"],
    version: "1.4.3",
  },
  {
    edit: "change a field's description only",
    apply: (doc) => {
      at(schema(doc, "concurrency-group"), "properties", "group_name").description = "The group's name, as written in the workflow.";
    },
    breaking: [],
    other: ["listConcurrencyGroupsForRepository: documentation changed: response field (200) concurrency_groups[].group_name"],
    version: "1.4.3",
  },
  {
    edit: "change nothing",
    apply: () => {},
    breaking: [],
    other: [],
    version: "1.4.2",
  },
];

describe("the API change report, one spec edit at a time (from 1.4.2)", () => {
  it.each(ROWS)("$edit", ({ apply, breaking, exhaustive = [], other, version }) => {
    const doc = structuredClone(bundled);
    apply(doc);
    const changes = diffSurfaces(baseline, surfaceOf(doc));
    const described = (impact: Impact) => changes.filter((c) => c.impact === impact).map(describeChange);
    expect(described("breaking")).toEqual(breaking);
    expect(described("exhaustive")).toEqual(exhaustive);
    expect(described("compatible")).toEqual(other);
    expect(nextVersion("1.4.2", changes)).toBe(version);
  });

  it("reports several edits at once in three classes, breaking first, for the terminal and the changelog", () => {
    const doc = structuredClone(bundled);
    for (const edit of [
      "remove a param",
      "add an optional param",
      "change a description only",
      "add a response enum value (a new case for an exhaustive switch)",
    ])
      ROWS.find((r) => r.edit === edit)!.apply(doc);
    const changes = diffSurfaces(baseline, surfaceOf(doc));
    const version = nextVersion("1.4.2", changes);
    expect(reportLines("API changes since 1.4.2", changes)).toEqual([
      "API changes since 1.4.2: 1 breaking change, 1 that may break exhaustive handling, 1 addition, 1 other change",
      "  BREAKING    listWorkflowRunsForRepo: param `actor` removed (query, string)",
      "  EXHAUSTIVE  getConcurrencyGroupForRepository: enum value `queued` added (response field group_members[].status)",
      "  changed     getWorkflowRun: documentation changed: summary/description",
      "  added       listWorkflowRunsForRepo: param `exclude_forks` added (query, boolean, optional)",
    ]);
    expect(changelogSection(version, "2026-12-04", changes)).toBe(
      [
        "## 2.0.0 — 2026-12-04 — 1 breaking change, 1 that may break exhaustive handling, 1 addition, 1 other change",
        "",
        "- **breaking** listWorkflowRunsForRepo: param `actor` removed (query, string)",
        "- **may break exhaustive handling** getConcurrencyGroupForRepository: enum value `queued` added (response field group_members[].status)",
        "- getWorkflowRun: documentation changed: summary/description",
        "- listWorkflowRunsForRepo: param `exclude_forks` added (query, boolean, optional)",
        "",
      ].join("\n"),
    );
    expect(reportLines("API changes since 1.4.2", [])).toEqual(["API changes since 1.4.2: no API changes"]);
  });
});

describe("planRelease: the version counts from the last release, not from the last run", () => {
  const edited = (...edits: string[]) => {
    const doc = structuredClone(bundled);
    for (const edit of edits) ROWS.find((r) => r.edit === edit)!.apply(doc);
    return surfaceOf(doc);
  };
  const releasedAt = (version: string, surface: ApiSurface, date?: string): SurfaceRecord => ({
    surface,
    released: { version, ...(date ? { date } : {}), surface },
  });
  /** The record a plan leaves, as the next run reads it back from api-surface.json. */
  const stored = (plan: ReturnType<typeof planRelease>) => parseRecord(surfaceFile(plan.record).contents, "9.9.9");

  it("gives the changes, the version, the report and an unreleased changelog section in one call", () => {
    const plan = planRelease(releasedAt("1.4.2", baseline, "2026-11-30"), edited("add an optional param"), "1.4.2");
    expect(plan).toMatchObject({ bump: "minor", version: "1.5.0", breaking: false, released: false });
    expect(plan.lines[0]).toBe("API changes since 1.4.2 (released 2026-11-30) → 1.5.0 (unreleased): 1 addition");
    expect(plan.changelog).toMatch(/^## 1\.5\.0 — unreleased — 1 addition\n\n- listWorkflowRunsForRepo: param `exclude_forks` added/);
    expect(plan.record.released).toEqual({ version: "1.4.2", date: "2026-11-30", surface: baseline });
  });

  it("two additions in two runs before a release bump once", () => {
    const first = planRelease(releasedAt("1.4.2", baseline), edited("add an optional param"), "1.4.2");
    const second = planRelease(stored(first), edited("add an optional param", "add an operation"), first.version);
    expect([first.version, second.version]).toEqual(["1.5.0", "1.5.0"]);
    expect(second.changes.map(describeChange)).toEqual([
      "listJobsForWorkflowRun: operation added (GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs)",
      "listWorkflowRunsForRepo: param `exclude_forks` added (query, boolean, optional)",
    ]);
  });

  it("an addition and its revert before a release bump nothing and leave no changelog section", () => {
    const added = planRelease(releasedAt("1.4.2", baseline), edited("add an optional param"), "1.4.2");
    const reverted = planRelease(stored(added), baseline, added.version);
    expect(reverted).toMatchObject({ version: "1.4.2", bump: "none", changes: [], lines: ["API unchanged since 1.4.2"] });
    expect(reverted.changelog).toBeUndefined();
    const changelog = prependChangelog(prependChangelog("", added.changelog), reverted.changelog);
    expect(changelog).toBe("# Changelog\n");
  });

  it("a release dates the section and becomes the baseline of the next version", () => {
    const pending = planRelease(releasedAt("1.4.2", baseline), edited("add an optional param"), "1.4.2");
    const release = planRelease(stored(pending), edited("add an optional param"), pending.version, "2026-12-04");
    expect(release).toMatchObject({ version: "1.5.0", released: true });
    expect(release.changelog).toMatch(/^## 1\.5\.0 — 2026-12-04 — 1 addition\n/);
    expect(release.record.released).toMatchObject({ version: "1.5.0", date: "2026-12-04" });
    const after = planRelease(stored(release), edited("add an optional param"), release.version);
    expect(after).toMatchObject({ version: "1.5.0", changes: [], lines: ["API unchanged since 1.5.0 (released 2026-12-04)"] });
    const next = planRelease(stored(release), edited("add an optional param", "remove a param"), release.version);
    expect(next.version).toBe("2.0.0");
    expect(next.changes.map(describeChange)).toEqual(["listWorkflowRunsForRepo: param `actor` removed (query, string)"]);
  });

  it("a release with nothing pending changes nothing", () => {
    const plan = planRelease(releasedAt("1.4.2", baseline, "2026-11-30"), baseline, "1.4.2", "2026-12-04");
    expect(plan).toMatchObject({ version: "1.4.2", released: false });
    expect(plan.record.released).toEqual({ version: "1.4.2", date: "2026-11-30", surface: baseline });
  });

  it("takes the first surface as the baseline, released at the package's version: nothing to report", () => {
    expect(planRelease(undefined, baseline, "0.1.0")).toEqual({
      changes: [],
      bump: "none",
      version: "0.1.0",
      breaking: false,
      lines: ["API unchanged since 0.1.0"],
      record: { surface: baseline, released: { version: "0.1.0", surface: baseline } },
      released: false,
    });
  });
});

describe("api-surface.json", () => {
  it("keeps the released surface as the operations that differ, and reads it back", () => {
    const doc = structuredClone(bundled);
    ROWS.find((r) => r.edit === "add an operation")!.apply(doc);
    ROWS.find((r) => r.edit === "remove an operation")!.apply(doc);
    const record: SurfaceRecord = { surface: surfaceOf(doc), released: { version: "1.4.2", date: "2026-11-30", surface: baseline } };
    const text = surfaceFile(record).contents;
    const overlay = (JSON.parse(text) as { releasedOperations: Record<string, unknown> }).releasedOperations;
    expect(Object.keys(overlay)).toEqual(["actions/force-cancel-workflow-run", "actions/list-jobs-for-workflow-run"]);
    expect(overlay["actions/list-jobs-for-workflow-run"]).toBeNull();
    expect(parseRecord(text, "0.0.1")).toEqual(record);
    expect(parseSurface(text)).toEqual(record.surface);
  });

  it("writes no overlay when nothing is pending", () => {
    const text = surfaceFile({ surface: baseline, released: { version: "1.4.2", surface: baseline } }).contents;
    expect(text).not.toContain("releasedOperations");
    expect(text).toContain('"released": {"version":"1.4.2"}');
  });

  it("takes a record written before releases were kept as released at the package's version", () => {
    const legacy = JSON.stringify({ "//": "old", operations: baseline.operations });
    expect(parseRecord(legacy, "0.2.0")).toEqual({ surface: baseline, released: { version: "0.2.0", surface: baseline } });
  });

  it("reads an unreadable record as none (start over)", () => {
    expect(parseRecord("{not json", "1.0.0")).toBeUndefined();
    expect(parseRecord(JSON.stringify({ operations: [] }), "1.0.0")).toBeUndefined();
    expect(parseRecord(undefined, "1.0.0")).toBeUndefined();
  });

  it.each([
    ["an operation of the wrong shape", { operations: { x: { name: "f", params: "all" } } }],
    ["a released operation of the wrong shape", { released: { version: "1.0.0" }, releasedOperations: { x: 3 } }],
    ["a released version that is not semver", { released: { version: "1.0.0; rm -rf" } }],
    ["a released date that is not YYYY-MM-DD", { released: { version: "1.0.0", date: "tomorrow" } }],
    ["a released record that is not an object", { released: "1.0.0" }],
  ])("reads a hand-edited record with %s as none, rather than crashing the diff", (_label, edit) => {
    const good = JSON.parse(surfaceFile({ surface: baseline, released: { version: "1.4.2", surface: baseline } }).contents) as Json;
    const bad = { ...good, ...edit, operations: { ...(good.operations as Json), ...((edit as Json).operations as Json | undefined) } };
    expect(parseRecord(JSON.stringify(bad), "1.0.0")).toBeUndefined();
    expect(parseRecord(JSON.stringify(good), "1.0.0")).toBeDefined();
  });
});

describe("apiSurface", () => {
  it("is sorted, JSON-serializable and the same for the same spec", () => {
    expect(JSON.parse(JSON.stringify(baseline))).toEqual(baseline);
    expect(surfaceOf(structuredClone(bundled))).toEqual(baseline);
    const ids = Object.keys(baseline.operations);
    expect(ids).toHaveLength(22);
    expect(ids).toEqual([...ids].sort());
  });

  it("describes params, statuses and flattened, $ref-resolved response fields", () => {
    const list = baseline.operations["actions/list-workflow-runs-for-repo"]!;
    expect(list).toMatchObject({ name: "listWorkflowRunsForRepo", method: "GET", path: RUNS, statuses: [200] });
    expect(list.params.find((p) => p.name === "status")).toMatchObject({
      in: "query",
      required: false,
      type: "string",
    });
    expect(list.params.find((p) => p.name === "status")?.enum).toContain("in_progress");
    const fields = new Map(list.responses[0]!.fields.map((f) => [f.name, f]));
    expect(fields.get("workflow_runs[].head_commit")).toMatchObject({ type: "object", nullable: true });
    expect(fields.get("workflow_runs[].head_commit.message")).toMatchObject({
      type: "string",
      nullable: false,
      required: true,
    });
    expect(fields.get("workflow_runs[].pull_requests")).toMatchObject({ type: "object[]" });
    expect(fields.get("workflow_runs[].conclusion")).toMatchObject({ type: "string", nullable: true });

    const review = baseline.operations["actions/review-pending-deployments-for-run"]!;
    expect(review.body?.fields.map((f) => [f.name, f.type, f.required, f.enum])).toEqual([
      ["comment", "string", true, undefined],
      ["environment_ids", "integer[]", true, undefined],
      ["state", "string", true, ["approved", "rejected"]],
    ]);
    // A 302 has no fields; a path parameter of either type shows as a union.
    expect(baseline.operations["actions/download-workflow-run-logs"]!.responses).toEqual([]);
    expect(baseline.operations["actions/list-workflow-runs"]!.params.find((p) => p.name === "workflow_id")?.type).toBe("integer | string");
  });

  it("takes every operation, param, body and response the model has, even behind a $ref path item", () => {
    const doc = structuredClone(bundled);
    const paths = doc.paths as Json;
    (doc.components as Json).pathItems = { runs: paths[RUNS] };
    paths[RUNS] = { $ref: "#/components/pathItems/runs" };
    const surface = surfaceOf(doc);
    expect(surface).toEqual(baseline);
    const model = buildModel(doc);
    for (const op of model.operations) {
      const described = surface.operations[op.id]!;
      const modelParams = Object.entries(op.params).flatMap(([location, list]) => list.map((p) => `${location}:${p.name}`));
      expect(described.params.map((p) => `${p.in}:${p.name}`).sort(), op.id).toEqual(modelParams.sort());
      expect(described.body?.mediaType, op.id).toBe(op.body?.mediaType);
      expect(described.statuses, op.id).toEqual(op.responses.map((r) => r.status));
    }
  });

  it("stops at a recursive schema instead of following it forever", () => {
    const doc = structuredClone(bundled);
    // team-simple.parent refers to team-simple itself.
    (schema(doc, "team-simple").properties as Json).parent = {
      oneOf: [{ $ref: "#/components/schemas/team-simple" }, { type: "null" }],
    };
    (schema(doc, "team").properties as Json).parent = {
      oneOf: [{ $ref: "#/components/schemas/team-simple" }, { type: "null" }],
    };
    const surface = surfaceOf(doc);
    const names = surface.operations["actions/get-pending-deployments-for-run"]!.responses[0]!.fields.map((f) => f.name);
    const parents = names.filter((n) => n.includes(".parent"));
    expect(parents).toContain("[].reviewers[].reviewer.parent");
    expect(parents).toContain("[].reviewers[].reviewer.parent.parent");
    expect(parents.some((n) => n.includes(".parent.parent.parent"))).toBe(false);
  });
});

describe("nextVersion", () => {
  const added: ApiChange = {
    kind: "added",
    subject: "param",
    operation: "f",
    name: "p",
    detail: "query, string, optional",
    impact: "compatible",
  };
  const removed: ApiChange = { ...added, kind: "removed", impact: "breaking" };
  const newCase: ApiChange = { ...added, subject: "enum", detail: "of response field state", impact: "exhaustive" };
  const docs: ApiChange = {
    kind: "changed",
    subject: "operation",
    operation: "f",
    name: "f",
    detail: "documentation changed: summary/description",
    impact: "compatible",
  };
  it.each([
    ["0.1.0", "an addition", [added], "0.1.1"],
    ["0.1.0", "a new response enum value", [newCase], "0.1.1"],
    ["1.4.2", "a new response enum value", [newCase], "1.5.0"],
    ["0.1.0", "a docs change", [docs], "0.1.1"],
    ["0.1.0", "a breaking change", [removed, added], "0.2.0"],
    ["0.3.0-rc.1", "a breaking change", [removed], "0.3.0"],
    ["0.3.1-rc.1", "a breaking change", [removed], "0.4.0"],
    ["0.3.1-rc.1", "an addition", [added], "0.3.1"],
    ["0.1.0", "no change", [], "0.1.0"],
    ["1.4.2-beta.1", "an addition", [added], "1.5.0"],
    ["1.5.0-rc.1", "an addition", [added], "1.5.0"],
    ["2.0.0-rc.1", "a breaking change", [removed], "2.0.0"],
    ["1.4.2-rc.1", "a docs change", [docs], "1.4.2"],
    ["1.4.2-rc.1", "no change", [], "1.4.2-rc.1"],
  ] as const)("%s with %s → %s", (from, _label, changes, to) => {
    expect(nextVersion(from, changes)).toBe(to);
  });

  it("rejects a version that is not semver", () => {
    expect(() => nextVersion("v1", [])).toThrow(/not a semver version/);
  });
});

describe("prependChangelog", () => {
  const section = (version: string, when = "2026-12-04") =>
    `## ${version} — ${when} — 1 addition\n\n- f: param \`p\` added (query, string, optional)\n`;

  it("starts a changelog", () => {
    expect(prependChangelog("", section("1.5.0"))).toBe(`# Changelog\n\n${section("1.5.0")}`);
  });

  it("puts the newest version first, below the title and any introduction", () => {
    const existing = `# Changelog\n\nAPI changes of the generated client.\n\n${section("1.4.0")}`;
    expect(prependChangelog(existing, section("1.5.0"))).toBe(
      `# Changelog\n\nAPI changes of the generated client.\n\n${section("1.5.0")}\n${section("1.4.0")}`,
    );
  });

  it("replaces a section of the same version instead of listing it twice", () => {
    const once = prependChangelog(prependChangelog("", section("1.4.0")), section("1.5.0"));
    expect(prependChangelog(once, section("1.5.0"))).toBe(once);
  });

  it("replaces the unreleased section, whatever its version, and drops it when given none", () => {
    const released = prependChangelog("", section("1.4.0"));
    const pending = prependChangelog(released, section("1.5.0", UNRELEASED));
    expect(prependChangelog(pending, section("2.0.0", UNRELEASED))).toBe(prependChangelog(released, section("2.0.0", UNRELEASED)));
    expect(prependChangelog(pending, undefined)).toBe(released);
    expect(prependChangelog(pending, section("1.5.0"))).toBe(prependChangelog(released, section("1.5.0")));
  });
});
