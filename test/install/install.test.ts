// The generator as another project gets it: `npm pack` of this repository (its prepack step
// builds dist/), installed into a scratch project in a temporary folder, which has its own config
// file and its own small spec (not GitHub's, split over two files); its `generate` script runs the
// installed bin; its own program is type-checked by `tsc --strict` (with the generated package's
// declarations checked too) and calls the client against a server on 127.0.0.1.
//
// No network: npm installs from its local cache only (--offline). npm's cache holds the packages'
// tarballs (from this repository's `npm ci`) but not the registry's metadata, which resolving
// fresh version ranges would need; so the scratch project gets a package-lock.json naming exactly
// the versions this repository's lock resolves for the generator's dependencies (the entries npm
// marks as not dev-only), and `npm ci --offline` installs that tree.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURE = join(import.meta.dirname, "fixture");
const BIN = "openapi-client-gen";

interface Lock {
  packages: Record<
    string,
    { dev?: boolean; devOptional?: boolean; dependencies?: Record<string, string>; bin?: unknown; engines?: unknown }
  >;
}
interface Manifest {
  name: string;
  version: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  files: string[];
}

/** Runs a command; resolves with its output whatever the exit code, so assertions can show it. */
async function exec(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(file, args, {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 240_000,
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

let temp = "";
let project = "";
let packedFiles: string[] = [];
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Manifest;

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), "generator-install-"));
  const packed = await exec("npm", ["pack", "--pack-destination", temp, "--json"], ROOT);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: { path: string }[] }>;
  packedFiles = info!.files.map((f) => f.path);
  const tarball = join(temp, info!.filename);

  project = join(temp, "scratch");
  mkdirSync(project);
  cpSync(tarball, join(project, "generator.tgz"));
  const dependency = { [manifest.name]: "file:generator.tgz" };
  const scripts = { generate: `${BIN} --config openapi-client.config.yaml` };
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "scratch", private: true, type: "module", scripts, dependencies: dependency }),
  );
  writeFileSync(join(project, "package-lock.json"), JSON.stringify(scratchLock(readFileSync(tarball), dependency)));
  const installed = await exec("npm", ["ci", "--offline", "--no-audit", "--no-fund"], project);
  expect(installed.code, installed.stderr).toBe(0);

  cpSync(join(FIXTURE, "api"), join(project, "api"), { recursive: true });
  cpSync(join(FIXTURE, "openapi-client.config.yaml"), join(project, "openapi-client.config.yaml"));
  cpSync(join(FIXTURE, "app.ts.txt"), join(project, "app.ts"));
  cpSync(join(FIXTURE, "tsconfig.json.txt"), join(project, "tsconfig.json"));
}, 300_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** This repository's lock, cut to the generator's own dependency tree, plus the tarball itself. */
function scratchLock(tarball: Buffer, dependency: Record<string, string>): unknown {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as Lock;
  const packages = Object.fromEntries(
    Object.entries(lock.packages).filter(([path, entry]) => path !== "" && !entry.dev && !entry.devOptional),
  );
  const { engines, bin } = lock.packages[""]!;
  packages[`node_modules/${manifest.name}`] = {
    version: manifest.version,
    resolved: "file:generator.tgz",
    integrity: `sha512-${createHash("sha512").update(tarball).digest("base64")}`,
    dependencies: manifest.dependencies,
    bin,
    engines,
  } as Lock["packages"][string];
  return {
    name: "scratch",
    lockfileVersion: 3,
    requires: true,
    packages: { "": { name: "scratch", dependencies: dependency }, ...packages },
  };
}

describe("the generator, packed and installed into another project", () => {
  it("ships its bin, the prebuilt dist/ and what it reads at run time, and no tests", () => {
    expect(manifest.bin).toEqual({ [BIN]: "generator/bin.mjs" });
    expect(packedFiles).toEqual(
      expect.arrayContaining(["generator/bin.mjs", "dist/generator/cli.js", "dist/generator/api.js", "dist/types/api.d.ts"]),
    );
    expect(packedFiles).toEqual(
      expect.arrayContaining(["generator/runtime/client.ts", "templates/README.md.hbs", "dist/generator/sources.sha256"]),
    );
    expect(packedFiles.filter((f) => /^(test|spec|generated|bench|node_modules)\//.test(f))).toEqual([]);
    // Every package the generator imports at run time is a dependency, pinned exactly; esbuild is not needed.
    expect(Object.keys(manifest.dependencies).sort()).toEqual(["handlebars", "openapi-typescript", "prettier", "typescript", "yaml"]);
    for (const version of Object.values(manifest.dependencies)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.dependencies.typescript).toBe("5.9.3");
    expect(existsSync(join(project, "node_modules/esbuild"))).toBe(false);
    // `npm pack` leaves no build behind in the repository.
    expect(existsSync(join(ROOT, "dist"))).toBe(false);
  });

  it("generates from the project's config with its `generate` script, type-checks under tsc --strict, and calls the API", async () => {
    const generated = await exec("npm", ["run", "--silent", "generate"], project);
    expect(generated.stderr).toBe("");
    expect(generated.stdout).toMatch(/^3 operations, \d+ files, [\d.]+ s, \d+ changed\n$/);
    expect(generated.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(project, "clients/notes/package.json"), "utf8")) as Record<string, unknown>;
    expect(pkg).toMatchObject({ name: "@scratch/notes-client", description: "A typed client for the Notes API", license: "Apache-2.0" });

    // The project's own TypeScript is the one the generator installed (5.9.3).
    const tsc = join(project, "node_modules/typescript/bin/tsc");
    const checked = await exec(process.execPath, [tsc, "-p", "tsconfig.json"], project);
    expect(checked.stdout + checked.stderr).toBe("");
    expect(checked.code).toBe(0);

    const server = await notesServer();
    try {
      const called = await exec(process.execPath, ["app.js", `${server.url}/v2`], project);
      expect(called.stderr).toBe("");
      expect(JSON.parse(called.stdout)).toEqual({ createdStatus: 201, id: 7, texts: ["buy milk"], missing: 404 });
      expect(server.requests).toEqual([
        { method: "POST", url: "/v2/notes", body: '{"tags":["home"],"text":"buy milk"}' },
        { method: "GET", url: "/v2/notes?tag=home", body: "" },
        { method: "GET", url: "/v2/notes/999", body: "" },
      ]);
    } finally {
      await server.close();
    }

    // A second run with `npx <bin>` finds nothing to change.
    const again = await exec("npx", ["--offline", BIN, "--config", "openapi-client.config.yaml", "--check"], project);
    expect(again.stderr).toBe("");
    // --check first reports the API change since the recorded release, then staleness.
    const [report, staleness, ...rest] = again.stdout.split("\n");
    expect(report).toBe("API unchanged since 0.1.0");
    expect(staleness).toMatch(/^up to date: 3 operations, \d+ files, [\d.]+ s$/);
    expect(rest).toEqual([""]);
  }, 300_000);
});

/** A Notes API on 127.0.0.1 that records what it is asked. */
async function notesServer(): Promise<{ url: string; requests: { method: string; url: string; body: string }[]; close(): Promise<void> }> {
  const requests: { method: string; url: string; body: string }[] = [];
  const note = { id: 7, text: "buy milk", tags: ["home"] };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", body });
      const json = (status: number, value: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
      if (req.method === "POST" && req.url === "/v2/notes") return json(201, note);
      if (req.method === "GET" && req.url?.startsWith("/v2/notes?")) return json(200, [note]);
      json(404, { message: "no such note" });
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
