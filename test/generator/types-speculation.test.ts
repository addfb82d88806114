// The types worker reads a one-file JSON spec itself as soon as the run starts (speculateTypes);
// the main thread then hands it the text it parsed. Its result must always be that text's types.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";

const dir = mkdtempSync(join(tmpdir(), "speculation-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function spec(path: string): string {
  return JSON.stringify({
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: { [path]: { get: { operationId: "get-it", responses: { 200: { description: "ok", content: { "application/json": { schema: { type: "object" } } } } } } } },
  });
}

const typesOf = (files: readonly { path: string; contents: string }[]) => files.find((f) => f.path === "src/types.ts")!.contents;

describe("types of a one-file JSON spec", () => {
  it("are each run's own when two runs share the process", async () => {
    writeFileSync(join(dir, "a.json"), spec("/alpha"));
    writeFileSync(join(dir, "b.json"), spec("/beta"));
    const [a, b] = await Promise.all([generate(join(dir, "a.json"), join(dir, "out-a")), generate(join(dir, "b.json"), join(dir, "out-b"))]);
    expect(typesOf(a.files)).toContain('"/alpha"');
    expect(typesOf(a.files)).not.toContain('"/beta"');
    expect(typesOf(b.files)).toContain('"/beta"');
  });

  it("come from JSON saved under another extension, which the worker did not read ahead", async () => {
    writeFileSync(join(dir, "c.yaml"), spec("/gamma"));
    const { files } = await generate(join(dir, "c.yaml"), join(dir, "out-c"));
    expect(typesOf(files)).toContain('"/gamma"');
  });
});
