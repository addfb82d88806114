// Type-checks several generated packages in one `tsc --strict` program (one compiler start and one
// read of lib.dom for the batch, instead of one per package), then gives each package its errors
// back by path: each package sits in its own numbered folder under the batch folder.
import { writeFile } from "node:fs/promises";
import { join, sep } from "node:path";
import { runChild } from "./lib/child.js";

const TSC = new URL("../node_modules/typescript/bin/tsc", import.meta.url).pathname;
/** A batch of ten packages takes a few seconds; this is only for a compiler that never ends. */
const TSC_TIMEOUT_MS = 10 * 60_000;

/**
 * `folders` are the packages' folders, each `<batchDir>/<name>`; returns each one's errors (empty
 * when it compiles). The options are those of a strict consumer on Node, as in the tests
 * (test/generator/strict-program.ts).
 */
export async function typeCheckBatch(batchDir: string, folders: readonly string[]): Promise<Map<string, string[]>> {
  const errors = new Map<string, string[]>(folders.map((folder) => [folder, []]));
  if (!folders.length) return errors;
  const config = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      module: "NodeNext",
      moduleResolution: "NodeNext",
      target: "ES2022",
      lib: ["ES2022", "DOM"],
      types: [],
    },
    include: folders.map((folder) => `${relativeName(batchDir, folder)}/src/**/*.ts`),
  };
  await writeFile(join(batchDir, "tsconfig.json"), JSON.stringify(config));
  const run = await runChild([process.execPath, "--max-old-space-size=4096", TSC, "-p", "tsconfig.json", "--pretty", "false"], {
    cwd: batchDir,
    timeoutMs: TSC_TIMEOUT_MS,
  });
  const lines = run.stdout.split("\n").filter((line) => line.trim() !== "");
  if (run.timedOut || (run.code !== 0 && !lines.length)) {
    const why = run.timedOut ? "tsc did not finish within the time limit" : `tsc failed: ${run.stderr.split("\n")[0] ?? run.code}`;
    for (const list of errors.values()) list.push(why);
    return errors;
  }
  // Continuation lines of a message are indented; each error's first line names its file.
  for (const line of lines.filter((l) => !/^\s/.test(l))) {
    const owner = folders.find((folder) => line.startsWith(relativeName(batchDir, folder) + "/"));
    // An error outside every package (the batch's own config) belongs to all of them.
    for (const [folder, list] of errors) if (!owner || owner === folder) list.push(line);
  }
  return errors;
}

function relativeName(batchDir: string, folder: string): string {
  return folder.slice(batchDir.length + sep.length);
}
