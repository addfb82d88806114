// The config file through the real CLI, in a child process: each bad config gives exactly the
// documented positioned lines and exit code 2, and nothing is written; flags override the file,
// and the file's paths are read from its own folder.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONFIG_LIMITS } from "../../generator/config/index.js";
import { CLI_TIMEOUT_MS, ROOT, runCli, STACK_FRAME } from "./run-cli.js";

let work: string;
let cases = 0;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "config-cli-"));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A project folder: a valid two-operation spec in api/, and `config` (text) as conf/openapi-client.config.yaml. */
function project(config: string, name = "openapi-client.config.yaml"): { dir: string; config: string } {
  const dir = join(work, `p${++cases}`);
  mkdirSync(join(dir, "conf"), { recursive: true });
  cpSync(join(ROOT, "test/fixtures/broken/valid"), join(dir, "api"), { recursive: true });
  writeFileSync(join(dir, "conf", name), config);
  return { dir, config: join(dir, "conf", name) };
}

/** Runs with --config, and checks the failure's shape: exit 2, no stack, nothing on stdout, no output folder. */
async function failing(config: string, dir: string, extra: string[] = []): Promise<string[]> {
  const result = await runCli(["--config", config, ...extra]);
  expect(result.status).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(existsSync(join(dir, "client"))).toBe(false);
  return result.stderr.trimEnd().split("\n");
}

const VALID = "spec: ../api/openapi.yaml\nout: ../client\n";

describe.concurrent("a bad config file: exit 2, every problem positioned, nothing written", () => {
  it(
    "unknown keys, at top level and in package, each with the nearest known key",
    async () => {
      const { dir, config } = project(`${VALID}otu: elsewhere\npackage:\n  nmae: x\n  zzzzzzzz: 1\n`);
      expect(await failing(config, dir)).toEqual([
        `${config}:3:1 error: unknown key "otu" (at #/otu)`,
        '  hint: did you mean "out"? the known keys are spec, out, allowRefFolders, package, baseUrl, userAgent, profile',
        `${config}:5:3 error: unknown key "nmae" in package (at #/package/nmae)`,
        '  hint: did you mean "name"? the known keys are name, version, description, license, repository',
        `${config}:6:3 error: unknown key "zzzzzzzz" in package (at #/package/zzzzzzzz)`,
        "  hint: the known keys are name, version, description, license, repository",
        "3 error(s) in the config file; nothing was written.",
      ]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "wrong types: a number, a string for a list, a list for an object, null",
    async () => {
      const { dir, config } = project(`${VALID}userAgent: 42\nallowRefFolders: ../shared\npackage: [a]\nprofile:\n`);
      expect(await failing(config, dir)).toEqual([
        `${config}:3:1 error: userAgent must be a string, not a number (at #/userAgent)`,
        "  hint: for example: my-app/1.0",
        `${config}:4:1 error: allowRefFolders must be a list, not a string (at #/allowRefFolders)`,
        "  hint: for example: [../shared-schemas]",
        `${config}:5:1 error: package must be an object (keys and values), not a list (at #/package)`,
        "  hint: for example: { name: my-api-client }",
        `${config}:6:1 error: profile must be a string, not null (at #/profile)`,
        "  hint: for example: github",
        "4 error(s) in the config file; nothing was written.",
      ]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "bad values: profile, package name, version policy, base URL with credentials, header injection, spec URL",
    async () => {
      const text = [
        "spec: https://reader:secret@example.com/openapi.yaml",
        "out: ../client",
        "profile: githb",
        "package: { name: My Client, version: latest }",
        "baseUrl: https://user:secret@api.example.com",
        'userAgent: "a\\r\\nx-injected: 1"',
        "",
      ].join("\n");
      const { dir, config } = project(text);
      const lines = await failing(config, dir);
      expect(lines).toEqual([
        `${config}:1:1 error: spec: a user name or password in the URL is refused (it would be sent and printed) (at #/spec)`,
        "  hint: give an http(s) URL without a user name or password, or the path of the spec file",
        `${config}:3:1 error: profile: "githb" is not a valid value (at #/profile)`,
        '  hint: use "github" or "generic"; did you mean "github"?',
        `${config}:4:12 error: package.name: "My Client" is not a valid npm package name (at #/package/name)`,
        "  hint: use lower-case letters, digits, - . _ ~ and an optional @scope/, for example: @acme/petstore-client",
        `${config}:4:29 error: package.version: "latest" is not a version policy (at #/package/version)`,
        '  hint: use "auto" (bumped from the API change) or an exact version such as "1.2.0"',
        `${config}:5:1 error: baseUrl: a user name or password in the URL (at #/baseUrl)`,
        "  hint: credentials do not belong in a config file; the client takes a token at run time",
        `${config}:6:1 error: userAgent holds a control character (a line break, a tab or a NUL) (at #/userAgent)`,
        "  hint: write it on one line, for example: my-app/1.0",
        "6 error(s) in the config file; nothing was written.",
      ]);
      expect(lines.join("\n")).not.toContain("secret");
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a missing --config file, a folder, and a YAML syntax error",
    async () => {
      const { dir, config } = project(`${VALID}package: { name: x\n`);
      const missing = join(dir, "conf", "nope.yaml");
      expect(await failing(missing, dir)).toEqual([
        `${missing}:1:1 error: cannot read the config file: no such file`,
        "  hint: check the --config path",
        "1 error(s) in the config file; nothing was written.",
      ]);
      expect(await failing(join(dir, "conf"), dir)).toEqual([
        `${join(dir, "conf")}:1:1 error: cannot read the config file: it is a folder, not a file`,
        "  hint: check the --config path",
        "1 error(s) in the config file; nothing was written.",
      ]);
      expect(await failing(config, dir)).toEqual([
        `${config}:3:10 error: invalid YAML: unclosed "{": this flow mapping needs a closing "}"`,
        "  hint: fix the syntax at this position; the file could not be read",
        "1 error(s) in the config file; nothing was written.",
      ]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "hostile files: an alias bomb, a file past the size limit, a symlink out of its folder",
    async () => {
      const bomb = [
        "a: &a [x, x, x, x, x, x, x, x, x, x]",
        ...["b", "c", "d", "e"].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${"abcd"[i]}`).join(", ")}]`),
      ];
      const { dir, config } = project(bomb.join("\n") + "\n");
      const [first, ...rest] = await failing(config, dir);
      expect(first).toBe(
        `${config}:4:36 error: invalid YAML: its aliases expand the document to more than 10,000 values, the limit; this alias passes it`,
      );
      expect(rest.at(-1)).toBe("1 error(s) in the config file; nothing was written.");

      const large = join(dir, "conf", "large.yaml");
      writeFileSync(large, `${VALID}# ${"x".repeat(CONFIG_LIMITS.maxFileBytes)}\n`);
      expect(await failing(large, dir)).toEqual([
        `${large}:1:1 error: the config file is larger than 64 KiB`,
        "  hint: a config file holds a few keys; check that --config names the right file",
        "1 error(s) in the config file; nothing was written.",
      ]);

      const secret = join(dir, "secret.yaml");
      writeFileSync(secret, "TOKEN_VALUE_XYZ: 1\n");
      const link = join(dir, "conf", "link.yaml");
      const { symlinkSync } = await import("node:fs");
      symlinkSync(secret, link);
      const lines = await failing(link, dir);
      expect(lines).toEqual([
        `${link}:1:1 error: cannot read the config file: it is a symlink to a file outside its own folder`,
        "  hint: check the --config path",
        "1 error(s) in the config file; nothing was written.",
      ]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "no spec from the file or a flag, and a --spec URL with a password: usage errors",
    async () => {
      const { dir, config } = project("out: ../client\n");
      expect(await failing(config, dir)).toEqual([
        `error: no spec to read: give --spec <file or URL>, or spec: <file or URL> in ${config}`,
      ]);
      const lines = await failing(config, dir, ["--spec", "https://reader:secret@example.com/openapi.json"]);
      expect(lines).toEqual(["error: --spec: a user name or password in the URL is refused (it would be sent and printed)"]);
    },
    CLI_TIMEOUT_MS,
  );
});

describe.concurrent("a good config file", () => {
  it(
    "--help names --config and the exit code of a bad config",
    async () => {
      const result = await runCli(["--help"]);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("--config <file> the config file (default: openapi-client.config.yaml, .yml or .json");
      expect(result.stdout).toContain("2 usage errors.\nA problem in the config file is a usage error: exit 2, nothing written.\n");
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "its paths are read from its own folder, and its package facts reach package.json",
    async () => {
      const { dir, config } = project(
        `${VALID}package:\n  name: "@acme/tiny-client"\n  description: A tiny client\n  license: Apache-2.0\nprofile: generic\n`,
      );
      const result = await runCli(["--config", config]);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      const pkg = JSON.parse(readFileSync(join(dir, "client", "package.json"), "utf8")) as Record<string, unknown>;
      expect([pkg.name, pkg.description, pkg.license]).toEqual(["@acme/tiny-client", "A tiny client", "Apache-2.0"]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "flags override it: --spec and --out win over spec and out",
    async () => {
      // The file's spec does not exist and its out is never written: the flags' are used.
      const { dir, config } = project("spec: ../missing.yaml\nout: ../client\n");
      const out = join(dir, "flag-out");
      const result = await runCli(["--config", config, "--spec", join(dir, "api", "openapi.yaml"), "--out", out]);
      // A first run into a new folder, of a spec whose title names the package: only the note about that name.
      expect(result.stderr).toMatch(/^note: the package is named broken-spec-fixture-client after the API's title; [^\n]*\n$/);
      expect(result.status).toBe(0);
      expect(existsSync(join(out, "package.json"))).toBe(true);
      expect(existsSync(join(dir, "client"))).toBe(false);
    },
    CLI_TIMEOUT_MS,
  );
});
