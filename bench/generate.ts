// Sections 1, 2 and 6: generate time and peak memory, contenders alternating round by round,
// every run in a fresh child process, medians reported.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Generator } from "./contenders.js";
import { measure, type Measurement } from "./lib/proc.js";
import { median, rotate } from "./lib/stats.js";

export interface GenerateStats {
  readonly generator: Generator;
  readonly runs: Measurement[];
  /** Medians over successful runs. */
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMiB: number;
  readonly minWallMs: number;
  readonly maxWallMs: number;
  readonly error?: string;
}

export interface GenerateOptions {
  readonly runs: number;
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
}

export async function benchGenerate(spec: string, generators: readonly Generator[], options: GenerateOptions): Promise<GenerateStats[]> {
  const cwd = await mkdtemp(join(tmpdir(), "ghbench-cwd-"));
  const runs = new Map<Generator, Measurement[]>(generators.map((g) => [g, []]));
  const failed = new Map<Generator, string>();
  try {
    for (let round = 0; round < options.runs; round++) {
      for (const generator of rotate(generators, round)) {
        if (failed.has(generator)) continue; // a failure is reported once, not retried
        const out = await mkdtemp(join(tmpdir(), "ghbench-out-"));
        const m = await measure({ argv: generator.argv(spec, out), env: generator.env?.(spec, out), cwd, timeoutMs: options.timeoutMs });
        await rm(out, { recursive: true, force: true });
        runs.get(generator)!.push(m);
        if (!m.ok) failed.set(generator, m.error ?? "failed");
        options.log(
          `  round ${round + 1}/${options.runs} ${generator.name.padEnd(24)} ${m.ok ? `${(m.wallMs / 1000).toFixed(2)} s, ${m.maxRssMiB.toFixed(0)} MiB` : `failed: ${m.error}`}`,
        );
      }
    }
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
  return generators.map((generator) => {
    const all = runs.get(generator)!;
    const ok = all.filter((m) => m.ok);
    const walls = ok.map((m) => m.wallMs);
    return {
      generator,
      runs: all,
      wallMs: median(walls),
      cpuMs: median(ok.map((m) => m.cpuMs)),
      maxRssMiB: median(ok.map((m) => m.maxRssMiB)),
      minWallMs: walls.length ? Math.min(...walls) : NaN,
      maxWallMs: walls.length ? Math.max(...walls) : NaN,
      ...(failed.has(generator) ? { error: failed.get(generator)! } : {}),
    };
  });
}
