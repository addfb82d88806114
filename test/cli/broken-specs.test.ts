// The generator fails well: each broken spec under test/fixtures/broken/ goes through the real
// CLI, in a child process, and must exit 1 with exactly the expected `file:line:col error:`
// lines and hints (every problem of the spec in one run, no stack trace), leaving the output
// folder byte-for-byte as it was. Each expected position is also checked against the fixture
// text, so that a position that drifts off the offending key fails here.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_TIMEOUT_MS, ROOT, runCli, snapshotTree, STACK_FRAME } from "./run-cli.js";

const FIXTURES = "test/fixtures/broken";

let work: string;
let baseline: string;
let baselineTree: Record<string, string>;
let copies = 0;

/** A fresh copy of the generated baseline package, as an output folder to point --out at. */
function outputCopy(): string {
  const dir = join(work, `out-${++copies}`, "generated");
  cpSync(baseline, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "broken-specs-"));
  baseline = join(work, "baseline", "generated");
  const control = await runCli(["--spec", `${FIXTURES}/valid/openapi.yaml`, "--out", baseline]);
  expect(control.stderr).toBe("");
  expect(control.status).toBe(0);
  expect(control.stdout).toMatch(/^2 operations, \d+ files, [\d.]+ s, \d+ changed\n$/);
  baselineTree = snapshotTree(baseline);
  expect(Object.keys(baselineTree)).toContain("src/index.ts");
}, CLI_TIMEOUT_MS);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

interface BrokenCase {
  readonly name: string;
  /** The --spec argument, relative to the project root. */
  readonly spec: string;
  /** The expected diagnostics, in order: the `file:line:col error: ...` line and its hint. */
  readonly errors: readonly { readonly line: string; readonly hint: string; readonly pointsAt: string }[];
}

const F = FIXTURES;

const CASES: readonly BrokenCase[] = [
  {
    name: "invalid YAML: a duplicate key and an unclosed flow sequence, both reported",
    spec: `${F}/yaml-syntax/openapi.yaml`,
    errors: [
      {
        line: `${F}/yaml-syntax/openapi.yaml:6:3 error: invalid YAML: duplicate key "title" in the same mapping`,
        hint: "fix the syntax at this position; the file could not be read",
        pointsAt: "title: Broken YAML, again",
      },
      {
        line: `${F}/yaml-syntax/openapi.yaml:11:13 error: invalid YAML: unclosed "[": this flow sequence needs a closing "]"`,
        hint: "fix the syntax at this position; the file could not be read",
        pointsAt: "[runs, workflow",
      },
    ],
  },
  {
    name: "invalid YAML: an unclosed quote is reported where it opens",
    spec: `${F}/yaml-quote/openapi.yaml`,
    errors: [
      {
        line: `${F}/yaml-quote/openapi.yaml:4:10 error: invalid YAML: unterminated string: the quote opened here is never closed`,
        hint: "fix the syntax at this position; the file could not be read",
        pointsAt: '"Unclosed quote',
      },
    ],
  },
  {
    name: "invalid JSON: a trailing comma (which YAML would accept) in the root file",
    spec: `${F}/json-syntax/openapi.json`,
    errors: [
      {
        line: `${F}/json-syntax/openapi.json:3:58 error: invalid JSON: trailing comma before '}'`,
        hint: "fix the syntax at this position; the file could not be read",
        pointsAt: ", }",
      },
    ],
  },
  {
    name: "invalid JSON in a referenced file: only the syntax error, no follow-on ref error",
    spec: `${F}/json-in-ref/openapi.yaml`,
    errors: [
      {
        line: `${F}/json-in-ref/responses.json:4:5 error: invalid JSON: expected ',' or '}' after a property value`,
        hint: "fix the syntax at this position; the file could not be read",
        pointsAt: '"content"',
      },
    ],
  },
  {
    name: "$ref to missing files, from the root and from a referenced file (the wording of every refused file)",
    spec: `${F}/missing-file/openapi.yaml`,
    errors: [
      {
        line: `${F}/missing-file/openapi.yaml:10:5 error: $ref "./paths/jobs.yaml" does not lead to a readable file inside the spec's folder (at #/paths/~1jobs/$ref)`,
        hint: `it names ${F}/missing-file/paths/jobs.yaml; a $ref may name only a regular file inside ${F}/missing-file (symlinks resolved; --allow-ref-folder adds a folder), relative to the file it is written in`,
        pointsAt: "$ref: ./paths/jobs.yaml",
      },
      {
        line: `${F}/missing-file/paths/runs.yaml:9:13 error: $ref "../schemas/run.yaml" does not lead to a readable file inside the spec's folder (at #/get/responses/200/content/application~1json/schema/$ref)`,
        hint: `it names ${F}/missing-file/schemas/run.yaml; a $ref may name only a regular file inside ${F}/missing-file (symlinks resolved; --allow-ref-folder adds a folder), relative to the file it is written in`,
        pointsAt: "$ref: ../schemas/run.yaml",
      },
    ],
  },
  {
    name: "$ref to missing pointers, in another file and in the same file",
    spec: `${F}/missing-pointer/openapi.yaml`,
    errors: [
      {
        line: `${F}/missing-pointer/openapi.yaml:11:11 error: $ref "./components.yaml#/parameters/runId" points to nothing: "runId" does not exist in components.yaml (at #/paths/~1runs~1{run_id}/get/parameters/0/$ref)`,
        hint: "keys there: run_id",
        pointsAt: '$ref: "./components.yaml#/parameters/runId"',
      },
      {
        line: `${F}/missing-pointer/openapi.yaml:18:17 error: $ref "#/components/schemas/WorkflowRun" points to nothing: "WorkflowRun" does not exist (at #/paths/~1runs~1{run_id}/get/responses/200/content/application~1json/schema/$ref)`,
        hint: "keys there: Run",
        pointsAt: '$ref: "#/components/schemas/WorkflowRun"',
      },
    ],
  },
  {
    name: "circular $ref: a parameter in another file that is only a reference to itself",
    spec: `${F}/circular-parameter/openapi.yaml`,
    errors: [
      {
        line: `${F}/circular-parameter/parameters.yaml:4:3 error: circular $ref "#/RunId": it leads back to an object that contains it, and only schemas may be recursive (at #/RunIdAlias/$ref)`,
        hint: "break the cycle: point the $ref at the object itself, or make the recursive part a schema",
        pointsAt: '$ref: "#/RunId"',
      },
    ],
  },
  {
    name: "circular $ref: a response that is only a reference to itself",
    spec: `${F}/circular-response/openapi.yaml`,
    errors: [
      {
        line: `${F}/circular-response/openapi.yaml:16:7 error: circular $ref: response "RunList" is only a reference to itself (RunList → RunList) (at #/components/responses/RunList/$ref)`,
        hint: "point the $ref at the object itself",
        pointsAt: '$ref: "#/components/responses/RunList"',
      },
    ],
  },
  {
    name: "circular $ref: schemas that are only aliases of each other (A → B → A); a recursive schema is fine",
    spec: `${F}/circular-schema/openapi.yaml`,
    errors: [
      {
        line: `${F}/circular-schema/openapi.yaml:20:7 error: circular $ref: schema "A" is only a reference to itself (A → B → A) (at #/components/schemas/A/$ref)`,
        hint: "give one schema of the cycle a real type, or remove the alias",
        pointsAt: '$ref: "#/components/schemas/B"',
      },
    ],
  },
  {
    name: "duplicate operationId: the later one is reported, once",
    spec: `${F}/duplicate-operation-id/openapi.yaml`,
    errors: [
      {
        line: `${F}/duplicate-operation-id/openapi.yaml:15:7 error: duplicate operationId "actions/list-runs": also used by GET /runs (at #/paths/~1jobs/get/operationId)`,
        hint: "give each operation its own operationId",
        pointsAt: "operationId: actions/list-runs",
      },
    ],
  },
  {
    name: "path template variable without a parameter, and a path parameter not in the template",
    spec: `${F}/path-params/openapi.yaml`,
    errors: [
      {
        line: `${F}/path-params/openapi.yaml:7:3 error: path template variable {run_id} of GET /runs/{run_id} has no path parameter (at #/paths/~1runs~1{run_id})`,
        hint: "add `- { name: run_id, in: path, required: true, schema: { type: string } }` to its parameters",
        pointsAt: "/runs/{run_id}:",
      },
      {
        line: `${F}/path-params/openapi.yaml:11:11 error: path parameter "job_id" of GET /runs/{run_id} does not appear in the path template (at #/paths/~1runs~1{run_id}/get/parameters/0)`,
        hint: "add {job_id} to the path, or change `in: path` to the right location",
        pointsAt: "name: job_id",
      },
    ],
  },
  {
    name: "unknown pagination style",
    spec: `${F}/pagination-style/openapi.yaml`,
    errors: [
      {
        line: `${F}/pagination-style/openapi.yaml:11:9 error: unknown pagination style "offset" (at #/paths/~1runs/get/x-pagination/style)`,
        hint: "use one of: page, cursor",
        pointsAt: "style: offset",
      },
    ],
  },
  {
    name: "pagination itemsKey that is not an array in the response",
    spec: `${F}/pagination-items/openapi.yaml`,
    errors: [
      {
        line: `${F}/pagination-items/openapi.yaml:12:9 error: itemsKey "total_count" is not an array property of the GET /runs response (at #/paths/~1runs/get/x-pagination/itemsKey)`,
        hint: "array properties there: workflow_runs",
        pointsAt: "itemsKey: total_count",
      },
    ],
  },
  {
    name: "pagination splitBy other than created",
    spec: `${F}/pagination-split/openapi.yaml`,
    errors: [
      {
        line: `${F}/pagination-split/openapi.yaml:14:9 error: splitBy "updated" is not supported (at #/paths/~1runs/get/x-pagination/splitBy)`,
        hint: "use `splitBy: created` (a date-range query parameter, as GitHub's run listings take) next to `resultCap`, or remove it",
        pointsAt: "splitBy: updated",
      },
    ],
  },
  {
    name: "two operationIds that generate the same function name (get-run, get_run)",
    spec: `${F}/name-collision/openapi.yaml`,
    errors: [
      {
        line: `${F}/name-collision/openapi.yaml:15:7 error: operations "get_run" and "get-run" (GET /runs/latest) would both be named getRun (at #/paths/~1runs~1first/get/operationId)`,
        hint: "rename one of the operationIds",
        pointsAt: "operationId: get_run",
      },
    ],
  },
  {
    name: "Swagger 2.0",
    spec: `${F}/swagger2/openapi.yaml`,
    errors: [
      {
        line: `${F}/swagger2/openapi.yaml:2:1 error: Swagger 2.0 documents are not supported (at #/swagger)`,
        hint: "convert it to OpenAPI 3.0 or 3.1 first",
        pointsAt: 'swagger: "2.0"',
      },
    ],
  },
  {
    name: "unsupported openapi version",
    spec: `${F}/openapi-version/openapi.yaml`,
    errors: [
      {
        line: `${F}/openapi-version/openapi.yaml:2:1 error: unsupported OpenAPI version "3.2.0" (at #/openapi)`,
        hint: "set `openapi: 3.1.0` (3.0.x and 3.1.x are supported)",
        pointsAt: "openapi: 3.2.0",
      },
    ],
  },
  {
    name: "three problems in one spec: all three in one run (load problems first, then checks)",
    spec: `${F}/three-problems/openapi.yaml`,
    errors: [
      {
        line: `${F}/three-problems/openapi.yaml:14:11 error: $ref "./responses.yaml#/RunList" points to nothing: "RunList" does not exist in responses.yaml (at #/paths/~1runs/get/responses/200/$ref)`,
        hint: "keys there: RunsList",
        pointsAt: "$ref: ./responses.yaml#/RunList",
      },
      {
        line: `${F}/three-problems/openapi.yaml:11:23 error: unknown pagination style "offset" (at #/paths/~1runs/get/x-pagination/style)`,
        hint: "use one of: page, cursor",
        pointsAt: "style: offset",
      },
      {
        line: `${F}/three-problems/openapi.yaml:17:7 error: duplicate operationId "list-runs": also used by GET /runs (at #/paths/~1jobs/get/operationId)`,
        hint: "give each operation its own operationId",
        pointsAt: "operationId: list-runs",
      },
    ],
  },
  {
    name: "positions in a JSON spec: a missing pointer and a duplicate operationId",
    spec: `${F}/json-positions/openapi.json`,
    errors: [
      {
        line: `${F}/json-positions/openapi.json:14:33 error: $ref "#/components/responses/Jobs" points to nothing: "responses" does not exist (at #/paths/~1jobs/get/responses/200/$ref)`,
        hint: "#/components is empty",
        pointsAt: '"$ref": "#/components/responses/Jobs"',
      },
      {
        line: `${F}/json-positions/openapi.json:13:9 error: duplicate operationId "list-runs": also used by GET /runs (at #/paths/~1jobs/get/operationId)`,
        hint: "give each operation its own operationId",
        pointsAt: '"operationId": "list-runs"',
      },
    ],
  },
  {
    name: "values of the wrong kind (a parameter in: body, a schema that is a list, a null response, an unknown type)",
    spec: `${F}/wrong-shapes/openapi.yaml`,
    errors: [
      {
        line: `${F}/wrong-shapes/openapi.yaml:13:11 error: a parameter's "in" must be one of path, query, header, cookie, not "body" (at #/paths/~1runs/get/parameters/0/in)`,
        hint: "a request body is described by `requestBody`, not by a parameter",
        pointsAt: "in: body",
      },
      {
        line: `${F}/wrong-shapes/openapi.yaml:23:19 error: a schema must be an object or a boolean, not a list (at #/paths/~1runs/get/responses/200/content/application~1json/schema/properties/total_count)`,
        hint: "e.g. `{ type: integer }`, or `{ type: array, items: { type: integer } }` for a list",
        pointsAt: "total_count: [integer]",
      },
      {
        line: `${F}/wrong-shapes/openapi.yaml:24:9 error: a response must be an object, not null (at #/paths/~1runs/get/responses/404)`,
        hint: "e.g. `{ description: OK, content: { application/json: { schema: ... } } }`",
        pointsAt: '"404":',
      },
      {
        line: `${F}/wrong-shapes/openapi.yaml:28:7 error: unknown schema type "record" (at #/components/schemas/Run/type)`,
        hint: "use one of string, number, integer, boolean, array, object, null, or a list of them",
        pointsAt: "type: record",
      },
    ],
  },
  {
    name: "$refs that resolve to something that is not an object: a string, the whole document",
    spec: `${F}/ref-targets/openapi.yaml`,
    errors: [
      {
        line: `${F}/ref-targets/openapi.yaml:16:17 error: $ref "#/info/title" points to a string, not an object (at #/paths/~1runs/get/responses/200/content/application~1json/schema/$ref)`,
        hint: "a $ref must point to a schema, parameter, response or other object",
        pointsAt: '$ref: "#/info/title"',
      },
      {
        line: `${F}/ref-targets/openapi.yaml:18:11 error: $ref "#" points to the whole document (at #/paths/~1runs/get/responses/404/$ref)`,
        hint: "point it at one object, e.g. `#/components/schemas/Name`",
        pointsAt: '$ref: "#"',
      },
    ],
  },
  {
    name: "keys named like Object.prototype methods, which openapi-typescript cannot take, even in an example",
    spec: `${F}/prototype-keys/openapi.yaml`,
    errors: [
      {
        line: `${F}/prototype-keys/openapi.yaml:19:19 error: the key "valueOf" cannot be used: the type generator (openapi-typescript) fails on it (at #/paths/~1runs/get/responses/200/content/application~1json/schema/properties/valueOf)`,
        hint: "rename it; a key named like a method of Object.prototype breaks its resolver",
        pointsAt: "valueOf:",
      },
      {
        line: `${F}/prototype-keys/openapi.yaml:21:17 error: the key "hasOwnProperty" cannot be used: the type generator (openapi-typescript) fails on it (at #/paths/~1runs/get/responses/200/content/application~1json/example/hasOwnProperty)`,
        hint: "rename it; a key named like a method of Object.prototype breaks its resolver",
        pointsAt: "hasOwnProperty: true",
      },
    ],
  },
  {
    name: "a YAML alias bomb is refused at the alias where its expansion passes the limit, not expanded",
    spec: `${F}/yaml-alias-bomb/openapi.yaml`,
    errors: [
      {
        line: `${F}/yaml-alias-bomb/openapi.yaml:12:18 error: invalid YAML: its aliases expand the document to more than 2,000,000 values, the limit; this alias passes it`,
        hint: "an alias copies its anchor's whole content at every use; name the shared part under components and refer to it with $ref, which is not copied",
        pointsAt: "*f, *f, *f, *f, *f, *f, *f",
      },
    ],
  },
  {
    name: "a --spec file that does not exist",
    spec: `${F}/no-such-folder/openapi.yaml`,
    errors: [
      {
        line: `${F}/no-such-folder/openapi.yaml:1:1 error: cannot read the spec: no such file`,
        hint: "check the --spec path",
        pointsAt: "",
      },
    ],
  },
];

/** The text at `file:line:col` of an error line, from that column to the end of the line. */
function textAt(errorLine: string): string {
  const m = /^(.+?):(\d+):(\d+) error: /.exec(errorLine);
  if (!m) throw new Error(`not an error line: ${errorLine}`);
  const path = join(ROOT, m[1]!);
  if (!existsSync(path)) return "";
  const line = readFileSync(path, "utf8").split("\n")[Number(m[2]) - 1] ?? "";
  return line.slice(Number(m[3]) - 1);
}

describe.concurrent("broken specs through the CLI", () => {
  it.each(CASES)(
    "$name",
    async ({ spec, errors }) => {
      const out = outputCopy();
      const before = snapshotTree(out);
      expect(before).toEqual(baselineTree);

      const result = await runCli(["--spec", spec, "--out", out]);

      const expected = [
        ...errors.flatMap((e) => [e.line, `  hint: ${e.hint}`]),
        `${errors.length} error(s); nothing was written.`,
        "",
      ].join("\n");
      expect(result.stderr).toBe(expected);
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.stdout).toBe("");
      expect(result.status).toBe(1);
      expect(snapshotTree(out)).toEqual(before);
      expect(readdirSync(dirname(out))).toEqual(["generated"]); // no temporary folder left beside it
      for (const e of errors) expect(textAt(e.line).startsWith(e.pointsAt), `${e.line}\n  points at: ${textAt(e.line)}`).toBe(true);
    },
    CLI_TIMEOUT_MS,
  );
});

describe.concurrent("usage", () => {
  it(
    "an unknown flag exits 2 with the usage text and writes nothing",
    async () => {
      const out = outputCopy();
      const result = await runCli(["--spec", `${F}/valid/openapi.yaml`, "--out", out, "--frobnicate"]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^error: Unknown option '--frobnicate'/);
      expect(result.stderr).toContain("\n\nUsage: npm run generate -- [options]\n");
      expect(result.stderr).toContain(
        "Exit codes: 0 success, 1 spec errors, a failed run, stale output or a refused --out, 2 usage errors.\n",
      );
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.stdout).toBe("");
      expect(snapshotTree(out)).toEqual(baselineTree);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a flag without its value, and a stray positional argument, exit 2",
    async () => {
      const [missing, positional] = await Promise.all([runCli(["--spec"]), runCli(["spec/openapi.yaml"])]);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/^error: Option '--spec <value>' argument missing/);
      expect(positional.status).toBe(2);
      expect(positional.stderr).toMatch(/^error: Unexpected argument 'spec\/openapi.yaml'/);
      for (const r of [missing, positional]) {
        expect(r.stderr).toContain("Usage: npm run generate -- [options]");
        expect(r.stderr).not.toMatch(STACK_FRAME);
      }
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "--help and -h exit 0 with the usage text on stdout",
    async () => {
      for (const result of await Promise.all([runCli(["--help"]), runCli(["-h"])])) {
        expect(result.status).toBe(0);
        expect(result.stderr).toBe("");
        expect(result.stdout).toMatch(/^Usage: npm run generate -- \[options\]\n/);
        for (const flag of [
          "--spec <file or URL>",
          "--spec-timeout <seconds>",
          "--out <dir>",
          "--allow-ref-folder <dir>",
          "--check",
          "--watch",
          "-h, --help",
        ])
          expect(result.stdout).toContain(flag);
      }
    },
    CLI_TIMEOUT_MS,
  );
});

describe.concurrent("a write that fails", () => {
  it(
    "halfway (a file size limit stops one file in the middle): the old output is intact and nothing is left behind",
    async () => {
      const out = outputCopy();
      // Make every file of the old output stale, so that the run writes them all (it writes only what changed).
      for (const [path, kind] of Object.entries(baselineTree))
        if (kind !== "dir") writeFileSync(join(out, path), readFileSync(join(out, path), "utf8") + "\n");
      const before = snapshotTree(out);
      // Files are written in path order. Pick a size limit that lets the first files through and
      // stops a later one, so that the failure happens with part of the package written.
      const inOrder = Object.keys(baselineTree)
        .filter((p) => baselineTree[p] !== "dir")
        .sort();
      const sizes = inOrder.map((p) => statSync(join(baseline, p)).size);
      const blocks = Math.ceil((Math.max(...sizes.slice(0, 3)) + 1) / 512);
      const firstTooBig = sizes.findIndex((s) => s > blocks * 512);
      expect(firstTooBig, "some later file is bigger than the limit").toBeGreaterThan(2);

      const result = await runCli(["--spec", `${F}/valid/openapi.yaml`, "--out", out], { shell: `ulimit -f ${blocks}` });

      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain("EFBIG");
      expect(snapshotTree(out)).toEqual(before);
      expect(readdirSync(dirname(out))).toEqual(["generated"]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "at the start (--out below a regular file): nothing is written and the file is untouched",
    async () => {
      const dir = join(work, `blocked-${++copies}`);
      const out = outputCopy();
      cpSync(out, dir, { recursive: true });
      const blocker = join(dir, "README.md");
      const before = snapshotTree(dir);

      const result = await runCli(["--spec", `${F}/valid/openapi.yaml`, "--out", join(blocker, "generated")]);

      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain("ENOTDIR");
      expect(snapshotTree(dir)).toEqual(before);
    },
    CLI_TIMEOUT_MS,
  );
});
