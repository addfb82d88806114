// What one document's run means: ok, refused with positioned errors, or bad (and which kind of
// bad). Pure, so that the rules are tested on their own (test/corpus/classify.test.ts).
import type { ChildResult } from "./lib/child.js";

export type Verdict =
  | { readonly class: "ok" }
  | { readonly class: "refused"; readonly firstError: string }
  | { readonly class: "bad"; readonly kind: BadKind; readonly firstError: string };

export type BadKind = "hang" | "crash" | "unpositioned-refusal" | "valid-refused" | "tsc";

/** `file:line:column error: …`, as generator/diagnostics.ts prints a spec problem. */
const POSITIONED = /^\S.*:\d+:\d+ error: /;
/** A line of a JavaScript stack trace. */
const STACK = /^\s+at .+[:(]/;

/**
 * The generator's result, before the type check. `valid` is the validator's word (undefined when
 * it gave none in time): a valid document that is refused is bad, an invalid one is refused.
 */
export function classifyGeneration(run: ChildResult, valid: boolean | undefined): Verdict | "generated" {
  const lines = run.stderr.split("\n").filter((line) => line.trim() !== "");
  if (run.timedOut) return { class: "bad", kind: "hang", firstError: "no result within the time limit" };
  if (lines.some((line) => STACK.test(line)) || run.code === null || run.code > 1) {
    return { class: "bad", kind: "crash", firstError: lines[0] ?? `exit ${run.code ?? run.signal}` };
  }
  if (run.code === 0) return "generated";
  const positioned = lines.find((line) => POSITIONED.test(line));
  if (!positioned) return { class: "bad", kind: "unpositioned-refusal", firstError: lines[0] ?? "exit 1 with nothing on stderr" };
  if (valid === true) return { class: "bad", kind: "valid-refused", firstError: positioned };
  return { class: "refused", firstError: positioned };
}

/** The verdict of a generated document, from the type checker's errors in its files. */
export function classifyTypeCheck(errors: readonly string[]): Verdict {
  return errors.length ? { class: "bad", kind: "tsc", firstError: errors[0]! } : { class: "ok" };
}
