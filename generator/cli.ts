// The command line: parses arguments, runs the pipeline, writes or checks the output folder,
// prints one summary line, and sets the exit code (0 done, 1 spec problems, a failed run or stale
// output, 2 usage). With exit-guard.ts, the only module that touches `process`.
import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { CONFIG_NAMES, loadConfig } from "./config/index.js";
import { runSettings, type RunSettings } from "./config/settings.js";
import { formatDiagnostic, SpecError, type Diagnostic, type Locator } from "./diagnostics.js";
import { exitWith } from "./exit-guard.js";
import { releaseDate } from "./gate/release-date.js";
import { TypesJob } from "./emit/types-file.js";
import { DEFAULT_LOAD_LIMITS, formatBytes, formatCount } from "./load/limits.js";
import { DEFAULT_SPEC_TIMEOUT_MS, fetchSpecToFile, isHttpUrl, MAX_REDIRECTS, type FetchedSpec } from "./load/remote.js";
import { RunFailure } from "./run-failure.js";
import { isClean, planOutput, writeOutput } from "./write/output.js";
import { outDirRefusal } from "./write/out-dir.js";
import { OutputRefusal } from "./write/refusal.js";
import { watchAndRun } from "./watch/watch.js";

/** Caps the types worker's heap (MiB): for machines with little memory, and for tests of a worker that runs out of it. */
const HEAP_VARIABLE = "GENERATOR_TYPES_WORKER_HEAP_MB";

const USAGE = `Usage: npm run generate -- [options]

Generates a typed TypeScript client package from an OpenAPI 3.0/3.1 document.

Options:
  --config <file> the config file (default: openapi-client.config.yaml, .yml or .json in the
                  current folder, if there is one); its paths are read from its own folder
  --spec <file or URL>
                  root file of the spec, YAML or JSON (overrides the config's spec); an
                  http(s) URL is read within --spec-timeout and the size limit below, follows
                  at most ${MAX_REDIRECTS} redirects, and must be one bundled document (no $ref to
                  another file)
  --spec-timeout <seconds>
                  how long reading the spec from a URL may take (default ${DEFAULT_SPEC_TIMEOUT_MS / 1000})
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
  --watch         generate, then again whenever the spec (any file it names) or the config
                  file changes; a run that fails writes nothing and the watch goes on;
                  Ctrl-C (or SIGTERM) stops it after the run in progress, with exit code 0
  -h, --help      show this help

Limits on a spec: ${formatBytes(DEFAULT_LOAD_LIMITS.maxFileBytes)} per file, ${DEFAULT_LOAD_LIMITS.maxDepth} levels of nesting, ${formatCount(DEFAULT_LOAD_LIMITS.maxValues)} values
once YAML aliases are expanded; remote $refs are never fetched.

Environment:
  ${HEAP_VARIABLE}=<MiB>
                  heap limit of the thread that runs openapi-typescript (default: Node's)

Exit codes: 0 success, 1 spec errors, a failed run, stale output or a refused --out, 2 usage errors.
A problem in the config file is a usage error: exit 2, nothing written.`;

const OPTIONS = {
  config: { type: "string" },
  spec: { type: "string" },
  "spec-timeout": { type: "string" },
  out: { type: "string" },
  "allow-ref-folder": { type: "string", multiple: true },
  check: { type: "boolean" },
  force: { type: "boolean" },
  "fail-on-breaking": { type: "boolean" },
  base: { type: "string" },
  release: { type: "boolean" },
  watch: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

type Args = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>["values"];

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
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
  if (args.release && args.watch) {
    process.stderr.write("error: --release records one release; it cannot go with --watch\n");
    return 2;
  }
  if (args.watch) return watchRuns(args, heap);
  return generateOnce(args, heap, undefined, date);
}

/** `--watch`: runs until SIGINT or SIGTERM, then exits 0 (usage errors in the flags end it at once). */
async function watchRuns(args: Args, heap: string | undefined): Promise<number> {
  if (args.check) {
    process.stderr.write("error: --watch writes the output on every change; it cannot be used with --check\n");
    return 2;
  }
  if (args.spec !== undefined && isHttpUrl(args.spec)) {
    process.stderr.write("error: --watch needs a spec file: a spec read from a URL cannot be watched\n");
    return 2;
  }
  const cwd = process.cwd();
  const always = args.config !== undefined ? [resolve(cwd, args.config)] : CONFIG_NAMES.map((name) => join(cwd, name));
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  await watchAndRun({
    always,
    stop: stop.signal,
    log: (line) => process.stderr.write(line + "\n"),
    run: (onRead) => generateOnce(args, heap, onRead),
  });
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
  return 0;
}

/** One run: config, settings, the spec (downloaded first when it is a URL), generate, write or check. */
async function generateOnce(args: Args, heap: string | undefined, onRead?: (path: string) => void, date?: string): Promise<number> {
  const started = performance.now();
  const loaded = await loadConfig(process.cwd(), args.config);
  for (const d of loaded.diagnostics) process.stderr.write(formatDiagnostic(d, loaded.locate, process.cwd()) + "\n");
  if (loaded.diagnostics.length) {
    process.stderr.write(`${loaded.diagnostics.length} error(s) in the config file; nothing was written.\n`);
    return 2;
  }
  if (loaded.config) onRead?.(loaded.config.file);
  const settings = runSettings(args, loaded.config, process.cwd());
  if ("usage" in settings) {
    process.stderr.write(`error: ${settings.usage}\n`);
    return 2;
  }
  if (args.watch && settings.specUrl) {
    process.stderr.write(`error: --watch needs a spec file: a spec read from a URL (spec: in ${loaded.config?.file}) cannot be watched\n`);
    return 2;
  }
  let fetched: FetchedSpec | undefined;
  if (settings.specUrl) {
    const download = await fetchSpecToFile(settings.specUrl, {
      maxBytes: DEFAULT_LOAD_LIMITS.maxFileBytes,
      timeoutMs: settings.specTimeoutMs,
    });
    if ("problem" in download) {
      process.stderr.write(`error: ${download.problem}; nothing was written.\n`);
      return 1;
    }
    fetched = download;
  }
  try {
    return await generateFrom(fetched?.file ?? settings.specPath!, settings, args, { heap, started, fetched, onRead, date });
  } finally {
    await fetched?.dispose();
  }
}

interface RunContext {
  readonly heap: string | undefined;
  readonly started: number;
  /** Set when the spec was read from a URL: its temporary file is shown as the URL. */
  readonly fetched: FetchedSpec | undefined;
  readonly onRead: ((path: string) => void) | undefined;
  /** The release date, with --release. */
  readonly date: string | undefined;
}

async function generateFrom(
  specPath: string,
  settings: RunSettings,
  args: Args,
  { heap, started, fetched, onRead, date }: RunContext,
): Promise<number> {
  const { outDir } = settings;
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
      allowedFolders: fetched ? [] : settings.allowedFolders,
      package: settings.package,
      identity: settings.identity,
      ...(fetched ? { singleDocument: true } : {}),
      ...(onRead ? { onRead } : {}),
      ...(date ? { releaseDate: date } : {}),
    });
  } catch (error) {
    if (error instanceof SpecError) {
      for (const d of error.diagnostics) {
        process.stderr.write(formatDiagnostic(fetched ? atUrl(d, error.locate, fetched) : d, error.locate, process.cwd()) + "\n");
      }
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
  // Another author may own that name on npm, and the README tells users to install it.
  if (result.nameFromTitle) {
    const name = result.nameFromTitle;
    process.stderr.write(
      `note: the package is named ${name} after the API's title; before publishing, set package.name in the config (a scope such as @you/${name} is yours)\n`,
    );
  }
  return 0;
}

/** A problem in a downloaded spec's temporary file, told at the spec's URL (positioned first, since the locator knows only the file). */
function atUrl(d: Diagnostic, locate: Locator, fetched: FetchedSpec): Diagnostic {
  if (d.location.file !== fetched.file) return d;
  return { ...d, location: { ...d.location, file: fetched.shownAs }, position: d.position ?? locate(d.location) };
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
