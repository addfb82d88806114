// Loaded with `node --import` when /usr/bin/time is missing: on exit, writes this process's peak
// RSS (KiB) and CPU time (ms) to $BENCH_RUSAGE_FILE. Worker threads are part of the process.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const file = process.env.BENCH_RUSAGE_FILE;
  if (!file) return;
  const usage = process.resourceUsage();
  writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime / 1000} ${usage.systemCPUTime / 1000}\n`);
});
