// A client's package name when the config names none: its API's title, never GitHub's client name;
// a name the config gives, or the last output's package.json has, wins.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packageNameOf } from "../../generator/model/package-name.js";
import { generate } from "../../generator/pipeline.js";
import { RunFailure } from "../../generator/run-failure.js";

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

  // The name is the default user agent: a name no header can carry made every createClient() throw.
  it.each([
    [{ name: "клиент-хранилища", version: "0.3.0" }, `its "name" "клиент-хранилища" is not a valid npm package name`],
    [{ name: "Upper Case", version: "0.3.0" }, `its "name" "Upper Case" is not a valid npm package name`],
    [{ name: 42, version: "0.3.0" }, `its "name" 42 is not a valid npm package name`],
    [{ name: "ok", version: "1.x" }, `its "version" "1.x" is not a valid npm package version`],
  ])("refuses an invalid name or version kept from the last output's package.json: %j", async (pkg, message) => {
    const out = mkdtempSync(join(root, "edited-"));
    writeFileSync(join(out, "package.json"), JSON.stringify(pkg));
    const failure = await generate(SPEC, out).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RunFailure);
    expect((failure as Error).message).toBe(
      `${join(out, "package.json")}: ${message}; correct it there${message.includes("version") ? " (major.minor.patch)" : ", or set package.name in the config"}`,
    );
  });

  it("takes the config's name over an invalid one in the last output's package.json", async () => {
    const out = mkdtempSync(join(root, "edited-"));
    writeFileSync(join(out, "package.json"), JSON.stringify({ name: "Not Valid", version: "0.3.0" }));
    expect(nameOf(await generate(SPEC, out, { package: { name: "fixed-name" } }))).toBe("fixed-name");
  });
});
