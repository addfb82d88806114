// Runs one command in a fresh child process and measures it: wall time (here), peak RSS and CPU
// time (from GNU time, or from a preload that reports the process's own resource usage when
// /usr/bin/time is missing; every contender is a `node` command).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";

export interface Measurement {
  readonly ok: boolean;
  readonly wallMs: number;
  /** user + system CPU, all threads. */
  readonly cpuMs: number;
  readonly maxRssMiB: number;
  /** Why it failed: the first telling line of stderr, or the timeout. */
  readonly error?: string;
}

export interface Command {
  /** `node` and its arguments. */
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

const GNU_TIME = "/usr/bin/time";
const PRELOAD = new URL("./rusage-preload.mjs", import.meta.url).href;

export async function measure(command: Command): Promise<Measurement> {
  const scratch = await mkdtemp(join(tmpdir(), "ghbench-time-"));
  const report = join(scratch, "rusage");
  const [node, ...args] = command.argv;
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ["-f", "%e %M %U %S", "-o", report, node!, ...args]] : [node!, ["--import", PRELOAD, ...args]];
  const started = performance.now();
  const child = spawn(file, argv, {
    cwd: command.cwd,
    env: { ...process.env, ...command.env, BENCH_RUSAGE_FILE: report, NO_COLOR: "1", FORCE_COLOR: "0" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    if (stderr.length < 65_536) stderr += chunk;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
  }, command.timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
  const wallMs = performance.now() - started;
  clearTimeout(timer);
  const usage = (await readFile(report, "utf8").catch(() => "")).trim().split(/\s+/).map(Number);
  await rm(scratch, { recursive: true, force: true });
  // GNU time: "%e %M %U %S" (s, KiB, s, s); preload: "maxRSS-KiB userMs systemMs".
  const [maxRssKiB, cpuMs] = useTime
    ? [usage[1] ?? NaN, ((usage[2] ?? NaN) + (usage[3] ?? NaN)) * 1000]
    : [usage[0] ?? NaN, (usage[1] ?? NaN) + (usage[2] ?? NaN)];
  const base = { wallMs, cpuMs, maxRssMiB: maxRssKiB / 1024 };
  if (timedOut) return { ...base, ok: false, error: `timed out after ${Math.round(command.timeoutMs / 1000)} s` };
  if (code !== 0) return { ...base, ok: false, error: `exit ${code}: ${reason(stderr)}` };
  return { ...base, ok: true };
}

/** The first line of stderr that says what went wrong, without colours; else the first line. */
export function reason(stderr: string): string {
  const lines = stripVTControlCharacters(stderr)
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("Command exited with non-zero status"));
  const telling = lines.find((l) => /error|fail|cannot|invalid|unsupported|not allowed|✘|🛑/i.test(l));
  return (telling ?? lines[0] ?? "no output").slice(0, 200);
}
