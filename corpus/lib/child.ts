// Runs one command in its own process group with a time limit, keeping the first 64 KiB of its
// stdout and stderr: a generator that hangs or floods its output must not stall the corpus run.
import { spawn } from "node:child_process";

export interface ChildResult {
  /** null when it was killed (time limit or signal). */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
}

const KEEP_BYTES = 65_536;

export async function runChild(argv: readonly string[], options: { cwd: string; timeoutMs: number }): Promise<ChildResult> {
  const [file, ...args] = argv;
  const started = performance.now();
  const child = spawn(file!, args, {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own group, so that the time limit also kills its workers' children
  });
  const out = { stdout: "", stderr: "" };
  for (const stream of ["stdout", "stderr"] as const) {
    child[stream].setEncoding("utf8").on("data", (chunk: string) => {
      if (out[stream].length < KEEP_BYTES) out[stream] += chunk.slice(0, KEEP_BYTES - out[stream].length);
    });
  }
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
  }, options.timeoutMs);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.on("error", () => resolve([null, null]));
    child.on("close", (c, s) => resolve([c, s]));
  });
  clearTimeout(timer);
  return { code, signal, timedOut, ...out, wallMs: performance.now() - started };
}
