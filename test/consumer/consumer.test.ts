// The package as a user gets it: `npm pack` of generated/, installed offline into a fresh project,
// then type-checked (TypeScript 5.9 and 7, `nodenext` and `bundler` resolution, strict) and run
// with node against the test server. publint and attw judge the tarball itself.
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, startGitHubServer, type GitHubServer } from "../server/server.js";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURE = join(import.meta.dirname, "fixture");
const PACKAGE_NAME = "github-actions-rest-client";
const bin = (name: string) => join(ROOT, "node_modules/.bin", name);

/** Runs a command; resolves with its output whatever the exit code, so assertions can show it. */
async function exec(file: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }) {
  try {
    const { stdout, stderr } = await run(file, args, {
      ...options,
      maxBuffer: 16 * 1024 * 1024,
      timeout: options.timeout ?? 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string; message: string };
    return {
      code: typeof failed.code === "number" ? failed.code : 1,
      stdout: failed.stdout ?? "",
      stderr: failed.stderr ?? failed.message,
    };
  }
}

/** attw's JSON report as `kind entrypoint resolution` lines (`problems` is keyed by kind). */
function problemsOf(json: string): string[] {
  type Problem = { kind: string; entrypoint?: string; resolutionKind?: string };
  const report = JSON.parse(json) as { problems?: Record<string, Problem[]> };
  return Object.values(report.problems ?? {})
    .flat()
    .map((p) => [p.kind, p.entrypoint, p.resolutionKind].filter(Boolean).join(" "));
}

let temp = "";
let project = "";
let tarball = "";

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), "gh-client-consumer-"));
  const packed = await exec("npm", ["pack", "--pack-destination", temp, "--json"], { cwd: join(ROOT, "generated") });
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string }>;
  tarball = join(temp, info!.filename);

  project = join(temp, "project");
  await mkdir(join(project, "src"), { recursive: true });
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2));
  // The package has no dependencies, so the install needs no network.
  const installed = await exec("npm", ["install", tarball, "--offline", "--no-audit", "--no-fund"], { cwd: project });
  expect(installed.code, installed.stderr).toBe(0);

  // consumer.ts is stored as .txt so that the project's own typecheck (which cannot resolve the
  // package by name) does not pick it up.
  await copyFile(join(FIXTURE, "consumer.ts.txt"), join(project, "src/consumer.ts"));
  for (const name of ["consumer.mjs", "require.cjs", "dual.mjs"]) await copyFile(join(FIXTURE, name), join(project, name));
}, 120_000);

afterAll(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
});

describe("the packed package", () => {
  it("holds dist, src, README and package.json, and no test or generator files", async () => {
    const files = (await readdir(join(project, "node_modules", PACKAGE_NAME))).filter((f) => f !== "CHANGELOG.md");
    expect(files.sort()).toEqual(["README.md", "dist", "package.json", "src"]);
  });

  const compilers = [
    { name: "TypeScript 5.9", tsc: "node_modules/typescript/bin/tsc", version: /^Version 5\.9\./ },
    { name: "TypeScript 7", tsc: "node_modules/typescript7/bin/tsc", version: /^Version 7\./ },
  ];
  // A Node application (nodenext, with @types/node) and a web application (bundler, DOM types and
  // no @types/node: the package's types must not need Node's).
  const resolutions = [
    { moduleResolution: "nodenext", module: "nodenext", lib: ["ES2022"], types: ["node"] },
    { moduleResolution: "bundler", module: "esnext", lib: ["ES2022", "DOM", "DOM.Iterable"], types: [] },
  ];
  const combinations = compilers.flatMap((compiler) => resolutions.map((resolution) => ({ ...compiler, ...resolution })));

  it.concurrent.each(combinations)(
    "type-checks a strict consumer with $name, moduleResolution $moduleResolution",
    async ({ tsc, version, module, moduleResolution, lib, types }) => {
      const config = `tsconfig.${moduleResolution}.${tsc.includes("typescript7") ? "ts7" : "ts5"}.json`;
      await writeFile(
        join(project, config),
        JSON.stringify({
          compilerOptions: {
            target: "ES2022",
            lib,
            module,
            moduleResolution,
            strict: true,
            noUncheckedIndexedAccess: true,
            exactOptionalPropertyTypes: true,
            // The package's own .d.ts files are checked too.
            skipLibCheck: false,
            noEmit: true,
            types,
            typeRoots: [join(ROOT, "node_modules/@types")],
          },
          include: ["src"],
        }),
      );
      const compiler = join(ROOT, tsc);
      const shown = await exec(process.execPath, [compiler, "--version"], { cwd: project });
      expect(shown.stdout).toMatch(version);
      const result = await exec(process.execPath, [compiler, "-p", config], { cwd: project });
      // tsc prints its diagnostics on stdout; zero errors means no output and exit code 0.
      expect(result.stdout + result.stderr).toBe("");
      expect(result.code).toBe(0);
    },
    120_000,
  );

  it("passes publint with no errors, warnings or suggestions", async () => {
    const result = await exec(bin("publint"), ["run", tarball, "--strict"], { cwd: ROOT });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("All good!");
  }, 60_000);

  it("passes attw with no problems under every resolution (ESM build plus a CommonJS twin in dist/cjs)", async () => {
    const result = await exec(bin("attw"), [tarball, "--format", "json"], { cwd: ROOT });
    expect(problemsOf(result.stdout)).toEqual([]);
    expect(result.code).toBe(0);
  }, 60_000);
});

describe("running the installed package", () => {
  let server: GitHubServer;
  beforeAll(async () => {
    server = await startGitHubServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("works from plain JavaScript imported by package name", async () => {
    const { owner, repo, runs } = FIXTURES.docs;
    const result = await exec(process.execPath, ["consumer.mjs"], {
      cwd: project,
      env: {
        ...process.env,
        GITHUB_API_URL: server.url,
        CONSUMER_REPO: `${owner}/${repo}`,
        CONSUMER_RUN_ID: String(runs.failedTwoAttempts),
      },
      timeout: 30_000,
    });
    expect(result.stderr).toBe("");
    expect(result.stdout.trimEnd().split("\n")).toEqual([
      `run 200 ${runs.failedTwoAttempts} Deploy to production completed`,
      `group deploy-prod ahead ${runs.example},${runs.failedTwoAttempts}`,
      "group nightly idle",
      "collected 3",
      "error true GitHubApiError 404",
    ]);
    // The client sent what GitHub requires, with the per-family API version.
    const get = server.requests.find((r) => r.route === "GET /repos/{owner}/{repo}/actions/runs/{run_id}");
    expect(get?.headers["x-github-api-version"]).toBe("2022-11-28");
    expect(get?.headers.authorization).toBe("Bearer test-token");
    expect(server.violations).toEqual([]);
  }, 60_000);

  it("can be require()d from CommonJS on Node versions with require(esm) (20.19+, 22.12+)", async () => {
    const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
    const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
    const result = await exec(process.execPath, ["require.cjs"], { cwd: project, timeout: 30_000 });
    if (!supported) {
      expect(result.code).not.toBe(0);
      return;
    }
    expect(result.stdout.trim()).toBe("require function function");
    expect(result.code).toBe(0);
  }, 30_000);

  it("an error thrown by the CommonJS copy is instanceof the ESM copy's classes, and the reverse", async () => {
    const result = await exec(process.execPath, ["dual.mjs"], { cwd: project, timeout: 30_000 });
    expect(result.stderr).toBe("");
    // instanceof GitHubApiError, GitHubError, GitHubRateLimitError; isErrorOf(error, cancelWorkflowRun).
    expect(result.stdout.trimEnd().split("\n")).toEqual([
      "copies distinct",
      "cjs→esm true true false true",
      "esm→cjs true true false true",
    ]);
  }, 30_000);
});
