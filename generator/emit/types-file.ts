// src/types.ts: every schema, parameter and response of the spec as TypeScript types, by
// openapi-typescript. Operation modules index into `paths` rather than repeating these types.
//
// openapi-typescript (with its TypeScript 5.9) runs in a worker thread, for speed: the worker
// loads it while the main thread loads the rest and reads the spec (`startTypesWorker`), and works
// while the main thread emits the other files. `emitTypes` answers at once with a pending file;
// `settle` waits for it. The worker gets its own copy of the document, which openapi-typescript
// is free to rewrite: a clone by postMessage, or for a one-file JSON spec its own parse of the
// file, started before the main thread has checked it (`speculateTypes`).
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { WorkerStartOptions } from "../write/format.js";
import type { EmittedFile } from "./file.js";
import { TS_HEADER } from "./file.js";

// The worker is plain CommonJS, run without the host's loader flags (tsx): `require` loads
// openapi-typescript's CommonJS build and TypeScript without ESM translation or format detection.
//
// It calls openapi-typescript's document transform directly, with the context its `openapiTS()`
// would build for these options, rather than `openapiTS()` itself: that entry point first runs
// Redocly over the document (parse, lint with the "minimal" rules, bundle), which on GitHub's full
// description took a seventh of the run and a copy of the document in memory. Our document is
// already bundled (internal refs only) and checked by generator/check. The files named here are
// openapi-typescript 7.13's (pinned in package.json); test/generator covers the output.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
// With \`alphabetize\`, openapi-typescript sorts every object's keys with
// \`a.localeCompare(b, "en-us", { numeric: true })\`, which builds a new collator per comparison:
// on GitHub's full description that was a fifth of this thread's time. In this thread only, that
// exact call uses one collator made once, which compares the same way; other calls are untouched.
const localeCompare = String.prototype.localeCompare;
const collator = new Intl.Collator("en-us", { numeric: true });
String.prototype.localeCompare = function (that, locales, options) {
  const sameCollation = locales === "en-us" && options && options.numeric === true && Object.keys(options).length === 1;
  return sameCollation ? collator.compare(String(this), String(that)) : localeCompare.call(this, that, locales, options);
};
let lib;
try {
  const load = createRequire(workerData.base);
  lib = {
    transform: load("openapi-typescript/dist/transform/index.cjs"),
    utils: load("openapi-typescript/dist/lib/utils.cjs"),
    ts: load("openapi-typescript/dist/lib/ts.cjs"),
  };
} catch (error) { lib = error; }
function context(document) {
  const options = { silent: true, alphabetize: true, defaultNonNullable: false };
  return {
    additionalProperties: false, alphabetize: true, arrayLength: false, defaultNonNullable: false,
    discriminators: lib.utils.scanDiscriminators(document, options),
    emptyObjectsUnknown: false, enum: false, enumValues: false, conditionalEnums: false, dedupeEnums: false,
    excludeDeprecated: false, exportType: false, immutable: false, rootTypes: false,
    rootTypesNoSchemaPrefix: false, rootTypesKeepCasing: false, injectFooter: [], pathParamsAsTypes: false,
    postTransform: undefined, propertiesRequiredByDefault: false, silent: true, inject: undefined,
    transform: undefined, transformProperty: undefined, makePathsEnum: false, generatePathParams: false,
    readWriteMarkers: false,
    resolve($ref) { return lib.utils.resolveRef(document, $ref, { silent: true }); },
  };
}
function transform(document) {
  try {
    if (lib instanceof Error) throw lib;
    return { text: lib.ts.astToString(lib.transform(document, context(document))) };
  } catch (error) {
    return { error: { message: String((error && error.message) || error), stack: error && error.stack } };
  }
}
// A JSON spec is read and transformed here as soon as its path is known, while the main thread
// loads and checks the same file. When the main thread's document is exactly JSON.parse of a text
// (one file, internal refs only), it sends that text: the result made from the same text is used,
// and any other text (the file changed in between, another run) is parsed and transformed here.
const speculations = new Map();
parentPort.on("message", (message) => {
  if (message.kind === "speculate") {
    let text;
    try { text = require("node:fs").readFileSync(message.path, "utf8"); } catch { return; }
    let document;
    try { document = JSON.parse(text); } catch { return; }
    speculations.set(message.path, { text, reply: transform(document) });
    return;
  }
  const { document, json, port, done } = message;
  let reply;
  if (!json) reply = transform(document);
  else {
    const guess = speculations.get(json.file);
    speculations.delete(json.file);
    reply = guess && guess.text === json.text ? guess.reply : transform(JSON.parse(json.text));
  }
  port.postMessage(reply);
  port.close();
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
});
`;

type Reply = { text: string } | { error: { message: string; stack?: string } };

let worker: Worker | undefined;
/** Terminate the worker once it has answered (a one-shot CLI run frees its memory for the rest). */
let once = false;
/** Jobs sent to the worker and not answered yet: failed if the worker stops. */
const pending = new Set<PendingFile>();

/**
 * Starts the worker (loading openapi-typescript) ahead of the first `emitTypes`. Idempotent. With
 * `once`, it stops after its first answer.
 */
export function startTypesWorker(options: WorkerStartOptions = {}): void {
  once ||= options.once ?? false;
  if (worker) return;
  const started = new Worker(WORKER_SOURCE, { eval: true, execArgv: options.execArgv ?? [], workerData: { base: import.meta.url } });
  // Idle, it must not keep the process alive; a pending job's port does.
  started.unref();
  const stop = (why: string) => {
    if (worker === started) worker = undefined;
    for (const job of pending) job.deliver({ error: { message: `the openapi-typescript worker stopped: ${why}` } });
  };
  started.on("error", (error) => stop(error.stack ?? error.message));
  started.on("exit", (code) => stop(`exit code ${code}`));
  worker = started;
}

/** A file whose contents a worker is still producing. Reading `contents` early waits for it. */
export class PendingFile implements EmittedFile {
  private result: Reply | undefined;
  private finished: EmittedFile | undefined;
  private resolve!: (reply: Reply) => void;
  private readonly ready: Promise<EmittedFile>;

  constructor(
    readonly path: string,
    private readonly port: MessagePort,
    private readonly done: Int32Array,
    private readonly wrap: (text: string) => string,
  ) {
    this.ready = new Promise<Reply>((resolve) => (this.resolve = resolve)).then((reply) => this.file(reply));
    this.ready.catch(() => {}); // reported to whoever settles or reads the file, not as unhandled
    port.once("message", (reply: Reply) => this.deliver(reply));
    pending.add(this);
  }

  /** The finished file, without blocking the event loop. */
  settled(): Promise<EmittedFile> {
    return this.ready;
  }

  get contents(): string {
    if (!this.result) {
      Atomics.wait(this.done, 0, 0);
      const message = receiveMessageOnPort(this.port);
      if (message) this.deliver(message.message as Reply);
    }
    return this.file(this.result!).contents;
  }

  deliver(reply: Reply): void {
    if (this.result) return;
    this.result = reply;
    pending.delete(this);
    this.port.close();
    if (once && !pending.size && worker) void worker.terminate();
    this.resolve(reply);
  }

  private file(reply: Reply): EmittedFile {
    if (this.finished) return this.finished;
    if ("error" in reply) {
      const error = new Error(reply.error.message);
      if (reply.error.stack) error.stack = reply.error.stack;
      throw error;
    }
    return (this.finished = { path: this.path, contents: this.wrap(reply.text) });
  }
}

/**
 * Starts transforming a JSON spec file in the worker before it is loaded and checked here; the
 * result is used if `emitTypes` then says the document is that file unchanged.
 */
export function speculateTypes(specFile: string): void {
  if (!specFile.endsWith(".json")) return;
  startTypesWorker();
  worker!.postMessage({ kind: "speculate", path: specFile });
}

/** A document's JSON file and text, when the document is exactly JSON.parse of that text. */
export interface PlainJson {
  readonly file: string;
  readonly text: string;
}

/** src/types.ts for a document; `json`: the text it is exactly the parse of, if so (cheaper to send). */
export function emitTypes(document: Record<string, unknown>, json?: PlainJson): Promise<EmittedFile> {
  startTypesWorker();
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  // A text is copied into the worker much faster than a document is cloned.
  const message = json ? { kind: "emit", json: { file: json.file, text: json.text }, document: null } : { kind: "emit", document };
  worker!.postMessage({ ...message, port: port2, done }, [port2]);
  return Promise.resolve(new PendingFile("src/types.ts", port1, done, (text) => TS_HEADER + text));
}

/** The files with every pending one finished. */
export function settle(files: readonly EmittedFile[]): Promise<EmittedFile[]> {
  return Promise.all(files.map((f) => (f instanceof PendingFile ? f.settled() : f)));
}
