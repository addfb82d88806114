// Runs the generator's CLI the way `npm run generate` does, in a child process, for the CLI tests;
// and takes a snapshot of a folder, to show that a failed run left it as it was.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");
/** At most this many CLIs at once: each is CPU-bound while it loads, and the machine has 2 cores. */
const PARALLEL_RUNS = 2;
/** Per test, counting the wait for a free slot: every CLI run loads the whole generator (~4 s of CPU). */
export const CLI_TIMEOUT_MS = 300_000;
/** One CLI run that takes longer than this has hung: it is killed, and its test fails. */
const CHILD_TIMEOUT_MS = 120_000;

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let running = 0;
const waiting: (() => void)[] = [];

export interface CliOptions {
  /** A shell command run before the CLI, in the same shell (`ulimit -f 8`). */
  readonly shell?: string;
  /** Options for node itself, such as `--max-old-space-size=256`. */
  readonly node?: readonly string[];
  /** Variables added to the environment (HOME). */
  readonly env?: Readonly<Record<string, string>>;
  /** The folder it runs in (default: the project root). */
  readonly cwd?: string;
}

/** Runs `node generator/bin.mjs ...args` (what `npm run generate` runs), from the project root unless told. */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  if (running < PARALLEL_RUNS) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve)); // a finishing run hands its slot over
  try {
    return await spawnCli(args, options);
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function spawnCli(args: readonly string[], { shell, node = [], env = {}, cwd = ROOT }: CliOptions): Promise<CliResult> {
  const command = [process.execPath, ...node, join(ROOT, "generator/bin.mjs"), ...args];
  const [file, argv] = shell ? ["/bin/sh", ["-c", `${shell}; exec "$@"`, "sh", ...command]] : [command[0]!, command.slice(1)];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: CHILD_TIMEOUT_MS,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Every file and folder under `dir`, with a hash of each file's bytes. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const key = relative(dir, path);
    out[key] = entry.isFile() ? createHash("sha256").update(readFileSync(path)).digest("hex") : entry.isDirectory() ? "dir" : "other";
  }
  return out;
}

/** A stack frame line, as Node prints them. */
export const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;
