// src/types.ts: every schema, parameter and response of the spec as TypeScript types, by
// openapi-typescript. Operation modules index into `paths` rather than repeating these types.
//
// A TypesJob owns one worker thread (types-worker.ts) for one document. Started first, the worker
// loads openapi-typescript (with its TypeScript) while this thread loads and checks the spec, and
// transforms while this thread emits the other files. Whatever ends the worker early (out of
// memory, an uncaught error, an exit, `close`) fails the job with a RunFailure that says so.
import { Worker } from "node:worker_threads";
import { GENERATOR_DIR } from "../paths.js";
import { RunFailure } from "../run-failure.js";
import type { EmittedFile } from "./file.js";
import { TS_HEADER } from "./file.js";
import {
  loadTransformFunctions,
  OPENAPI_TYPESCRIPT_VERSION,
  typesWorker,
  type TypesReply,
  type TypesRequest,
  type TypesWorkerData,
} from "./types-worker.js";

/**
 * The worker's program is `typesWorker`, sent as its source text (TypeScript stripped, by tsx or the
 * bundle): plain CommonJS, run without the host's loader flags (tsx), which it does not need.
 */
const WORKER_SOURCE = `const { parentPort, workerData } = require("node:worker_threads");\n(${typesWorker.toString()})(require, parentPort, workerData, ${loadTransformFunctions.toString()});\n`;

export interface TypesJobOptions {
  /** Node options for the thread (the CLI passes on profiling flags); none by default. */
  readonly execArgv?: readonly string[];
  /** Caps the thread's heap, in MiB; V8's default when absent. */
  readonly maxHeapMb?: number;
}

const WHO = "the types worker (openapi-typescript)";

export class TypesJob {
  private readonly worker: Worker;
  private readonly reply: Promise<string>;
  private settle!: { resolve(text: string): void; reject(error: Error): void };
  private settled = false;
  private requested = false;

  constructor(options: TypesJobOptions = {}) {
    const workerData: TypesWorkerData = { base: GENERATOR_DIR, expectedVersion: OPENAPI_TYPESCRIPT_VERSION };
    this.reply = new Promise<string>((resolve, reject) => (this.settle = { resolve, reject }));
    this.reply.catch(() => {}); // reported to whoever awaits the file; a job closed unasked is no error
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData,
      execArgv: [...(options.execArgv ?? [])],
      ...(options.maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb } } : {}),
    });
    // Idle, it must not keep the process alive; waiting for its answer, it does (see `types`).
    this.worker.unref();
    this.worker.on("message", (reply: TypesReply) => this.answer(reply));
    this.worker.on("error", (error: Error & { code?: string }) =>
      this.fail(
        new RunFailure(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? `${WHO} ran out of memory: the spec is too large for it`
            : `${WHO} failed: ${error.message}`,
        ),
      ),
    );
    this.worker.on("exit", (code) => this.fail(new RunFailure(`${WHO} stopped (exit code ${code}) before it answered`)));
  }

  /** src/types.ts for the document. One job transforms one document. */
  types(request: TypesRequest): Promise<EmittedFile> {
    if (this.requested) throw new Error("internal error: a TypesJob transforms one document");
    this.requested = true;
    this.worker.ref();
    this.worker.postMessage(request);
    return this.reply.then((text) => ({ path: "src/types.ts", contents: TS_HEADER + text }));
  }

  /** Stops the worker, which frees its memory; a transform still awaited fails. */
  close(): void {
    this.fail(new RunFailure(`${WHO} was stopped before it answered`));
    void this.worker.terminate();
  }

  private answer(reply: TypesReply): void {
    if ("text" in reply) {
      if (!this.settled) this.settle.resolve(reply.text);
      this.settled = true;
      void this.worker.terminate(); // its one job is done
    } else this.fail(reply.setup ? new RunFailure(reply.error) : new Error(`openapi-typescript failed: ${reply.error}`));
  }

  private fail(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.settle.reject(error);
    this.worker.unref();
  }
}
