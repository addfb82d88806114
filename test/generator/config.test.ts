// The config reader in-process: lookup in the working folder, paths from the file's folder,
// flags over the file, and the nearest-key suggestion. The CLI's messages are in test/cli/config.test.ts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closestWord, editDistance } from "../../generator/config/closest.js";
import { CONFIG_LIMITS, loadConfig } from "../../generator/config/index.js";
import { CONFIG_SHAPE, PACKAGE_SHAPE } from "../../generator/config/schema.js";
import { formatBytes, formatCount } from "../../generator/load/limits.js";
import { runSettings } from "../../generator/config/settings.js";

const work = mkdtempSync(join(tmpdir(), "config-unit-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
function folder(files: Record<string, string>): string {
  const dir = join(work, `d${++n}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("loadConfig", () => {
  it("finds no config in a folder without one, and that is not an error", async () => {
    const result = await loadConfig(folder({}));
    expect(result).toMatchObject({ diagnostics: [] });
    expect(result.config).toBeUndefined();
  });

  it("finds openapi-client.config.json, resolving its paths from its folder", async () => {
    const dir = folder({
      "openapi-client.config.json": '{ "spec": "api/openapi.json", "out": "../client", "allowRefFolders": ["shared"] }',
    });
    const { config, diagnostics } = await loadConfig(dir);
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      file: join(dir, "openapi-client.config.json"),
      spec: join(dir, "api/openapi.json"),
      out: join(work, "client"),
      allowRefFolders: [join(dir, "shared")],
    });
  });

  it("refuses two config files in one folder, and names both", async () => {
    const dir = folder({ "openapi-client.config.yaml": "out: a\n", "openapi-client.config.json": "{}" });
    const { diagnostics, config } = await loadConfig(dir);
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => [d.message, d.hint])).toEqual([
      [
        "more than one config file: openapi-client.config.yaml and openapi-client.config.json",
        "keep one of them, or choose one with --config",
      ],
    ]);
  });

  it("reads an empty file as an empty config, and a list as a wrong type", async () => {
    const empty = await loadConfig(folder({ "c.yaml": "" }), "c.yaml");
    expect(empty.diagnostics).toEqual([]);
    expect(empty.config).toEqual({ file: join(work, `d${n}`, "c.yaml") });
    const list = await loadConfig(folder({ "c.yaml": "- spec\n" }), "c.yaml");
    expect(list.diagnostics.map((d) => d.message)).toEqual(["the config must be an object (keys and values), not a list"]);
  });

  it("quotes a long unknown key shortened, with no suggestion", async () => {
    const key = "k".repeat(1000); // YAML itself refuses an implicit key past 1,024 characters
    const { diagnostics } = await loadConfig(folder({ "c.yaml": `${key}: 1\n` }), "c.yaml");
    expect(diagnostics.map((d) => d.message)).toEqual([`unknown key "${"k".repeat(64)}…"`]);
    expect(diagnostics[0]!.hint).toMatch(/^the known keys are spec, out,/);
  });

  it("refuses allowRefFolders that open / or the home folder to $refs, at the entry", async () => {
    const { homedir } = await import("node:os");
    const dir = folder({ "c.yaml": `allowRefFolders:\n  - shared\n  - /\n  - ${homedir()}\n` });
    const { diagnostics, config, locate } = await loadConfig(dir, "c.yaml");
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => [d.message, locate(d.location)])).toEqual([
      ["allowRefFolders[1] opens / to $refs, which holds the home folder", { line: 3, col: 5 }],
      [`allowRefFolders[2] opens ${homedir()} to $refs, which holds the home folder`, { line: 4, col: 5 }],
    ]);
  });
});

describe("runSettings", () => {
  const config = {
    file: "/p/c.yaml",
    spec: "/p/api.yaml",
    out: "/p/out",
    allowRefFolders: ["/p/shared"],
    package: { name: "x", license: "ISC" },
  };

  it("takes the file's values when no flag is given", () => {
    expect(runSettings({}, config, "/cwd")).toEqual({
      specPath: "/p/api.yaml",
      outDir: "/p/out",
      allowedFolders: ["/p/shared"],
      package: { name: "x", license: "ISC" },
      specTimeoutMs: 30_000,
      identity: {},
    });
  });

  it("reads an http(s) spec, from the file or a flag, as a URL, and a --spec-timeout in seconds", () => {
    const fromFile = runSettings({}, { ...config, spec: "https://api.example.com/openapi.json" }, "/cwd");
    expect(fromFile).toMatchObject({ specUrl: new URL("https://api.example.com/openapi.json") });
    expect(fromFile).not.toHaveProperty("specPath");
    const fromFlag = runSettings({ spec: "HTTP://127.0.0.1:9/x.yaml", "spec-timeout": "0.5" }, config, "/cwd");
    expect(fromFlag).toMatchObject({ specUrl: new URL("http://127.0.0.1:9/x.yaml"), specTimeoutMs: 500 });
    expect(runSettings({ spec: "https://u:p@example.com/x" }, config, "/cwd")).toEqual({
      usage: "--spec: a user name or password in the URL is refused (it would be sent and printed)",
    });
    for (const bad of ["0", "-1", "abc", "601", "1e3", ""]) {
      expect(runSettings({ "spec-timeout": bad }, config, "/cwd")).toEqual({
        usage: `--spec-timeout: give a number of seconds above 0 and at most 600, not ${JSON.stringify(bad)}`,
      });
    }
  });

  it("lets each flag override its key, resolved from the working folder", () => {
    expect(runSettings({ spec: "s.yaml", out: "o", "allow-ref-folder": ["f"] }, config, "/cwd")).toMatchObject({
      specPath: "/cwd/s.yaml",
      outDir: "/cwd/o",
      allowedFolders: ["/cwd/f"],
    });
  });

  it("asks for a spec and an output folder when neither the file nor a flag gives them", () => {
    expect(runSettings({}, undefined, "/cwd")).toEqual({
      usage: "no spec to read: give --spec <file or URL>, or spec: <file or URL> in a config file (openapi-client.config.yaml)",
    });
    expect(runSettings({ spec: "a.yaml" }, undefined, "/cwd")).toEqual({
      usage: "no output folder: give --out <dir>, or out: <dir> in a config file (openapi-client.config.yaml)",
    });
  });
});

describe("closestWord", () => {
  it.each([
    ["otu", "out"],
    ["Spec", "spec"],
    ["allowRefFolder", "allowRefFolders"],
    ["userAgnet", "userAgent"],
    ["zzzz", undefined],
  ])("%s → %s", (word, want) => {
    expect(closestWord(word, ["spec", "out", "allowRefFolders", "package", "baseUrl", "userAgent", "profile"])).toBe(want);
  });

  it("counts edits", () => {
    expect([editDistance("kitten", "sitting"), editDistance("", "abc"), editDistance("abc", "abc")]).toEqual([3, 3, 0]);
  });
});

describe("README's Configuration section", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("## A spec you do not trust"));

  it("has a row for every key, and no row for a key that does not exist", () => {
    const keys = [...Object.keys(CONFIG_SHAPE).filter((k) => k !== "package"), ...Object.keys(PACKAGE_SHAPE).map((k) => `package.${k}`)];
    const rows = [...section.matchAll(/^\| `([\w.]+)` +\|/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual(keys.sort());
  });

  it("quotes the limits from CONFIG_LIMITS", () => {
    expect(section).toContain(
      `at most ${formatBytes(CONFIG_LIMITS.maxFileBytes)}, ${CONFIG_LIMITS.maxDepth} levels of nesting and ${formatCount(CONFIG_LIMITS.maxValues)} values`,
    );
  });
});
