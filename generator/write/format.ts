// Formats emitted files with prettier and a fixed configuration: no config file of the host is
// read, so the output is the same on every machine.
//
// Most generated files are printed in prettier's layout already (emit/layout) and skip this; what
// comes here is the runtime when `npm run build:runtime` builds it, and a README with unusual
// text. Prettier runs in worker threads, started on the first file that needs them (the CLI only
// configures them), so that a run with nothing to format never loads it.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { EmittedFile } from "../emit/file.js";
import { PRETTIER_OPTIONS as OPTIONS } from "../emit/layout/style.js";

function parserFor(path: string): string | undefined {
  if (path.endsWith(".ts")) return "typescript";
  if (path.endsWith(".json")) return "json";
  if (path.endsWith(".md")) return "markdown";
  return undefined;
}

// Plain CommonJS, run without the host's loader flags (tsx). Formatting a line of TypeScript up
// front loads prettier's TypeScript parser before the first real file arrives.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
let prettier, failure;
try { prettier = createRequire(workerData.base)("prettier"); } catch (error) { failure = error; }
const warm = prettier ? prettier.format("export {};\\n", { parser: "typescript" }).catch(() => {}) : undefined;
parentPort.on("message", async ({ id, contents, options }) => {
  await warm;
  try {
    if (failure) throw failure;
    parentPort.postMessage({ id, text: await prettier.format(contents, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String((error && error.message) || error), stack: error && error.stack } });
  }
});
`;

type Reply = { id: number; text: string } | { id: number; error: { message: string; stack?: string } };

interface Job {
  readonly id: number;
  readonly contents: string;
  readonly options: Record<string, unknown>;
  resolve(text: string): void;
  reject(error: Error): void;
}

export interface WorkerStartOptions {
  /** Stop when this run's part is done. */
  readonly once?: boolean;
  /** Node options for the worker threads; none by default (in particular no loader such as tsx). */
  readonly execArgv?: string[];
}

/** One worker per core but one, at most 3: the main thread compiles and the types worker works too. */
const POOL_SIZE = Math.max(1, Math.min(3, availableParallelism() - 1));

class Pool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private size = 0;
  private nextId = 0;
  /** Stop the workers when the run says it is done formatting (a one-shot CLI run). */
  once = false;
  /** Node options for the workers (the CLI passes on profiling flags). */
  execArgv: string[] = [];

  start(): void {
    while (this.size < POOL_SIZE) this.spawn();
  }

  /** Terminates the workers; a later `format` starts new ones. */
  close(): void {
    for (const worker of [...this.idle, ...this.busy.keys()]) void worker.terminate();
  }

  format(contents: string, options: Record<string, unknown>): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, contents, options, resolve, reject });
      this.start();
      this.dispatch();
    });
  }

  private spawn(): void {
    const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: this.execArgv, workerData: { base: import.meta.url } });
    worker.unref(); // an idle pool must not keep the process alive
    this.size++;
    this.idle.push(worker);
    worker.on("message", (reply: Reply) => {
      const job = this.busy.get(worker);
      if (!job || job.id !== reply.id) return;
      this.busy.delete(worker);
      this.idle.push(worker);
      if ("error" in reply) {
        const error = new Error(reply.error.message);
        if (reply.error.stack) error.stack = reply.error.stack;
        job.reject(error);
      } else job.resolve(reply.text);
      this.dispatch();
    });
    const stop = (why: string) => {
      const idleAt = this.idle.indexOf(worker);
      if (idleAt >= 0) this.idle.splice(idleAt, 1);
      else if (!this.busy.has(worker)) return;
      this.size--;
      const error = new Error(`a prettier worker stopped: ${why}`);
      this.busy.get(worker)?.reject(error);
      this.busy.delete(worker);
      // With no worker left, waiting jobs fail too rather than restart one that may stop the same way.
      if (!this.size) for (const job of this.queue.splice(0)) job.reject(error);
    };
    worker.on("error", (error) => stop(error.stack ?? error.message));
    worker.on("exit", (code) => stop(`exit code ${code}`));
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.ref(); // working, it keeps the process alive
      worker.postMessage({ id: job.id, contents: job.contents, options: job.options });
    }
    for (const worker of this.idle) worker.unref();
  }
}

const pool = new Pool();

/**
 * Sets how the prettier workers run, without starting them: they start with the first file that
 * needs formatting (most runs have none: generated modules and package files are printed in
 * prettier's layout already). With `once`, they stop at `doneFormatting`, which frees their memory
 * for the rest of a one-shot run.
 */
export function configureFormatWorkers(options: WorkerStartOptions = {}): void {
  pool.once ||= options.once ?? false;
  pool.execArgv = options.execArgv ?? pool.execArgv;
}

/** Starts the prettier workers ahead of the first `formatFiles`. Idempotent. */
export function startFormatWorkers(options: WorkerStartOptions = {}): void {
  configureFormatWorkers(options);
  pool.start();
}

/** Says that this run formats nothing more: workers started with `once` stop. */
export function doneFormatting(): void {
  if (pool.once) pool.close();
}

/**
 * Formatting results by parser and input, for one run of the pipeline: a batch can start before
 * the rest of the files exist (the runtime's, while the spec loads) and a later call for the same
 * input finds it in flight or done.
 */
export class FormatSession {
  private readonly results = new Map<string, Promise<string>>();

  format(contents: string, parser: string): Promise<string> {
    const key = parser + "\n" + contents;
    let result = this.results.get(key);
    if (!result) this.results.set(key, (result = pool.format(contents, { ...OPTIONS, parser })));
    return result;
  }
}

export interface FormatOptions {
  /** Files to keep as they are. */
  readonly skip?: (file: EmittedFile) => boolean;
  /** Called with each file as soon as it is final. */
  readonly onFormatted?: (file: EmittedFile) => void;
  readonly session?: FormatSession;
}

/** Formats every file, largest first so that the workers finish together. Order is kept. */
export async function formatFiles(files: readonly EmittedFile[], options: FormatOptions = {}): Promise<EmittedFile[]> {
  const { skip = () => false, onFormatted = () => {}, session = new FormatSession() } = options;
  const out = new Array<EmittedFile>(files.length);
  const jobs: { index: number; parser: string; size: number }[] = [];
  files.forEach((file, index) => {
    const parser = parserFor(file.path);
    if (parser && !skip(file)) jobs.push({ index, parser, size: file.contents.length });
    else out[index] = file;
  });
  for (const file of out) if (file) onFormatted(file);
  jobs.sort((a, b) => b.size - a.size);
  await Promise.all(
    jobs.map(async ({ index, parser }) => {
      const file = files[index]!;
      const formatted = { path: file.path, contents: await session.format(file.contents, parser) };
      out[index] = formatted;
      onFormatted(formatted);
    }),
  );
  return out;
}
