// The watch loop's bounds, in process with a stand-in for the generator: changes during a run
// queue exactly one more run (never one per change), runs never overlap, a file that a run stops
// reading is no longer watched, and stopping waits for the run in progress.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchAndRun } from "../../generator/watch/watch.js";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "watch-loop-"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `done` or 10 s. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 20) {
    if (waited > 10_000) throw new Error("timed out");
    await sleep(20);
  }
}

describe("watchAndRun", () => {
  it("queues one run for many changes during a run, never overlaps runs, and stops after the run in progress", async () => {
    const spec = join(dir, "spec.yaml");
    writeFileSync(spec, "a");
    const events: string[] = [];
    let active = 0;
    let release: (() => void) | undefined;
    const stop = new AbortController();
    const lines: string[] = [];
    const watching = watchAndRun({
      always: [],
      stop: stop.signal,
      log: (line) => lines.push(line),
      debounceMs: 10,
      run: async (onRead) => {
        onRead(spec);
        active++;
        events.push(`start ${active}`);
        await new Promise<void>((resolve) => (release = resolve));
        events.push("end");
        active--;
        return 0;
      },
    });
    await until(() => events.length === 1);
    release!(); // the first run ends: the file is watched from now on
    await until(() => lines.length === 1);

    writeFileSync(spec, "b");
    await until(() => events.length === 3); // the second run started
    for (const text of ["c", "d", "e", "f"]) {
      writeFileSync(spec, text); // during the run
      await sleep(30);
    }
    release!();
    await until(() => events.length === 5); // exactly one more run
    await sleep(100);
    expect(events.length).toBe(5);

    stop.abort(); // during the third run: watchAndRun waits for it
    let stopped = false;
    void watching.then(() => (stopped = true));
    await sleep(50);
    expect(stopped).toBe(false);
    release!();
    await watching;
    expect(events).toEqual(["start 1", "end", "start 1", "end", "start 1", "end"]);

    writeFileSync(spec, "after the stop");
    await sleep(100);
    expect(events.length).toBe(6);
  });

  it("follows the files of the last run: a file no longer read is no longer watched", async () => {
    const [first, second] = [join(dir, "one.yaml"), join(dir, "two.yaml")];
    writeFileSync(first, "1");
    writeFileSync(second, "2");
    let runs = 0;
    const stop = new AbortController();
    const watching = watchAndRun({
      always: [],
      stop: stop.signal,
      log: () => {},
      debounceMs: 10,
      run: (onRead) => {
        onRead(++runs === 1 ? first : second);
        return Promise.resolve(1); // a failed run: watched the same
      },
    });
    await until(() => runs === 1);
    await sleep(50);
    writeFileSync(first, "1 again");
    await until(() => runs === 2);
    await sleep(50);
    writeFileSync(first, "not read any more");
    await sleep(150);
    expect(runs).toBe(2);
    writeFileSync(second, "read");
    await until(() => runs === 3);
    stop.abort();
    await watching;
  });
});
