// The runtime goes into the package as it is in generator/runtime: its sources byte for byte (so
// they must be kept in the package's prettier layout), its dist/ compiled by the project's
// TypeScript and kept in a cache that only a build of the same sources by the same compiler hits.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TS_HEADER } from "../../generator/emit/file.js";
import { formatText } from "../../generator/emit/prettier.js";
import { compileToDist } from "../../generator/emit/compile.js";
import { runtimeDist } from "../../generator/emit/runtime-build.js";
import { runtimeSourceFiles, runtimeSources } from "../../generator/emit/runtime-files.js";

const cache = mkdtempSync(join(tmpdir(), "runtime-cache-")) + "/";
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe("the runtime's sources", () => {
  it.each(runtimeSourceFiles().map((file) => [file.slice(file.lastIndexOf("/") + 1), file]))(
    "%s is in the package's prettier layout (else: npm run format:runtime)",
    async (_, file) => {
      const text = readFileSync(file, "utf8");
      expect(await formatText(file, text)).toBe(text);
    },
  );

  it("are copied into src/runtime/ byte for byte after the generated header (GitHub's profile: profile-generic.ts is not)", () => {
    const files = runtimeSourceFiles().filter((file) => !file.endsWith("/profile-generic.ts"));
    expect(files.length).toBe(runtimeSourceFiles().length - 1);
    const copies = runtimeSources();
    expect(copies.map((f) => f.path)).toEqual(files.map((f) => `src/runtime/${f.slice(f.lastIndexOf("/") + 1)}`));
    copies.forEach((copy, i) => expect(copy.contents).toBe(TS_HEADER + readFileSync(files[i]!, "utf8")));
    expect(copies.every((f) => f.formatted === true)).toBe(true);
  });
});

describe("the runtime's dist/", () => {
  const sources = runtimeSources();
  const cacheFiles = () => readdirSync(cache).filter((name) => name.startsWith("runtime-dist-"));

  it("is compiled once, four files per source, and then read from the cache", async () => {
    const built = await runtimeDist(sources, cache);
    expect(cacheFiles()).toHaveLength(1);
    for (const prefix of ["dist/runtime/", "dist/cjs/runtime/"]) {
      for (const suffix of [".js", ".d.ts"])
        expect(
          built.filter((f) => f.path.startsWith(prefix) && f.path.endsWith(suffix) && !f.path.slice(prefix.length).includes("/")),
        ).toHaveLength(sources.length);
    }
    // A cache hit returns what the cache holds: marked, it shows where the answer came from.
    const [name] = cacheFiles();
    const marked = built.map((f) => ({ path: f.path, contents: f.contents + "// from the cache\n" }));
    writeFileSync(cache + name, JSON.stringify(marked));
    expect(await runtimeDist(sources, cache)).toEqual(marked);
  });

  it("is compiled again when a source changes, or when the cache file is not what a build writes", async () => {
    const edited = sources.map((f, i) => (i === 0 ? { ...f, contents: f.contents + "export const added = 1;\n" } : f));
    const rebuilt = await runtimeDist(edited, cache);
    expect(cacheFiles()).toHaveLength(2);
    expect(rebuilt.find((f) => f.path === `dist/${edited[0]!.path.slice(4, -3)}.js`)!.contents).toContain("export const added = 1;");
    const fresh = await runtimeDist(sources, mkdtempSync(join(tmpdir(), "runtime-fresh-")) + "/");
    for (const broken of ["not json", JSON.stringify([{ path: "../../escape.js", contents: "" }]), JSON.stringify({ files: [] })]) {
      for (const name of cacheFiles()) writeFileSync(cache + name, broken);
      expect(await runtimeDist(sources, cache)).toEqual(fresh);
    }
  });

  it("from the cache generate reads is what a fresh compile gives (else the cache key misses an input)", async () => {
    expect(await runtimeDist(sources)).toEqual(compileToDist(sources));
  });

  it("holds ESM with its types named, declarations and a CommonJS twin, each with the generated header", async () => {
    const built = await runtimeDist(sources, cache);
    const file = (path: string) => built.find((f) => f.path === path)!.contents;
    expect(built.every((f) => f.contents.startsWith(TS_HEADER))).toBe(true);
    expect(file("dist/runtime/client.js")).toContain('/* @ts-self-types="./client.d.ts" */');
    expect(file("dist/runtime/client.js")).toContain("export function createClient(");
    expect(file("dist/runtime/client.d.ts")).toContain("export declare function createClient(");
    expect(file("dist/cjs/runtime/client.js")).toContain("exports.createClient = createClient;");
    expect(file("dist/cjs/runtime/client.d.ts")).toBe(file("dist/runtime/client.d.ts"));
  });
});
