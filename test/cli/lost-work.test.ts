// Nothing ends a run with exit 0 without its job done. The types worker is killed mid-job (its
// heap capped below what a large but legal spec needs) in a real CLI run and in a `--check` run:
// both exit 1 with a message and leave the output folder as it was. And the CLI's exit guard
// turns a run that never settles (an empty event loop, which Node ends with code 0) into exit 1.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "lost-work-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Loading openapi-typescript fits in this heap (spec/ generates with it); transforming the spec below does not. */
const WORKER_HEAP_MB = "32";

/** A legal spec of `count` operations, each returning its own 30-field schema (about 1.4 MB for 600). */
function largeSpec(count: number): string {
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const properties = Object.fromEntries(
      Array.from({ length: 30 }, (_, p) => [
        `field_${p}`,
        { type: p % 3 ? "string" : "integer", description: `Field ${p} of thing ${i}.` },
      ]),
    );
    schemas[`Thing${i}`] = { type: "object", properties, required: ["field_0"] };
    const response = { description: "ok", content: { "application/json": { schema: { $ref: `#/components/schemas/Thing${i}` } } } };
    paths[`/things-${i}/{id}`] = {
      get: {
        operationId: `things/get-thing-${i}`,
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { 200: response },
      },
    };
  }
  return JSON.stringify({ openapi: "3.1.0", info: { title: "Large", version: "1" }, paths, components: { schemas } });
}

function cli(args: readonly string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["generator/bin.mjs", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 240_000,
  });
}

describe("a types worker killed mid-job", () => {
  const spec = join(work, "large.json");
  writeFileSync(spec, largeSpec(600));
  const out = join(work, "out");
  cpSync(join(ROOT, "generated"), out, { recursive: true });
  const before = readFileSync(join(out, "src/types.ts"), "utf8");

  it.each([[[] as string[]], [["--check"]]])(
    "fails the run %j: exit 1, a message, the output folder untouched",
    (extra) => {
      const run = cli(["--spec", spec, "--out", out, ...extra], { GENERATOR_TYPES_WORKER_HEAP_MB: WORKER_HEAP_MB });
      expect(run.stderr).toContain(
        "error: the types worker (openapi-typescript) ran out of memory: the spec is too large for it; nothing was written.",
      );
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(readFileSync(join(out, "src/types.ts"), "utf8")).toBe(before);
      expect(existsSync(join(out, "src/operations/things.ts"))).toBe(false);
    },
    240_000,
  );

  it("refuses a heap limit that is not a number of MiB (exit 2)", () => {
    const run = cli(["--spec", spec, "--out", out, "--check"], { GENERATOR_TYPES_WORKER_HEAP_MB: "1e3" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('GENERATOR_TYPES_WORKER_HEAP_MB must be a whole number of MiB, not "1e3"');
  }, 60_000);
});

describe("the CLI's exit guard", () => {
  /** Runs exitWith(main) in a child process, `main` given as source text. */
  const guarded = (main: string) =>
    spawnSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", `import { exitWith } from "./generator/exit-guard.ts"; exitWith(${main});`],
      { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
    );

  it("turns a run whose promise never settles, with nothing left to wait for, into exit 1 and a message", () => {
    const run = guarded("() => new Promise(() => {})");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("error: the run stopped before it finished (a worker or a pending step was lost)");
  });

  it("exits with the code the run resolves to, and 70 with the stack when it throws", () => {
    expect(guarded("async () => 0").status).toBe(0);
    expect(guarded("async () => 2").status).toBe(2);
    const thrown = guarded('async () => { throw new Error("boom"); }');
    expect(thrown.status).toBe(70);
    expect(thrown.stderr).toContain("internal error: Error: boom");
    expect(thrown.stderr).not.toContain("the run stopped before it finished");
  });
});
