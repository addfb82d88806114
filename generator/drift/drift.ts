// The drift check: every operation of spec/ compared with the same operationId upstream, the
// differences matched against the reviewed deviations. Returns the report and the exit code.
import { formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { loadSpec } from "../load/index.js";
import { ABSENT, compareOperation, PRESENT, type Difference } from "./compare.js";
import { readDeviations } from "./deviations.js";
import { matchDeviations } from "./match.js";
import { operationFacts, operationsById } from "./operation-facts.js";
import { formatDifferences } from "./report.js";
import type { JsonObject } from "./schema-shape.js";
import type { Upstream } from "./upstream.js";

export interface DriftOptions {
  readonly specFile: string;
  readonly deviationsFile: string;
  readonly upstream: Upstream;
  /** Also print the differences the deviations accept. */
  readonly all: boolean;
  /** Paths under it print relative to it. */
  readonly cwd: string;
}

export async function runDrift(options: DriftOptions): Promise<{ output: string; exitCode: 0 | 1 }> {
  const loaded = await loadSpec(options.specFile);
  const located = (ds: readonly Diagnostic[]) => ds.map((d) => formatDiagnostic(d, loaded.spec?.locate ?? (() => undefined), options.cwd));
  if (!loaded.spec || loaded.diagnostics.length)
    return { output: [...located(loaded.diagnostics), "spec drift: the spec has errors; nothing compared"].join("\n"), exitCode: 1 };

  const differences = compareAll(loaded.spec.document as JsonObject, options.upstream.document);
  const read = readDeviations(options.deviationsFile);
  const matched = matchDeviations(differences, read.deviations, options.deviationsFile);
  const problems = located([...read.diagnostics, ...matched.diagnostics]);
  // An unreadable deviations file accepts nothing: only its own errors are worth reading then.
  const unlisted = read.diagnostics.length ? [] : matched.unlisted;

  const operations = operationsById(loaded.spec.document as JsonObject).size;
  const lines = [`spec drift: ${operations} operations of ${relative(options.specFile, options.cwd)} against ${options.upstream.label}`];
  if (options.all && matched.listed.length)
    lines.push("", "accepted (listed in the deviations file):", ...formatDifferences(matched.listed));
  if (unlisted.length) {
    lines.push("", "not listed in the deviations file:", ...formatDifferences(unlisted));
    lines.push(
      "",
      `  hint: change spec/ to agree, or add an entry to ${relative(options.deviationsFile, options.cwd)} with \`at\`, \`aspect\`, \`spec\`, \`upstream\` as printed and a \`reason\``,
    );
  }
  if (problems.length) lines.push("", ...problems);
  const failed = unlisted.length > 0 || problems.length > 0;
  lines.push(
    "",
    `${differences.length} differences: ${matched.listed.length} accepted by deviations, ${unlisted.length} not listed; ${problems.length} problem(s) in the deviations file${failed ? "" : ". OK"}`,
  );
  return { output: lines.join("\n"), exitCode: failed ? 1 : 0 };
}

function compareAll(spec: JsonObject, upstream: JsonObject): Difference[] {
  const upstreamIds = operationsById(upstream);
  const differences: Difference[] = [];
  for (const operationId of [...operationsById(spec).keys()].sort()) {
    const ours = operationFacts(spec, operationId)!;
    const theirs = upstreamIds.has(operationId) ? operationFacts(upstream, operationId) : undefined;
    if (!theirs) {
      differences.push({
        operationId,
        key: "operation",
        anchor: `${operationId} operation`,
        aspect: "presence",
        spec: PRESENT,
        upstream: ABSENT,
      });
      continue;
    }
    differences.push(...compareOperation(ours, theirs));
  }
  return differences;
}

function relative(file: string, cwd: string): string {
  return file.startsWith(cwd + "/") ? file.slice(cwd.length + 1) : file;
}
