// The pieces of output ownership, given/want: which manifest entries are refused, the manifest's
// deterministic text, and package.json's merge of the user's fields. The CLI behaviour over real
// folders is in test/cli/ownership.test.ts.
import { describe, expect, it } from "vitest";
import { HEADER_TEXT } from "../../generator/emit/file.js";
import { ManifestError, manifestFile, parseManifest } from "../../generator/write/manifest.js";
import { mergePackageJson } from "../../generator/write/package-json.js";
import { OutputRefusal } from "../../generator/write/refusal.js";

const manifestOf = (files: unknown) => JSON.stringify({ version: 1, files });

describe("manifest entries", () => {
  const outside = "is not a relative path inside the folder (no leading /, no . or .. segments, no backslash)";
  it.each([
    ["../x", outside],
    ["/etc/passwd", outside],
    ["a/../../x", outside],
    ["./a", outside],
    ["a//b", outside],
    ["a/", outside],
    ["a\\..\\b", outside],
    ["a\0b", outside],
    [".git/config", "is under .git or node_modules"],
    ["src/node_modules/x.js", "is under .git or node_modules"],
    [".generated-files.json", "is the manifest itself"],
    ["", "must have 1 to 1024 characters"],
    ["x".repeat(1025), "must have 1 to 1024 characters"],
    [7, "is not a string"],
  ])("%j is refused: %s", (entry, problem) => {
    expect(() => parseManifest(manifestOf(["README.md", entry]))).toThrow(
      new ManifestError(`entry 1 (${JSON.stringify(entry).slice(0, 200)}) ${problem}`),
    );
  });

  it("accepts plain relative paths, hidden files included, and returns them sorted without repeats", () => {
    expect(parseManifest(manifestOf(["src/b.ts", ".npmignore", "README.md", "src/b.ts"]))).toEqual([".npmignore", "README.md", "src/b.ts"]);
  });

  it.each([
    ["[]", "has version undefined; this generator reads version 1"],
    ['{"version":1}', 'has no "files" list'],
    ['{"version":"1","files":[]}', 'has version "1"; this generator reads version 1'],
    [manifestOf(Array.from({ length: 100_001 }, (_, i) => `f${i}`)), "lists 100001 files, more than the limit of 100000"],
  ])("%s is refused: %s", (text, message) => {
    expect(() => parseManifest(text)).toThrow(new ManifestError(message));
  });

  it("is written sorted, without repeats or itself, with its format version", () => {
    expect(manifestFile(["b", "a", "b", ".generated-files.json", "B"]).contents).toBe(
      `{\n  "//": ${JSON.stringify(HEADER_TEXT)},\n  "version": 1,\n  "files": [\n    "B",\n    "a",\n    "b"\n  ]\n}\n`,
    );
  });
});

describe("package.json merge", () => {
  const generated = { path: "package.json", contents: '{\n  "name": "x",\n  "version": "1.0.0",\n  "files": ["dist"]\n}\n' };

  it("keeps the user's fields after the generated ones, in the user's order, and replaces generated ones", () => {
    const existing = JSON.stringify({ scripts: { b: "tsc" }, name: "old", files: ["mine"], repository: "x/y" });
    expect(mergePackageJson(generated, existing, "p").contents).toBe(
      '{\n  "name": "x",\n  "version": "1.0.0",\n  "files": ["dist"],\n  "scripts": {\n    "b": "tsc"\n  },\n  "repository": "x/y"\n}\n',
    );
  });

  it("is the generated text itself when the user added nothing, or there is no file yet", () => {
    expect(mergePackageJson(generated, '{"name":"y","files":[]}', "p")).toBe(generated);
    expect(mergePackageJson(generated, undefined, "p")).toBe(generated);
  });

  it("is stable: merging its own result again gives the same text", () => {
    const once = mergePackageJson(generated, JSON.stringify({ publishConfig: { access: "public" }, name: "x" }), "p");
    expect(mergePackageJson(generated, once.contents, "p").contents).toBe(once.contents);
  });

  it.each([
    ["{ broken", /^p is not valid JSON \(.+\); fix it, or delete it to start from the generated one$/],
    ["[1]", /^p is not a JSON object; fix it, or delete it to start from the generated one$/],
    ["null", /^p is not a JSON object; fix it, or delete it to start from the generated one$/],
  ])("refuses %s rather than lose the user's fields", (existing, message) => {
    expect(() => mergePackageJson(generated, existing, "p")).toThrow(OutputRefusal);
    expect(() => mergePackageJson(generated, existing, "p")).toThrow(message);
  });
});
