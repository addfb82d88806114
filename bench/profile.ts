// Summarizes V8 .cpuprofile files (from `node --cpu-prof`): self time by package or module, and by
// function, top 15 each; one profile per thread (main, the types worker, tsx's loader thread).
//
//   npx tsx bench/profile.ts --spec node_modules/@octokit/openapi/generated/api.github.com.json
//     runs `node --cpu-prof generator/bin.mjs --spec … --out <tmp>` and summarizes it
//   npx tsx bench/profile.ts --root ../before --spec …
//     the same for another checkout (e.g. `git worktree add ../before <commit>`, node_modules linked)
//   npx tsx bench/profile.ts bench/.work/prof/*.cpuprofile
//     summarizes profiles made by hand
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface Row {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

export interface Summary {
  readonly totalMs: number;
  readonly byPackage: Row[];
  readonly byFunction: Row[];
}

/** Package (`typescript`, `@redocly/openapi-core`), our module (`generator/emit/compile.ts`), or a V8 bucket. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node:" + (url.slice(5).startsWith("internal/modules") ? "internal/modules (loader)" : "internal");
  const path = url.startsWith("file:") ? safePath(url) : url;
  // npm run generate runs the generator bundled into node_modules/.cache (generator/bin.mjs).
  if (path.includes("/node_modules/.cache/actions-client-generator/")) return "generator (bundled)";
  const nm = path.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = path.slice(nm + "/node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const gen = path.search(/\/(generator|bench|generated)\//);
  return gen >= 0 ? path.slice(gen + 1) : path;
}

function safePath(url: string): string {
  try {
    return fileURLToPath(url);
  } catch {
    return url;
  }
}

/** Self time in µs by package and by function, before ranking. */
interface Totals {
  readonly pkg: Map<string, number>;
  readonly fn: Map<string, number>;
}

function totals(profile: CpuProfile, into: Totals = { pkg: new Map(), fn: new Map() }): Totals {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // timeDeltas[i] is the time before sample i; the time a sample stands for is the next delta.
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    if (!node) continue;
    const us = deltas[i + 1] ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const p = packageOf(url, functionName);
    into.pkg.set(p, (into.pkg.get(p) ?? 0) + us);
    const f = url ? `${functionName || "(anonymous)"} ${p}:${lineNumber + 1}` : functionName || "(anonymous)";
    into.fn.set(f, (into.fn.get(f) ?? 0) + us);
  }
  return into;
}

function rank(t: Totals, top: number, exclude: ReadonlySet<string> = new Set()): Summary {
  let total = 0;
  for (const [name, us] of t.pkg) if (!exclude.has(name)) total += us;
  const rows = (m: Map<string, number>): Row[] =>
    [...m]
      .filter(([name]) => !exclude.has(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: total ? us / total : 0 }));
  return { totalMs: total / 1000, byPackage: rows(t.pkg), byFunction: rows(t.fn) };
}

/** All threads together, idle time left out: where the CPU went. */
export function summarizeBusy(profiles: readonly CpuProfile[], top = 15): Summary {
  const t: Totals = { pkg: new Map(), fn: new Map() };
  for (const p of profiles) totals(p, t);
  return rank(t, top, new Set(["(idle)"]));
}

export function summarize(profile: CpuProfile, top = 15): Summary {
  return rank(totals(profile), top);
}

export function formatSummary(title: string, s: Summary): string {
  const table = (heading: string, rows: readonly Row[]) =>
    [
      `| ${heading} | self ms | share |`,
      "|---|---:|---:|",
      ...rows.map((r) => `| \`${r.name.replaceAll("|", "\\|")}\` | ${r.ms.toFixed(0)} | ${(r.share * 100).toFixed(1)}% |`),
    ].join("\n");
  return [
    `### ${title} (${s.totalMs.toFixed(0)} ms sampled)`,
    "",
    table("package / module", s.byPackage),
    "",
    table("function", s.byFunction),
    "",
  ].join("\n");
}

/** Which thread a profile is of, from what ran in it. */
export function threadOf(file: string, s: Summary): string {
  const tid = /\.\d+\.(\d+)\.\d+\.cpuprofile$/.exec(basename(file))?.[1];
  if (tid === "0") return "main thread";
  const names = s.byPackage.map((r) => r.name);
  if (names.includes("openapi-typescript") || names.includes("@redocly/openapi-core")) return "types worker (openapi-typescript)";
  if (names.includes("tsx")) return "tsx loader thread";
  return `thread ${tid ?? "?"}`;
}

/** Runs the generator of `root` under --cpu-prof; returns the profile files, main thread first. */
export function profileGenerate(spec: string, dir: string, root = fileURLToPath(new URL("../", import.meta.url))): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const out = mkdtempSync(join(tmpdir(), "ghbench-prof-out-"));
  try {
    execFileSync(
      process.execPath,
      ["--cpu-prof", "--cpu-prof-dir", dir, join(root, "generator/bin.mjs"), "--spec", resolve(spec), "--out", out],
      { cwd: root, stdio: "inherit" },
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .sort()
    .map((f) => join(dir, f));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const spec = option("--spec");
  const root = option("--root");
  const files = spec ? profileGenerate(spec, fileURLToPath(new URL("./.work/prof/", import.meta.url)), root && resolve(root)) : args;
  if (!files.length) {
    process.stderr.write("usage: tsx bench/profile.ts --spec <spec> | <file.cpuprofile>…\n");
    process.exit(2);
  }
  const profiles = files.map((file) => JSON.parse(readFileSync(file, "utf8")) as CpuProfile);
  process.stdout.write(formatSummary(`all threads, busy time (idle left out)`, summarizeBusy(profiles)) + "\n");
  profiles.forEach((profile, i) => {
    const summary = summarize(profile);
    process.stdout.write(formatSummary(`${threadOf(files[i]!, summary)}: ${basename(files[i]!)}`, summary) + "\n");
  });
}
