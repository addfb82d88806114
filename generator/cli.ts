// The command line: parses arguments, runs the pipeline, prints one summary line, and sets the
// exit code (0 done, 1 spec problems or stale output, 2 usage). The only module that touches
// `process`.
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { SpecError, formatDiagnostic } from "./diagnostics.js";
import { DEFAULT_LOAD_LIMITS, formatBytes, formatCount } from "./load/limits.js";
import { startTypesWorker } from "./emit/types-file.js";
import { configureFormatWorkers } from "./write/format.js";
import { diffOutput, isClean, writeAtomically } from "./write/output.js";
import { outDirRefusal } from "./write/out-dir.js";

const USAGE = `Usage: npm run generate -- [options]

Generates a typed TypeScript client package from an OpenAPI 3.0/3.1 document.

Options:
  --spec <file>   root file of the spec, YAML or JSON (default: spec/openapi.yaml)
  --out <dir>     output folder (default: generated); not a symlink, a file, /, your home
                  folder, nor a folder that holds the spec or the current folder
  --allow-ref-folder <dir>
                  a folder that $refs may also read from (repeatable); by default a $ref
                  reads only regular files inside the spec's own folder (symlinks resolved)
  --check         write nothing; list stale, missing and orphaned files; exit 1 if any
  --fail-on-breaking
                  exit 1, writing nothing, when the spec change is breaking for users
  -h, --help      show this help

Limits on a spec: ${formatBytes(DEFAULT_LOAD_LIMITS.maxFileBytes)} per file, ${DEFAULT_LOAD_LIMITS.maxDepth} levels of nesting, ${formatCount(DEFAULT_LOAD_LIMITS.maxValues)} values
once YAML aliases are expanded; remote $refs are never fetched.

Exit codes: 0 success, 1 spec errors, stale output or a refused --out, 2 usage errors.`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: { spec: { type: "string" }, out: { type: "string" }, "allow-ref-folder": { type: "string", multiple: true }, check: { type: "boolean" }, "fail-on-breaking": { type: "boolean" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const started = performance.now();
  // A worker thread loads openapi-typescript while this thread loads the rest of the generator,
  // which is why the pipeline is imported here and not above. Prettier's workers start only if a
  // file needs formatting. One run: each worker
  // stops when its part is done, which frees its memory for the rest of the run.
  const workers = { once: true, execArgv: profilingFlags(process.execArgv) };
  startTypesWorker(workers);
  configureFormatWorkers(workers);
  const { generate } = await import("./pipeline.js");
  const specPath = resolve(args.spec ?? "spec/openapi.yaml");
  const outDir = resolve(args.out ?? "generated");
  const refusal = await outDirRefusal(outDir, { specFile: specPath, cwd: process.cwd() });
  if (refusal) {
    process.stderr.write(`error: ${refusal}; nothing was written.\n`);
    return 1;
  }
  let result;
  try {
    result = await generate(specPath, outDir, { allowedFolders: args["allow-ref-folder"] ?? [] });
  } catch (error) {
    if (error instanceof SpecError) {
      for (const d of error.diagnostics) process.stderr.write(formatDiagnostic(d, error.locate, process.cwd()) + "\n");
      process.stderr.write(`${error.diagnostics.length} error(s); nothing was written.\n`);
      return 1;
    }
    throw error;
  }
  if (!result.runtimePrebuilt) {
    process.stderr.write("note: generator/runtime changed since generator/runtime/built.json was built; this run built the runtime itself (npm run build:runtime saves that time)\n");
  }
  const diff = await diffOutput(outDir, result.files);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const summary = `${result.model.operations.length} operations, ${result.files.length} files, ${seconds} s`;
  if (args.check) {
    if (isClean(diff)) {
      process.stdout.write(`up to date: ${summary}\n`);
      return 0;
    }
    for (const [kind, paths] of Object.entries(diff)) for (const p of paths) process.stderr.write(`${kind}: ${p}\n`);
    process.stderr.write(`${outDir} is not in step with the spec: run npm run generate\n`);
    return 1;
  }
  const { release } = result;
  if (release.changes.length) process.stdout.write(release.lines.join("\n") + "\n");
  if (release.breaking && args["fail-on-breaking"]) {
    process.stderr.write(`breaking API change (--fail-on-breaking): nothing was written.\n`);
    return 1;
  }
  if (!isClean(diff)) {
    try {
      await writeAtomically(outDir, result.files);
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      process.stderr.write(`error: cannot write ${outDir}: ${code ?? message}; the previous output is unchanged.\n`);
      return 1;
    }
  }
  const changed = diff.stale.length + diff.missing.length + diff.orphaned.length;
  process.stdout.write(`${summary}${changed ? `, ${changed} changed` : ", unchanged"}\n`);
  return 0;
}

/** `--cpu-prof` and `--heap-prof` options of this process, so that worker threads are profiled too. */
function profilingFlags(execArgv: readonly string[]): string[] {
  const flags: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i]!;
    if (!/^--(cpu|heap)-prof/.test(flag)) continue;
    flags.push(flag);
    if (/^--(cpu|heap)-prof-(dir|name|interval)$/.test(flag) && i + 1 < execArgv.length) flags.push(execArgv[++i]!);
  }
  return flags;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(70);
  },
);
