// A client's package name when the config names none: its API's title, never GitHub's client name;
// a name the config gives, or the last output's package.json has, wins.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packageNameOf } from "../../generator/model/package-name.js";
import { generate } from "../../generator/pipeline.js";

const SPEC = "test/fixtures/identity/vault.yaml";
const root = mkdtempSync(join(tmpdir(), "package-name-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const nameOf = (result: Awaited<ReturnType<typeof generate>>) =>
  (JSON.parse(result.files.find((f) => f.path === "package.json")!.contents) as { name: string }).name;

describe("packageNameOf", () => {
  it.each([
    ["Train Travel API", "train-travel-api-client"],
    ["  Crème Brûlée — Orders!  ", "creme-brulee-orders-client"],
    ["GitHub v3 REST API", "github-v3-rest-api-client"],
    ["@scope/evil ../../name", "scope-evil-name-client"],
    ["日本語", "api-client"],
    ["", "api-client"],
  ])("%j → %j", (title, name) => {
    expect(packageNameOf(title)).toBe(name);
  });

  it("stays within npm's 214 characters", () => {
    const name = packageNameOf("word ".repeat(100));
    expect(name.length).toBeLessThanOrEqual(214);
    expect(name).toMatch(/^[a-z0-9][a-z0-9-]*[a-z0-9]-client$/);
  });
});

describe("the generated package's name", () => {
  it("comes from the API's title in a new output", async () => {
    expect(nameOf(await generate(SPEC, join(root, "new")))).toBe("vault-api-client");
  });

  it("is the config's when it gives one", async () => {
    expect(nameOf(await generate(SPEC, join(root, "configured"), { package: { name: "my-vault" } }))).toBe("my-vault");
  });

  it("is kept from the last output's package.json", async () => {
    const out = mkdtempSync(join(root, "kept-"));
    writeFileSync(join(out, "package.json"), JSON.stringify({ name: "renamed-by-hand", version: "0.3.0" }));
    expect(nameOf(await generate(SPEC, out))).toBe("renamed-by-hand");
  });
});
