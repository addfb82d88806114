// `npm run bench [-- --quick | --full | --only=calls,bundle]`: every section, contenders
// side by side in one run, printed and written to bench/RESULTS.md.
//
//   --quick   fewer runs (3 generate runs, 3 call batches): a smoke run
//   --full    also the 10× synthetic description (section 6; several minutes)
//   --only=a,b  sections to run: local, github, calls, paginate, bundle, seams, growth
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchBundle } from "./bundle.js";
import { benchCalls } from "./calls.js";
import { heyApi, openapiTypescript, orval, ours, type Generator } from "./contenders.js";
import { benchGenerate, type GenerateStats } from "./generate.js";
import { environment, load } from "./lib/env.js";
import { GITHUB_SPEC, LOCAL_SPEC, ROOT } from "./lib/paths.js";
import { fixed, ratio, verdict } from "./lib/stats.js";
import { renderSection, type Section } from "./lib/table.js";
import { benchPaginate } from "./paginate.js";
import { prepareHeyClient, type HeyClient } from "./peers.js";
import { benchSeamBundles, benchSeamCalls, topContributors } from "./seams.js";
import { writeSyntheticSpec } from "./synthetic.js";

const SECTIONS = ["local", "github", "calls", "paginate", "bundle", "seams", "growth"] as const;
type SectionName = (typeof SECTIONS)[number];

interface Target {
  readonly what: string;
  readonly goal: string;
  readonly measured: string;
  readonly ok: boolean | undefined;
}

const { values: args } = parseArgs({
  options: { quick: { type: "boolean" }, full: { type: "boolean" }, only: { type: "string" } },
  strict: true,
});
const quick = args.quick ?? false;
const wanted = new Set<SectionName>(
  args.only ? (args.only.split(",").map((s) => s.trim()) as SectionName[]) : SECTIONS.filter((s) => s !== "growth" || args.full),
);
for (const s of wanted) if (!SECTIONS.includes(s)) throw new Error(`unknown section ${s}; one of ${SECTIONS.join(", ")}`);

const RUNS = quick ? 3 : 5;
const log = (line: string) => process.stderr.write(line + "\n");
const env = environment();
const loadAtStart = load();
const started = performance.now();
const sections: Section[] = [];
const targets: Target[] = [];

const secs = (ms: number) => fixed(ms / 1000, 2);
const mib = (v: number) => fixed(v, 0);

function generateRows(stats: readonly GenerateStats[], reference: GenerateStats | undefined): string[][] {
  return stats.map((s) => [
    s.generator.name,
    s.error && !Number.isFinite(s.wallMs) ? `failed: ${s.error}` : secs(s.wallMs),
    Number.isFinite(s.minWallMs) ? `${secs(s.minWallMs)}–${secs(s.maxWallMs)}` : "–",
    secs(s.cpuMs),
    mib(s.maxRssMiB),
    reference ? ratio(s.wallMs, reference.wallMs) : "–",
    s.generator.output,
  ]);
}

const GENERATE_HEADER = (ref: string) => ["contender", "wall s (median)", "range s", "CPU s", "peak RSS MiB", `wall vs ${ref}`, "output"];

async function sectionLocal(): Promise<void> {
  log("1. generate on spec/");
  const stats = await benchGenerate(LOCAL_SPEC, [ours, heyApi, orval, openapiTypescript], { runs: RUNS, timeoutMs: 120_000, log });
  const [o, hey] = [stats[0]!, stats[1]!];
  sections.push({
    title: "1. Generate on spec/ (22 operations)",
    header: GENERATE_HEADER("hey-api"),
    rows: generateRows(stats, hey),
    notes: [
      `${RUNS} runs each, contenders alternating; each run a fresh \`node\` process started from an empty folder, writing to a fresh folder. Peak RSS from \`/usr/bin/time -f %M\`; CPU = user + system, all threads.`,
      'ours: `node generator/bin.mjs --spec … --out …`, what `npm run generate` runs (the generator bundled by esbuild once per change of its sources; the bundle is warm after the first run). orval: `--config` with `client: "fetch"` and external refs allowed (needed for the multi-file spec). hey-api: `-c @hey-api/client-fetch`. openapi-typescript: `spec -o types.ts`.',
    ],
  });
  targets.push({
    what: "generate spec/: ours vs hey-api (wall)",
    goal: "≤ 1.00×",
    measured: ratio(o.wallMs, hey.wallMs),
    ok: o.wallMs <= hey.wallMs,
  });
}

async function sectionGithub(): Promise<void> {
  log("2. generate on GitHub's full description");
  const stats = await benchGenerate(GITHUB_SPEC, [ours, openapiTypescript, orval, heyApi], { runs: RUNS, timeoutMs: 300_000, log });
  const [o, ota] = [stats[0]!, stats[1]!];
  sections.push({
    title: "2. Generate on GitHub's full description (@octokit/openapi 23.0.2, 13 MB JSON)",
    header: GENERATE_HEADER("openapi-typescript"),
    rows: generateRows(stats, ota),
    notes: [
      `${RUNS} runs each, alternating, fresh processes. A peer that fails is run once and reported with the first telling line of its stderr.`,
      "openapi-typescript writes types only; ours writes those same types plus operations, schema aliases, runtime, README and API change record, and compiles everything to dist/ (ESM and CommonJS JavaScript, declarations).",
    ],
  });
  targets.push(
    {
      what: "generate GitHub: ours vs openapi-typescript (wall)",
      goal: "≤ 1.25×",
      measured: ratio(o.wallMs, ota.wallMs),
      ok: o.wallMs <= 1.25 * ota.wallMs,
    },
    { what: "generate GitHub: ours peak RSS", goal: "≤ 600 MiB", measured: `${mib(o.maxRssMiB)} MiB`, ok: o.maxRssMiB <= 600 },
  );
}

async function sectionCalls(hey: HeyClient | undefined, heyError: string | undefined): Promise<void> {
  log("3. cost per call, stubbed fetch");
  const batches = quick ? 3 : 5;
  const callsPerBatch = quick ? 2000 : 4000;
  const { results, bodies } = await benchCalls({ batches, callsPerBatch, warmupCalls: quick ? 1000 : 2000, heyModule: hey?.module, log });
  const floor = results[0]!;
  const oursDefault = results.find((r) => r.name.startsWith("ours (default"))!;
  sections.push({
    title: "3. Cost per call, stubbed fetch (µs per call, median of batches)",
    header: [
      "contender",
      `tiny body (${bodies.tiny} B)`,
      "tiny: over floor",
      `list-runs example (${(bodies.list / 1000).toFixed(1)} kB)`,
      "list: vs floor",
    ],
    rows: results.map((r) => [
      r.name,
      fixed(r.us.tiny, 1),
      `+${fixed(r.us.tiny - floor.us.tiny, 1)}`,
      fixed(r.us.list, 1),
      ratio(r.us.list, floor.us.list),
    ]),
    notes: [
      `${batches} batches × ${callsPerBatch} sequential awaited calls per contender and body, after ${quick ? 1000 : 2000} warm-up calls; contenders alternate batch by batch. The stub returns \`new Response(body, { status: 200, headers: { "content-type": "application/json" } })\` objects built ahead in chunks of 1,000, outside the timed loop.`,
      "tiny: `GET /repos/{owner}/{repo}/actions/runs/{run_id}` (ours: `getWorkflowRun`); list: `GET /repos/{owner}/{repo}/actions/runs` (ours: `listWorkflowRunsForRepo`), body = the docs' example. Every contender sends a token and parses the JSON body; ours is `generated/dist/index.js` with `createClient({ fetch, token })`.",
      hey
        ? "hey-api: its client generated from spec/ for this run, bundled to one ESM file, `createClient(createConfig({ baseUrl, fetch, headers }))`, `actionsGetWorkflowRun({ client, path })`."
        : `hey-api skipped: ${heyError}`,
    ],
  });
  targets.push(
    {
      what: "per call, tiny body: ours (default retry) over floor",
      goal: "≤ +5 µs",
      measured: `+${fixed(oursDefault.us.tiny - floor.us.tiny, 1)} µs`,
      ok: oursDefault.us.tiny - floor.us.tiny <= 5,
    },
    {
      what: "per call, 11.7 kB body: ours (default retry) vs floor",
      goal: "≤ 1.15×",
      measured: ratio(oursDefault.us.list, floor.us.list),
      ok: oursDefault.us.list <= 1.15 * floor.us.list,
    },
  );
}

async function sectionPaginate(): Promise<void> {
  log("4. collecting 100 pages × 100 runs");
  const runs = quick ? 3 : 5;
  const { results, pageBytes } = await benchPaginate({ runs, pages: 100, perPage: 100, log });
  const plain = results[0]!;
  const o = results[1]!;
  sections.push({
    title: "4. Collecting 100 pages × 100 full workflow runs (stubbed fetch with Link headers)",
    header: ["contender", "ms per 10,000 items (median)", "vs plain loop"],
    rows: results.map((r) => [r.name, fixed(r.ms, 0), ratio(r.ms, plain.ms)]),
    notes: [
      `${runs} runs each after one warm-up, alternating. Each page is ${(pageBytes / 1e6).toFixed(2)} MB of JSON (100 copies of the docs' example run); the stub reads \`page=N\` from the URL and answers with \`Link: <…&page=N+1>; rel="next", <…>; rel="last"\`, so every contender parses the same 100 bodies.`,
    ],
  });
  targets.push({
    what: "collect 100 × 100: ours vs plain fetch loop",
    goal: "≤ 1.10×",
    measured: ratio(o.ms, plain.ms),
    ok: o.ms <= 1.1 * plain.ms,
  });
}

async function sectionBundle(hey: HeyClient | undefined, heyError: string | undefined): Promise<void> {
  log("5. bundle size");
  const results = await benchBundle(hey?.srcDir);
  const withPaginate = results.find((r) => r.name.startsWith("ours: +"))!;
  sections.push({
    title: "5. Bundle size of a one-endpoint import (esbuild --bundle --minify --format=esm, platform browser; gzip -9)",
    header: ["entry", "minified B", "gzip B"],
    rows: results.map((r) => [r.name, r.error ? `failed: ${r.error}` : String(r.minified), r.error ? "–" : String(r.gzip)]),
    notes: [
      "Each entry imports what it names and exports a function that makes the call, so nothing is tree-shaken away that a real caller keeps. Ours includes retries (backoff, retry-after, rate-limit waits), typed errors and, in the second row, Link pagination.",
      `Ours with pagination, minified bytes by module: ${withPaginate.inputs.map((i) => `${i.file.replace(/^generated\/dist\//, "")} ${i.bytes}`).join(", ")}.`,
      hey ? "hey-api: its SDK and client-fetch as generated from spec/ (TypeScript, compiled by esbuild)." : `hey-api skipped: ${heyError}`,
    ],
  });
  targets.push({
    what: "bundle, ours with retries, errors and pagination (gzip)",
    goal: "≤ 2,000 B",
    measured: `${withPaginate.gzip} B`,
    ok: withPaginate.gzip <= 2000,
  });
}

async function sectionSeams(): Promise<void> {
  log("7. seams: hooks, logger, throttle, cache");
  const bundles = await benchSeamBundles();
  const base = bundles[0]!;
  const modules = await topContributors();
  const calls = await benchSeamCalls(quick ? 3 : 7, quick ? 2000 : 5000, quick ? 2000 : 5000);
  const plain = calls[0]!;
  sections.push({
    title: "7. Seams: bundle of one endpoint with each feature, and per-call cost of a hook",
    header: ["entry or call", "minified B", "gzip B", "vs one endpoint"],
    rows: [
      ...bundles.map((b) => [b.name, String(b.minified), String(b.gzip), b === base ? "–" : `+${b.gzip - base.gzip} B`]),
      ...calls.map((c) => [
        `per call: ${c.name}`,
        "–",
        "–",
        c === plain ? `${fixed(c.us, 1)} µs` : `${fixed(c.us, 1)} µs (${ratio(c.us, plain.us)})`,
      ]),
    ],
    notes: [
      "Bundles as section 5 (esbuild, minified, gzip -9); each entry adds one option to `createClient({ token })` and imports its factory. The hooks and the logger are plain options, so the seam that calls them (runtime/hooks.js) is in every bundle; `throttle()` and `memoryCache()` come only with their import.",
      `One-endpoint bundle by module, minified B (≈ gzip B in proportion): ${modules.map((m) => `${m.file} ${m.minified} (${m.gzipShare})`).join(", ")}.`,
      `Per call: \`getWorkflowRun\` on a stubbed fetch with a tiny body, ${quick ? 3 : 7} interleaved batches, medians; the hook is \`{ onResponse() {} }\`, given to createClient or per call.`,
    ],
  });
  targets.push({
    what: "bundle, one endpoint with retries and typed errors (gzip)",
    goal: "≤ 2,700 B",
    measured: `${base.gzip} B`,
    ok: base.gzip <= 2700,
  });
}

async function sectionGrowth(): Promise<void> {
  log("6. growth: 10× synthetic description");
  const spec10 = writeSyntheticSpec(10);
  const runs = quick ? 1 : 3;
  const ours10: Generator = { ...ours, name: "ours, 10× description" };
  const ours1: Generator = { ...ours, name: "ours, 1× description" };
  // Both specs in one alternation: each round runs 1× then 10× (or the reverse).
  const perSpec = new Map<Generator, string>([
    [ours1, GITHUB_SPEC],
    [ours10, spec10],
  ]);
  const wrapped = [...perSpec].map(([g, spec]): Generator => ({ ...g, argv: (_s, out) => g.argv(spec, out) }));
  const stats = await benchGenerate(GITHUB_SPEC, wrapped, { runs, timeoutMs: 1_200_000, log });
  const [one, ten] = [stats[0]!, stats[1]!];
  sections.push({
    title: "6. Growth: GitHub's description ×10 (synthetic)",
    header: ["run", "wall s (median)", "range s", "CPU s", "peak RSS MiB", "wall vs 1×"],
    rows: stats.map((s) => [
      s.generator.name,
      s.error && !Number.isFinite(s.wallMs) ? `failed: ${s.error}` : secs(s.wallMs),
      Number.isFinite(s.minWallMs) ? `${secs(s.minWallMs)}–${secs(s.maxWallMs)}` : "–",
      secs(s.cpuMs),
      mib(s.maxRssMiB),
      ratio(s.wallMs, one.wallMs),
    ]),
    notes: [
      `${runs} runs each, alternating. The 10× description (bench/.work/github-10x.json) holds the original and nine renamed copies of every path (\`/copy-N/…\`), operationId and component (\`…-copy-N\`), each copy's refs pointing at its own components.`,
    ],
  });
  targets.push({
    what: "growth: ours 10× vs 1× (wall)",
    goal: "≤ 12×",
    measured: ratio(ten.wallMs, one.wallMs),
    ok: ten.wallMs <= 12 * one.wallMs,
  });
}

async function main(): Promise<void> {
  log(`bench: ${[...wanted].join(", ")}${quick ? " (quick)" : ""} on ${env.cpu}, ${env.cores} cores, Node ${env.node}`);
  let hey: HeyClient | undefined;
  let heyError: string | undefined;
  if (wanted.has("calls") || wanted.has("bundle")) {
    const prepared = await prepareHeyClient();
    if ("error" in prepared) heyError = prepared.error;
    else hey = prepared;
  }
  const run = async (name: SectionName, fn: () => Promise<void>) => {
    if (!wanted.has(name)) return;
    try {
      await fn();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`section ${name} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
      sections.push({ title: `${name}: failed`, header: ["error"], rows: [[message]], notes: [] });
    }
  };
  try {
    await run("local", sectionLocal);
    await run("github", sectionGithub);
    await run("calls", () => sectionCalls(hey, heyError));
    await run("paginate", sectionPaginate);
    await run("bundle", () => sectionBundle(hey, heyError));
    await run("seams", sectionSeams);
    await run("growth", sectionGrowth);
  } finally {
    hey?.dispose();
  }
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  const summary: Section = {
    title: "Targets",
    header: ["target", "goal", "measured", "verdict"],
    rows: targets.map((t) => [t.what, t.goal, t.measured, verdict(t.ok)]),
    notes: wanted.has("growth") ? [] : ["Section 6 (10× growth) runs only with `--full`."],
  };
  const report = [
    "# Benchmarks",
    "",
    `Produced by \`npm run bench${quick ? " -- --quick" : args.full ? " -- --full" : ""}\` (bench/run.ts) on ${env.date}: Node ${env.node}, ${env.cpu}, ${env.cores} cores, ${env.memoryGiB} GiB, ${env.platform}. Load average at start ${loadAtStart}, at end ${load()}; the whole run took ${minutes} min. Wall times on a shared machine are noisy: the CPU column and the alternation of contenders help to read them.`,
    "",
    renderSection(summary),
    ...sections.map(renderSection),
  ].join("\n");
  process.stdout.write(report + "\n");
  writeFileSync(join(ROOT, "bench/RESULTS.md"), report);
  log(`wrote bench/RESULTS.md (${minutes} min)`);
}

await main();
