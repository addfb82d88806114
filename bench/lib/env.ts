// The machine a result was measured on.
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";

export interface Environment {
  readonly date: string;
  readonly node: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly platform: string;
}

export function environment(): Environment {
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    node: process.version,
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform}-${process.arch}`,
  };
}

/** 1-minute load average: other work on the machine inflates wall times. */
export function load(): string {
  return loadavg()[0]!.toFixed(2);
}
