// The command line: parses arguments, runs the pipeline, writes or checks the output folder,
// prints one summary line, and sets the exit code (0 done, 1 spec problems, a failed run or stale
// output, 2 usage). With exit-guard.ts, the only module that touches `process`.
import { parseArgs } from "node:util";
import { loadConfig } from "./config/index.js";
import { runSettings } from "./config/settings.js";
import { formatDiagnostic, SpecError } from "./diagnostics.js";
import { exitWith } from "./exit-guard.js";
import { releaseDate } from "./gate/release-date.js";
import { TypesJob } from "./emit/types-file.js";
import { DEFAULT_LOAD_LIMITS, formatBytes, formatCount } from "./load/limits.js";
import { RunFailure } from "./run-failure.js";
import { isClean, planOutput, writeOutput } from "./write/output.js";
import { outDirRefusal } from "./write/out-dir.js";
import { OutputRefusal } from "./write/refusal.js";

/** Caps the types worker's heap (MiB): for machines with little memory, and for tests of a worker that runs out of it. */
const HEAP_VARIABLE = "GENERATOR_TYPES_WORKER_HEAP_MB";

const USAGE = `Usage: npm run generate -- [options]

Generates a typed TypeScript client package from an OpenAPI 3.0/3.1 document.

Options:
  --config <file> the config file (default: openapi-client.config.yaml, .yml or .json in the
                  current folder, if there is one); its paths are read from its own folder
  --spec <file>   root file of the spec, YAML or JSON (overrides the config's spec)
  --out <dir>     output folder (overrides the config's out); not a symlink, a file, /, your
                  home folder, nor a folder that holds the spec or the current folder
  --allow-ref-folder <dir>
                  a folder that $refs may also read from (repeatable); by default a $ref
                  reads only regular files inside the spec's own folder (symlinks resolved);
                  replaces the config's allowRefFolders
  --check         write nothing; print the pending change report (what a run would record)
                  and list stale, missing and orphaned files; exit 1 if any
  --force         write into a non-empty folder that has no .generated-files.json (the list
                  of files the generator owns there); it still overwrites and deletes nothing
                  it did not write, and refuses a file of yours at a path it generates
  --fail-on-breaking
                  exit 1, writing nothing, when the API change is breaking for users: since
                  --base if given, else since the last generation into --out
  --base <ref>    compare with the output as committed at this git commit, branch or tag
                  (for pull requests: origin/main); prints that change report
  --release       release the pending API changes: date their CHANGELOG section (from
                  SOURCE_DATE_EPOCH if set, else today, UTC) and count the next version from here
  -h, --help      show this help

Limits on a spec: ${formatBytes(DEFAULT_LOAD_LIMITS.maxFileBytes)} per file, ${DEFAULT_LOAD_LIMITS.maxDepth} levels of nesting, ${formatCount(DEFAULT_LOAD_LIMITS.maxValues)} values
once YAML aliases are expanded; remote $refs are never fetched.

Environment:
  ${HEAP_VARIABLE}=<MiB>
                  heap limit of the thread that runs openapi-typescript (default: Node's)

Exit codes: 0 success, 1 spec errors, a failed run, stale output or a refused --out, 2 usage errors.
A problem in the config file is a usage error: exit 2, nothing written.`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        config: { type: "string" },
        spec: { type: "string" },
        out: { type: "string" },
        "allow-ref-folder": { type: "string", multiple: true },
        check: { type: "boolean" },
        force: { type: "boolean" },
        "fail-on-breaking": { type: "boolean" },
        base: { type: "string" },
        release: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
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
  const heap = process.env[HEAP_VARIABLE];
  if (heap !== undefined && !/^[1-9]\d{0,5}$/.test(heap)) {
    process.stderr.write(`error: ${HEAP_VARIABLE} must be a whole number of MiB, not ${JSON.stringify(heap)}\n`);
    return 2;
  }
  if (args.release && args.check) {
    process.stderr.write("error: --release writes the release; it cannot go with --check\n");
    return 2;
  }
  const date = args.release ? releaseDate(process.env) : undefined;
  if (typeof date === "object") {
    process.stderr.write(`error: ${date.error}\n`);
    return 2;
  }
  const started = performance.now();
  const loaded = await loadConfig(process.cwd(), args.config);
  for (const d of loaded.diagnostics) process.stderr.write(formatDiagnostic(d, loaded.locate, process.cwd()) + "\n");
  if (loaded.diagnostics.length) {
    process.stderr.write(`${loaded.diagnostics.length} error(s) in the config file; nothing was written.\n`);
    return 2;
  }
  const settings = runSettings(args, loaded.config, process.cwd());
  if ("usage" in settings) {
    process.stderr.write(`error: ${settings.usage}\n`);
    return 2;
  }
  const { specPath, outDir } = settings;
  const refusal = await outDirRefusal(outDir, { specFile: specPath, cwd: process.cwd() });
  if (refusal) {
    process.stderr.write(`error: ${refusal}; nothing was written.\n`);
    return 1;
  }
  // Loaded only for a gate: it brings in the change report, which a plain run loads later, after the types worker has started.
  const gates = args.base !== undefined || args["fail-on-breaking"] ? await import("./gate/index.js") : undefined;
  let base;
  try {
    base = args.base === undefined ? undefined : await gates!.surfaceAtBase(args.base, outDir, process.cwd());
  } catch (error) {
    if (!(error instanceof gates!.GitError)) throw error;
    process.stderr.write(`error: --base: ${error.message}\n`);
    return 2;
  }
  // The types worker starts before the rest of the generator loads (yaml, handlebars and the
  // pipeline: 0.1 to 0.4 s), and loads openapi-typescript meanwhile; `generate` then owns it.
  const types = new TypesJob({ execArgv: profilingFlags(process.execArgv), ...(heap ? { maxHeapMb: Number(heap) } : {}) });
  let result;
  try {
    const { generate } = await import("./pipeline.js");
    result = await generate(specPath, outDir, {
      types,
      allowedFolders: settings.allowedFolders,
      package: settings.package,
      ...(date ? { releaseDate: date } : {}),
    });
  } catch (error) {
    if (error instanceof SpecError) {
      for (const d of error.diagnostics) process.stderr.write(formatDiagnostic(d, error.locate, process.cwd()) + "\n");
      process.stderr.write(`${error.diagnostics.length} error(s); nothing was written.\n`);
      return 1;
    }
    if (error instanceof RunFailure) {
      process.stderr.write(`error: ${error.message}; nothing was written.\n`);
      return 1;
    }
    throw error;
  }
  let plan;
  try {
    plan = await planOutput(outDir, result.files, { force: args.force ?? false });
  } catch (error) {
    if (!(error instanceof OutputRefusal)) throw error;
    process.stderr.write(`error: ${error.message}; nothing was written.\n`);
    return 1;
  }
  const { diff } = plan;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const summary = `${result.model.operations.length} operations, ${plan.files.length} files, ${seconds} s`;
  const { release } = result;
  const gate =
    base !== undefined
      ? gates!.gateReport(base.surface, release.record.surface, `${args.base} (${base.commit.slice(0, 12)})`)
      : gates?.gateReport(release.previous, release.record.surface, "the last generation");
  if (args.check || release.changes.length) process.stdout.write(release.lines.join("\n") + "\n");
  if (gate) process.stdout.write(gate.lines.join("\n") + "\n");
  const blocked = gate?.breaking === true && args["fail-on-breaking"] === true;
  if (args.check) {
    for (const [kind, paths] of Object.entries(diff)) for (const p of paths) process.stderr.write(`${kind}: ${p}\n`);
    if (!isClean(diff)) process.stderr.write(`${outDir} is not in step with the spec: run npm run generate\n`);
    if (blocked) process.stderr.write(`breaking API change (--fail-on-breaking)\n`);
    if (isClean(diff) && !blocked) process.stdout.write(`up to date: ${summary}\n`);
    return isClean(diff) && !blocked ? 0 : 1;
  }
  if (blocked) {
    process.stderr.write(`breaking API change (--fail-on-breaking): nothing was written.\n`);
    return 1;
  }
  if (args.release)
    process.stdout.write(release.released ? `released ${release.version}\n` : `nothing to release: version stays ${release.version}\n`);
  if (!isClean(diff)) {
    try {
      await writeOutput(outDir, plan);
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

exitWith(() => main(process.argv.slice(2)));
