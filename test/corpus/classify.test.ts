// The corpus run's rules (corpus/classify.ts): which generator results are ok, refused or bad.
import { describe, expect, it } from "vitest";
import { classifyGeneration, classifyTypeCheck } from "../../corpus/classify.js";
import { seededSample } from "../../corpus/documents.js";
import type { ChildResult } from "../../corpus/lib/child.js";

const run = (result: Partial<ChildResult>): ChildResult => ({
  code: 0,
  signal: null,
  timedOut: false,
  stdout: "",
  stderr: "",
  wallMs: 1,
  ...result,
});
const positioned = "api/x.json:12:7 error: two operations are named getPet (at #/paths/~1a/get/operationId)\n  hint: rename one\n";

describe("classifyGeneration", () => {
  it("a run that exits 0 goes on to the type check", () => {
    expect(classifyGeneration(run({}), true)).toBe("generated");
  });

  it("positioned errors refuse an invalid document, and are bad on a valid one", () => {
    expect(classifyGeneration(run({ code: 1, stderr: positioned }), false)).toEqual({
      class: "refused",
      firstError: positioned.split("\n")[0],
    });
    expect(classifyGeneration(run({ code: 1, stderr: positioned }), undefined)).toMatchObject({ class: "refused" });
    expect(classifyGeneration(run({ code: 1, stderr: positioned }), true)).toMatchObject({ class: "bad", kind: "valid-refused" });
  });

  it("a stack trace, a signal, an exit code over 1 or the time limit is bad whatever the validator says", () => {
    const stack = "TypeError: x is undefined\n    at walk (file:///g/cli.js:10:3)\n";
    expect(classifyGeneration(run({ code: 1, stderr: positioned + stack }), false)).toMatchObject({ class: "bad", kind: "crash" });
    expect(classifyGeneration(run({ code: null, signal: "SIGSEGV" }), false)).toEqual({
      class: "bad",
      kind: "crash",
      firstError: "exit SIGSEGV",
    });
    expect(classifyGeneration(run({ code: 134, stderr: "FATAL ERROR: heap limit" }), false)).toMatchObject({ kind: "crash" });
    expect(classifyGeneration(run({ code: null, timedOut: true }), false)).toMatchObject({ class: "bad", kind: "hang" });
  });

  it("exit 1 without a positioned error is bad: the user is not told where", () => {
    expect(classifyGeneration(run({ code: 1, stderr: "generate: the types worker ran out of memory\n" }), false)).toEqual({
      class: "bad",
      kind: "unpositioned-refusal",
      firstError: "generate: the types worker ran out of memory",
    });
  });
});

describe("classifyTypeCheck", () => {
  it("any type error is bad, and the first one is reported", () => {
    expect(classifyTypeCheck([])).toEqual({ class: "ok" });
    expect(classifyTypeCheck(["0/src/types.ts(1,2): error TS2339: no", "later"])).toEqual({
      class: "bad",
      kind: "tsc",
      firstError: "0/src/types.ts(1,2): error TS2339: no",
    });
  });
});

describe("seededSample", () => {
  const items = Array.from({ length: 100 }, (_, i) => `doc${String(i).padStart(3, "0")}`);
  it("draws the same distinct items, in sorted order, for the same seed", () => {
    const sample = seededSample(items, 30, 14);
    expect(sample).toEqual(seededSample(items, 30, 14));
    expect(new Set(sample).size).toBe(30);
    expect(sample).toEqual([...sample].sort());
    expect(seededSample(items, 30, 15)).not.toEqual(sample);
  });
});
