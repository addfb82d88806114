// A client named after its API's title (no package.name in the config, no earlier output) may share
// its name with someone else's package on npm, and its README says `npm install <name>`: the first
// run says so, and how to choose a name; later runs keep the name and stay quiet.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { CLI_TIMEOUT_MS, ROOT, runCli } from "./run-cli.js";

const work = mkdtempSync(join(tmpdir(), "name-note-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it(
  "notes a name taken from the title on the first run only",
  async () => {
    const out = join(work, "client");
    const args = ["--spec", join(ROOT, "test/fixtures/identity/vault.yaml"), "--out", out];
    const first = await runCli(args, { cwd: work });
    expect(first.status).toBe(0);
    expect(first.stderr).toBe(
      "note: the package is named vault-api-client after the API's title; before publishing, set package.name in the config (a scope such as @you/vault-api-client is yours)\n",
    );
    expect((JSON.parse(readFileSync(join(out, "package.json"), "utf8")) as { name: string }).name).toBe("vault-api-client");
    const second = await runCli(args, { cwd: work });
    expect(second.status).toBe(0);
    expect(second.stderr).toBe("");
  },
  CLI_TIMEOUT_MS,
);
