// `generate --watch`: runs the generator, then again each time one of the files it read changes
// (the spec's root file, every file its $refs name, the config file). Bounded: changes are
// debounced, one run at a time, and changes during a run queue exactly one more run. A run that
// fails has printed its errors and written nothing, so the last good output stays. Stopping
// waits for the run in progress, so no output is left half-written, then closes every watcher.
import { watch, type FSWatcher } from "node:fs";
import { dirname, join } from "node:path";

/** Quiet time after the last change before a run: an editor's save is often several events. */
export const DEBOUNCE_MS = 150;

export interface WatchOptions {
  /** One run of the generator; tells `onRead` every file it read (or tried to). Resolves to its exit code. */
  readonly run: (onRead: (path: string) => void) => Promise<number>;
  /** Files watched whatever the runs read: the config file, or the names one would have. */
  readonly always: readonly string[];
  /** Aborted to stop: the run in progress ends first. */
  readonly stop: AbortSignal;
  readonly log: (line: string) => void;
  readonly debounceMs?: number;
}

/** Resolves when stopped. */
export async function watchAndRun({ run, always, stop, log, debounceMs = DEBOUNCE_MS }: WatchOptions): Promise<void> {
  const watchers = new Map<string, FSWatcher>();
  let files = new Set<string>(always);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let queued = false;
  let wake: (() => void) | undefined;

  const changed = () => {
    if (stop.aborted) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) queued = true;
      else running = runOnce();
    }, debounceMs);
  };

  // Folders are watched, not files: an editor that saves by renaming a new file into place
  // replaces the file a watcher was on. Events are kept for the files that matter.
  const follow = (next: Set<string>) => {
    files = next;
    const folders = new Set([...next].map((f) => dirname(f)));
    for (const [folder, watcher] of watchers) {
      if (folders.has(folder)) continue;
      watcher.close();
      watchers.delete(folder);
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, { persistent: true }, (_event, name) => {
          if (name === null || files.has(join(folder, name.toString()))) changed();
        });
        watcher.on("error", () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch {
        // A folder that does not exist (a $ref to a missing folder): nothing there to wait for.
      }
    }
  };

  let first = true;
  const runOnce = async (): Promise<void> => {
    if (!first) log("a watched file changed: regenerating");
    first = false;
    const read = new Set<string>(always);
    let code: number;
    try {
      code = await run((path) => read.add(path));
    } catch (error) {
      code = 70;
      log(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
    // A run that stopped before reading the spec (a broken config) keeps the files watched so far.
    follow(read.size > always.length ? read : new Set([...files, ...read]));
    log(
      code === 0
        ? `watching ${plural(files.size, "file")}; regenerating on change (Ctrl-C stops)`
        : `the last good output is unchanged; watching ${plural(files.size, "file")} for a fix (Ctrl-C stops)`,
    );
    running = undefined;
    if (queued && !stop.aborted) {
      queued = false;
      running = runOnce();
    } else if (stop.aborted) wake?.();
  };

  const stopped = new Promise<void>((resolve) => (wake = resolve));
  stop.addEventListener("abort", () => {
    clearTimeout(timer);
    queued = false;
    if (!running) wake?.();
  });
  running = runOnce();
  await stopped;
  await running;
  for (const watcher of watchers.values()) watcher.close();
  watchers.clear();
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
