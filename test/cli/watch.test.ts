// `generate --watch` through the real CLI, in a child process, on a project whose spec is split
// over two files and read through a config file: an edit to the $ref'd file and one to the
// config are picked up; a broken edit in between prints its error and leaves the output as it
// was; two quick edits make one run; SIGTERM when idle and SIGINT during a run both stop it with
// exit code 0, its watchers closed (the process ends) and no half-written file left behind.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_TIMEOUT_MS, ROOT, snapshotTree } from "./run-cli.js";

let work = "";

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "watch-cli-"));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const RUN_SCHEMA = "type: object\nrequired: [id]\nproperties:\n  id: { type: integer }\n";

/** api/openapi.yaml (its Run schema in api/run.yaml) and openapi-client.config.yaml writing to client/. */
function project(name: string): string {
  const dir = join(work, name);
  cpSync(join(ROOT, "test/fixtures/broken/valid"), join(dir, "api"), { recursive: true });
  const root = join(dir, "api/openapi.yaml");
  const text = readFileSync(root, "utf8");
  const schemas = text.indexOf("  schemas:\n");
  writeFileSync(root, `${text.slice(0, schemas)}  schemas:\n    Run: { $ref: "./run.yaml" }\n`);
  writeFileSync(join(dir, "api/run.yaml"), RUN_SCHEMA);
  writeFileSync(join(dir, "openapi-client.config.yaml"), "spec: api/openapi.yaml\nout: client\npackage:\n  name: watched-client\n");
  return dir;
}

/** The CLI with --watch, and a way to wait for its next line on stderr that matches. */
class Watcher {
  readonly child: ChildProcessWithoutNullStreams;
  stderr = "";
  stdout = "";
  /** Where the next search starts: lines before it were found already. */
  private cursor = 0;
  readonly exited: Promise<number | null>;

  constructor(cwd: string) {
    this.child = spawn(process.execPath, [join(ROOT, "generator/bin.mjs"), "--watch"], { cwd, stdio: "pipe", timeout: 240_000 });
    this.child.stdout.setEncoding("utf8").on("data", (chunk: string) => (this.stdout += chunk));
    this.child.stderr.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.on("close", resolve));
  }

  /** Waits for the next whole line on stderr, after the last one found, that matches `pattern`; returns stderr up to it. */
  async next(pattern: RegExp): Promise<string> {
    const from = this.cursor;
    for (let waited = 0; waited < 120_000; waited += 50) {
      let start = this.cursor;
      for (let end = this.stderr.indexOf("\n", start); end !== -1; start = end + 1, end = this.stderr.indexOf("\n", start)) {
        if (!pattern.test(this.stderr.slice(start, end))) continue;
        this.cursor = end + 1;
        return this.stderr.slice(from, this.cursor);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no line matching ${pattern} within 120 s; stderr so far:\n${this.stderr}`);
  }
}

const AFTER_RUN = /^(watching|the last good output is unchanged)/;

describe("generate --watch", () => {
  it(
    "regenerates on an edit to a $ref'd file and to the config, survives a broken edit, stops on SIGTERM",
    async () => {
      const dir = project("edits");
      const watcher = new Watcher(dir);
      expect(await watcher.next(AFTER_RUN)).toMatch(/^watching 5 files; regenerating on change \(Ctrl-C stops\)\n$/);
      const types = () => readFileSync(join(dir, "client/src/types.ts"), "utf8");
      expect(types()).not.toContain("conclusion");

      // An edit to the file the root refers to.
      writeFileSync(join(dir, "api/run.yaml"), `${RUN_SCHEMA}  conclusion: { type: string }\n`);
      expect(await watcher.next(AFTER_RUN)).toMatch(/^watching/m);
      expect(types()).toContain("conclusion?: string");

      // A broken edit: its error, positioned, and the output untouched.
      const before = snapshotTree(join(dir, "client"));
      writeFileSync(join(dir, "api/run.yaml"), `${RUN_SCHEMA}  conclusion: { type: string\n`);
      const broken = await watcher.next(AFTER_RUN);
      expect(broken).toContain(`api/run.yaml:5:15 error: invalid YAML: unclosed "{": this flow mapping needs a closing "}"\n`);
      expect(broken).toContain(
        "1 error(s); nothing was written.\nthe last good output is unchanged; watching 5 files for a fix (Ctrl-C stops)\n",
      );
      expect(snapshotTree(join(dir, "client"))).toEqual(before);

      // The fix, then an edit to the config file.
      writeFileSync(join(dir, "api/run.yaml"), `${RUN_SCHEMA}  conclusion: { type: string }\n  html_url: { type: string }\n`);
      expect(await watcher.next(AFTER_RUN)).toMatch(/^watching/m);
      expect(types()).toContain("html_url?: string");
      writeFileSync(join(dir, "openapi-client.config.yaml"), "spec: api/openapi.yaml\nout: client\npackage:\n  name: renamed-client\n");
      expect(await watcher.next(AFTER_RUN)).toMatch(/^watching/m);
      expect(JSON.parse(readFileSync(join(dir, "client/package.json"), "utf8"))).toMatchObject({ name: "renamed-client" });

      watcher.child.kill("SIGTERM");
      expect(await watcher.exited).toBe(0);
      expect(watcher.stderr).not.toMatch(/internal error|stopped before it finished/);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "two quick edits make one run with the last; SIGINT during a run lets it finish, then exits 0",
    async () => {
      const dir = project("quick");
      const watcher = new Watcher(dir);
      await watcher.next(AFTER_RUN);
      const runs = () => watcher.stdout.split("\n").filter((line) => /^2 operations, /.test(line)).length;
      expect(runs()).toBe(1);

      writeFileSync(join(dir, "api/run.yaml"), `${RUN_SCHEMA}  first: { type: string }\n`);
      writeFileSync(join(dir, "api/run.yaml"), `${RUN_SCHEMA}  second: { type: string }\n`);
      await watcher.next(AFTER_RUN);
      expect(runs()).toBe(2);
      const types = readFileSync(join(dir, "client/src/types.ts"), "utf8");
      expect(types).toContain("second?: string");
      expect(types).not.toContain("first?: string");

      // A signal while a run is under way: the run completes (all or nothing), then the process ends.
      writeFileSync(join(dir, "api/run.yaml"), `${RUN_SCHEMA}  third: { type: string }\n`);
      await watcher.next(/^a watched file changed: regenerating$/);
      watcher.child.kill("SIGINT");
      expect(await watcher.exited).toBe(0);
      const files = Object.keys(snapshotTree(join(dir, "client")));
      expect(files.filter((f) => /\.(tmp|old)-/.test(f))).toEqual([]);
      expect(runs()).toBe(3);
      expect(readFileSync(join(dir, "client/src/types.ts"), "utf8")).toContain("third?: string");
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "refuses --check and a URL spec with --watch: exit 2 at once",
    async () => {
      const dir = project("usage");
      for (const [args, message] of [
        [["--check"], "error: --watch writes the output on every change; it cannot be used with --check\n"],
        [["--spec", "http://127.0.0.1:9/openapi.yaml"], "error: --watch needs a spec file: a spec read from a URL cannot be watched\n"],
      ] as const) {
        const child = spawn(process.execPath, [join(ROOT, "generator/bin.mjs"), "--watch", ...args], { cwd: dir, stdio: "pipe" });
        let stderr = "";
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
        expect(await new Promise((resolve) => child.on("close", resolve))).toBe(2);
        expect(stderr).toBe(message);
      }
    },
    CLI_TIMEOUT_MS,
  );
});
