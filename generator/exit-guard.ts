// How the CLI ends. Node exits as soon as its event loop is empty, even while a promise is still
// unsettled (a worker lost without a word, a callback never called), and then with exit code 0 as
// if the job had been done. Here the exit code is 1 until the run settles, and such an exit says so.
import { writeSync } from "node:fs";

/** Runs `main` and exits with the code it resolves to; 70 with the stack when it throws. */
export function exitWith(main: () => Promise<number>): void {
  let settled = false;
  process.exitCode = 1;
  process.on("exit", () => {
    if (!settled) writeSync(2, "error: the run stopped before it finished (a worker or a pending step was lost)\n");
  });
  main().then(
    (code) => {
      settled = true;
      process.exit(code);
    },
    (error: unknown) => {
      settled = true;
      process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(70);
    },
  );
}
