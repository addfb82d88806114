// Issue 13, point 1: the generator touches only the files it wrote, listed in the output folder's
// manifest (.generated-files.json), through the real CLI in a child process over real files. A
// folder it did not write is refused; a user's files next to the generated ones survive every run,
// including one that drops operations; package.json keeps the user's fields; --check tells stale,
// missing and orphaned files apart; a write that fails midway leaves the folder as it was; and a
// manifest or a folder rigged to lead a write out of the output folder is refused.
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_TIMEOUT_MS, runCli, snapshotTree, type CliResult } from "./run-cli.js";

const MANIFEST = ".generated-files.json";

/** Two operations in two modules; DROPPED has only the first, so a run with it must remove the second's files. */
const operation = (tag: string, id: string) => `  /${tag}/{${id}}:
    get:
      operationId: ${tag}/get-${tag.slice(0, -1)}
      tags: [${tag}]
      parameters:
        - { name: ${id}, in: path, required: true, schema: { type: integer } }
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: integer } } } } } }
`;
const HEAD = "openapi: 3.1.0\ninfo: { title: Ownership fixture, version: 1.0.0 }\npaths:\n";
const JOBS_FILES = [
  "dist/cjs/operations/jobs.d.ts",
  "dist/cjs/operations/jobs.js",
  "dist/operations/jobs.d.ts",
  "dist/operations/jobs.js",
  "src/operations/jobs.ts",
];

/** What a user keeps in a package folder besides the generated files. */
const USER_FILES: Record<string, string> = {
  ".git/HEAD": "ref: refs/heads/main\n",
  ".git/config": "[core]\n\tbare = false\n",
  ".github/workflows/x.yml": "on: push\njobs: {}\n",
  "node_modules/dep/index.js": "module.exports = 1;\n",
  "notes.txt": "my notes\n",
  "src/mine.ts": "export const mine = 1;\n",
};
const SCRIPTS = { build: "tsc -p .", prepublishOnly: "npm run build" };

let work: string;
let full: string;
let dropped: string;
let folders = 0;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "ownership-"));
  full = join(work, "full.yaml");
  dropped = join(work, "dropped.yaml");
  writeFileSync(full, HEAD + operation("runs", "run_id") + operation("jobs", "job_id"));
  writeFileSync(dropped, HEAD + operation("runs", "run_id"));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const newFolder = () => join(work, `out-${++folders}`);
const generate = (spec: string, out: string, ...extra: string[]) => runCli(["--spec", spec, "--out", out, ...extra]);

function addFiles(dir: string, files: Record<string, string>): void {
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
}

/** The bytes of the user's files, read back. */
const userFiles = (dir: string) => Object.fromEntries(Object.keys(USER_FILES).map((p) => [p, readFileSync(join(dir, p), "utf8")]));
const manifest = (dir: string) => (JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as { version: number; files: string[] }).files;
const packageJson = (dir: string) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;

function expectDone(result: CliResult): void {
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
}

/** Exit 1, exactly this line (with the CLI's ending) on stderr, nothing on stdout, the folder byte-identical. */
function expectRefused(result: CliResult, line: string, dir: string, before: Record<string, string>): void {
  expect(result.stderr).toBe(`error: ${line}; nothing was written.\n`);
  expect(result.stdout).toBe("");
  expect(result.status).toBe(1);
  expect(snapshotTree(dir)).toEqual(before);
}

describe.concurrent("a folder the generator did not write", () => {
  const refusal = (out: string) =>
    `--out ${out} is not empty and has no ${MANIFEST}, so the generator did not write it; give an empty or new folder, or add --force to write the generated files there (it overwrites and deletes nothing it did not write)`;

  it(
    "holding .git/, .github/workflows/x.yml, notes.txt, src/mine.ts and a package.json with scripts: refused, with and without --check",
    async () => {
      const out = newFolder();
      addFiles(out, { ...USER_FILES, "package.json": JSON.stringify({ name: "mine", scripts: SCRIPTS }, null, 2) + "\n" });
      const before = snapshotTree(out);
      const [write, check] = await Promise.all([generate(full, out), generate(full, out, "--check")]);
      expectRefused(write, refusal(out), out, before);
      expectRefused(check, refusal(out), out, before);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "--force refuses to take over a file of the user's at a generated path, and names it",
    async () => {
      const out = newFolder();
      addFiles(out, { ...USER_FILES, "package.json": "{}\n", "README.md": "mine\n" });
      const before = snapshotTree(out);
      const result = await generate(full, out, "--force");
      expectRefused(
        result,
        `--force: ${out} already holds README.md, package.json, at paths the generator writes, and did not get them from it; move them away and run again (it does not overwrite files it did not write)`,
        out,
        before,
      );
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "--force writes next to the user's files, leaves them byte-identical and lists only its own files in the manifest",
    async () => {
      const out = newFolder();
      addFiles(out, USER_FILES);
      const result = await generate(full, out, "--force");
      expectDone(result);
      expect(userFiles(out)).toEqual(USER_FILES);
      const owned = manifest(out);
      expect(owned).toContain("src/operations/jobs.ts");
      expect(owned.filter((p) => p in USER_FILES)).toEqual([]);
      expect(await generate(full, out, "--check")).toMatchObject({ status: 0, stderr: "" });
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "an output written before manifests existed (every file one the generator writes) is adopted: --check names only the manifest, a run adds it",
    async () => {
      const out = newFolder();
      expectDone(await generate(full, out));
      rmSync(join(out, MANIFEST));
      const check = await generate(full, out, "--check");
      expect(check.stderr).toBe(`missing: ${MANIFEST}\n${out} is not in step with the spec: run npm run generate\n`);
      expect(check.status).toBe(1);
      expectDone(await generate(full, out));
      expect(manifest(out)).toContain("README.md");
    },
    CLI_TIMEOUT_MS,
  );
});

describe("after a first run into an empty folder, the user's files next to the generated ones", () => {
  let out: string;
  let userTree: Record<string, string>;
  let generatedPkg: Record<string, unknown>;

  beforeAll(async () => {
    out = newFolder();
    mkdirSync(out);
    expectDone(await generate(full, out));
    expect(manifest(out)).toEqual(expect.arrayContaining(JOBS_FILES));
    addFiles(out, USER_FILES);
    // The user adds scripts in the middle of package.json, in their own formatting.
    const pkg = packageJson(out);
    generatedPkg = pkg;
    const withScripts = Object.fromEntries(
      Object.entries(pkg).flatMap(([k, v]) =>
        k === "version"
          ? [
              [k, v],
              ["scripts", SCRIPTS],
            ]
          : [[k, v]],
      ),
    );
    writeFileSync(join(out, "package.json"), JSON.stringify(withScripts, null, 4));
    userTree = userFiles(out);
  }, CLI_TIMEOUT_MS);

  it(
    "a run with the same spec leaves them byte-identical and keeps package.json's scripts, after the generated fields; the next run changes nothing",
    async () => {
      expectDone(await generate(full, out));
      expect(userFiles(out)).toEqual(userTree);
      const pkg = packageJson(out);
      expect(pkg.scripts).toEqual(SCRIPTS);
      expect(Object.entries(pkg)).toEqual([...Object.entries(generatedPkg), ["scripts", SCRIPTS]]);
      const again = await generate(full, out);
      expect(again.stdout).toMatch(/, unchanged\n$/);
      expect(await generate(full, out, "--check")).toMatchObject({ status: 0, stderr: "" });
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "--check lists stale, missing and orphaned files, and never a file of the user's",
    async () => {
      const index = readFileSync(join(out, "src/index.ts"), "utf8");
      const readme = readFileSync(join(out, "README.md"), "utf8");
      writeFileSync(join(out, "src/index.ts"), "// edited by hand\n");
      rmSync(join(out, "README.md"));
      const sameSpec = await generate(full, out, "--check");
      expect(sameSpec.stderr).toBe(`stale: src/index.ts\nmissing: README.md\n${out} is not in step with the spec: run npm run generate\n`);
      expect(sameSpec.status).toBe(1);
      writeFileSync(join(out, "src/index.ts"), index);
      writeFileSync(join(out, "README.md"), readme);

      const droppedSpec = await generate(dropped, out, "--check");
      const orphaned = droppedSpec.stderr.split("\n").filter((line) => line.startsWith("orphaned: "));
      expect(orphaned).toEqual(JOBS_FILES.map((p) => `orphaned: ${p}`));
      for (const path of Object.keys(USER_FILES)) expect(droppedSpec.stderr).not.toContain(path);
      expect(droppedSpec.status).toBe(1);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a write that fails midway (a file it must remove cannot be) leaves the folder exactly as it was",
    async () => {
      const copy = newFolder();
      cpSync(out, copy, { recursive: true });
      const before = snapshotTree(copy);
      // src/operations/jobs.ts comes last in path order, after files that are replaced and removed
      // (README.md, dist/...), so the failure comes with part of the change done.
      const locked = join(copy, "src/operations/jobs.ts");
      const unlock = lock(locked);
      try {
        const result = await generate(dropped, copy);
        expect(result.stderr).toMatch(new RegExp(`^error: cannot write ${copy}: (EPERM|EACCES); the previous output is unchanged.\n$`));
        expect(result.status).toBe(1);
        expect(snapshotTree(copy)).toEqual(before);
      } finally {
        unlock();
      }
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a run whose spec drops operations removes only the generated files that are gone; the user's stay byte-identical",
    async () => {
      const before = snapshotTree(out);
      const result = await generate(dropped, out);
      expectDone(result);
      const after = snapshotTree(out);
      expect(
        Object.keys(before)
          .filter((p) => !(p in after))
          .sort(),
      ).toEqual(JOBS_FILES);
      expect(Object.keys(after).filter((p) => !(p in before))).toEqual([]);
      expect(userFiles(out)).toEqual(userTree);
      expect(packageJson(out).scripts).toEqual(SCRIPTS);
      expect(manifest(out).filter((p) => JOBS_FILES.includes(p))).toEqual([]);
      expect(await generate(dropped, out, "--check")).toMatchObject({ status: 0, stderr: "" });
    },
    CLI_TIMEOUT_MS,
  );
});

/**
 * Makes `file` impossible to rename or delete: immutable for root (who ignores permissions),
 * a read-only folder otherwise. Returns the undo.
 */
function lock(file: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync("chattr", ["+i", file]);
    return () => execFileSync("chattr", ["-i", file]);
  }
  chmodSync(dirname(file), 0o555);
  return () => chmodSync(dirname(file), 0o755);
}

describe.concurrent("an output folder rigged to lead a write elsewhere", () => {
  /** A folder generated from the full spec, and a folder outside it with a file that must survive. */
  async function rigged(): Promise<{ out: string; outside: string }> {
    const out = newFolder();
    expectDone(await generate(full, out));
    const outside = `${out}-outside`;
    addFiles(outside, { "victim.txt": "keep me\n" });
    return { out, outside };
  }

  it(
    "a manifest that lists a path outside the folder, or under .git, is refused and nothing is removed",
    async () => {
      const { out, outside } = await rigged();
      const cases: [string, string][] = [
        [
          `../${outside.split("/").pop()!}/victim.txt`,
          "is not a relative path inside the folder (no leading /, no . or .. segments, no backslash)",
        ],
        [join(outside, "victim.txt"), "is not a relative path inside the folder (no leading /, no . or .. segments, no backslash)"],
        [".git/config", "is under .git or node_modules"],
      ];
      addFiles(out, { ".git/config": "[core]\n" });
      for (const [entry, problem] of cases) {
        writeFileSync(join(out, MANIFEST), JSON.stringify({ version: 1, files: ["README.md", entry] }));
        const before = snapshotTree(out);
        const result = await generate(dropped, out);
        expectRefused(
          result,
          `${join(out, MANIFEST)}, the list of files the generator owns there, entry 1 (${JSON.stringify(entry)}) ${problem}; restore it (from version control) or delete it and run again with --force`,
          out,
          before,
        );
      }
      expect(readFileSync(join(outside, "victim.txt"), "utf8")).toBe("keep me\n");
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a manifest that is not JSON, or of another version, is refused",
    async () => {
      const { out } = await rigged();
      const where = `${join(out, MANIFEST)}, the list of files the generator owns there,`;
      const advice = "restore it (from version control) or delete it and run again with --force";
      for (const [text, problem] of [
        ["{ not json", "is not valid JSON (Expected property name or '}' in JSON at position 2)"],
        ['{ "version": 2, "files": [] }', "has version 2; this generator reads version 1"],
      ]) {
        writeFileSync(join(out, MANIFEST), text!);
        const before = snapshotTree(out);
        expectRefused(await generate(full, out), `${where} ${problem}; ${advice}`, out, before);
      }
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a generated folder replaced by a symlink to another folder is refused, and the other folder is untouched",
    async () => {
      const { out, outside } = await rigged();
      rmSync(join(out, "src/operations"), { recursive: true });
      symlinkSync(outside, join(out, "src/operations"));
      const before = snapshotTree(out);
      const result = await generate(dropped, out);
      expectRefused(
        result,
        `${join(out, "src/operations")} is a symbolic link; the generator writes only inside real folders of --out: replace it with a folder`,
        out,
        before,
      );
      expect(snapshotTree(outside)).toEqual({ "victim.txt": expect.any(String) as string });
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a package.json the user broke is refused rather than replaced (the user's fields would be lost)",
    async () => {
      const { out } = await rigged();
      writeFileSync(join(out, "package.json"), '{ "scripts": { "build": "tsc" }, }');
      const before = snapshotTree(out);
      const result = await generate(full, out);
      expect(result.stderr).toMatch(
        new RegExp(
          `^error: ${join(out, "package.json").replaceAll("/", "\\/")} is not valid JSON \\(.+\\); fix it, or delete it to start from the generated one; nothing was written.\n$`,
        ),
      );
      expect(result.status).toBe(1);
      expect(snapshotTree(out)).toEqual(before);
    },
    CLI_TIMEOUT_MS,
  );
});
