// The types job: one worker thread per document, whose result is always that document's types
// (a one-file JSON spec goes to it as the text the main thread parsed). A job that ends without an
// answer fails, saying why.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MessageChannel } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { TypesJob } from "../../generator/emit/types-file.js";
import { loadTransformFunctions, OPENAPI_TYPESCRIPT_VERSION, typesWorker, type TypesReply } from "../../generator/emit/types-worker.js";
import { GENERATOR_DIR } from "../../generator/paths.js";
import { generate } from "../../generator/pipeline.js";
import { RunFailure } from "../../generator/run-failure.js";

const dir = mkdtempSync(join(tmpdir(), "speculation-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function spec(path: string): string {
  return JSON.stringify({
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      [path]: {
        get: {
          operationId: "get-it",
          responses: { 200: { description: "ok", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
  });
}

const typesOf = (files: readonly { path: string; contents: string }[]) => files.find((f) => f.path === "src/types.ts")!.contents;

describe("types of a one-file JSON spec", () => {
  it("are each run's own when two runs share the process", async () => {
    writeFileSync(join(dir, "a.json"), spec("/alpha"));
    writeFileSync(join(dir, "b.json"), spec("/beta"));
    const [a, b] = await Promise.all([
      generate(join(dir, "a.json"), join(dir, "out-a")),
      generate(join(dir, "b.json"), join(dir, "out-b")),
    ]);
    expect(typesOf(a.files)).toContain('"/alpha"');
    expect(typesOf(a.files)).not.toContain('"/beta"');
    expect(typesOf(b.files)).toContain('"/beta"');
  });

  it("come from JSON saved under another extension", async () => {
    writeFileSync(join(dir, "c.yaml"), spec("/gamma"));
    const { files } = await generate(join(dir, "c.yaml"), join(dir, "out-c"));
    expect(typesOf(files)).toContain('"/gamma"');
  });
});

describe("a types job", () => {
  const document = JSON.parse(spec("/delta")) as Record<string, unknown>;

  it("closed before it answers fails the transform it was given, saying so", async () => {
    const job = new TypesJob();
    const types = job.types({ document });
    job.close();
    await expect(types).rejects.toThrow(RunFailure);
    await expect(types).rejects.toThrow("the types worker (openapi-typescript) was stopped before it answered");
  });

  it("transforms one document only", async () => {
    const job = new TypesJob();
    try {
      const types = job.types({ document });
      expect(() => job.types({ document })).toThrow("a TypesJob transforms one document");
      expect((await types).contents).toContain('"/delta"');
    } finally {
      job.close();
    }
  });

  it("refuses, before loading it, an openapi-typescript of another version than it was written for", async () => {
    const { port1, port2 } = new MessageChannel();
    const reply = new Promise<TypesReply>((resolve) => port2.once("message", resolve));
    typesWorker(createRequire(import.meta.url), port1, { base: GENERATOR_DIR, expectedVersion: "6.0.0" }, loadTransformFunctions);
    port2.postMessage({ document });
    expect(await reply).toEqual({
      setup: true,
      error: `openapi-typescript ${OPENAPI_TYPESCRIPT_VERSION} is installed, but the types worker builds the transform context of 6.0.0: install 6.0.0 (npm ci), or update generator/emit/types-worker.ts for ${OPENAPI_TYPESCRIPT_VERSION}`,
    });
    port1.close();
  });

  it("calls the very functions openapi-typescript's package entry exports", () => {
    const load = createRequire(GENERATOR_DIR);
    const entry = load("openapi-typescript") as Record<string, unknown>;
    const used = loadTransformFunctions(load);
    for (const [name, fn] of Object.entries(used)) expect(fn, name).toBe(entry[name]);
    expect(Object.keys(used).sort()).toEqual(["astToString", "resolveRef", "scanDiscriminators", "transformSchema"]);
  });
});
