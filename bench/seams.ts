// Section 7: what the seams cost. Bundle size of one endpoint with each feature added (hooks,
// logger, throttle, cache), where the bytes of the one-endpoint bundle go, and the per-call cost
// with no hooks against one hook (stubbed fetch, as section 3). Needs no peers:
// `npx tsx bench/seams.ts [--quick] [--against=/abs/path/to/other/generated/dist/index.js]` runs it
// alone; `npm run bench -- --only=seams` in the report.
import { bundleEntry, type BundleResult } from "./bundle.js";
import { GENERATED_DIST } from "./lib/paths.js";
import { median, rotate } from "./lib/stats.js";
import { QueuedFetch, TINY_BODY } from "./stub.js";

const ours = JSON.stringify(GENERATED_DIST);
const call = `{ owner: "o", repo: "r", run_id: 1 }`;

/** The one-endpoint entry with `imports` added to the import and `options` to createClient. */
function entry(name: string, imports: string, options: string) {
  return {
    name,
    source:
      `import { createClient, getWorkflowRun${imports} } from ${ours};\n` +
      `const gh = createClient({ token: "x"${options} });\nexport const run = () => getWorkflowRun(gh, ${call});\n`,
  };
}

export const SEAM_ENTRIES = [
  entry("one endpoint (createClient + getWorkflowRun)", "", ""),
  entry("+ seams({ hooks })", ", seams", ", seams: seams({ hooks: { onResponse: (o) => console.log(o.status) } })"),
  entry("+ seams({ logger })", ", seams", ", seams: seams({ logger: console })"),
  entry("+ seams({ throttle: throttle() })", ", seams, throttle", ", seams: seams({ throttle: throttle() })"),
  entry("+ seams({ cache: memoryCache() })", ", seams, memoryCache", ", seams: seams({ cache: memoryCache() })"),
  entry(
    "+ all four",
    ", seams, throttle, memoryCache",
    ", seams: seams({ hooks: { onResponse: (o) => console.log(o.status) }, logger: console, throttle: throttle(), cache: memoryCache() })",
  ),
];

export async function benchSeamBundles(): Promise<BundleResult[]> {
  const results: BundleResult[] = [];
  for (const e of SEAM_ENTRIES) results.push(await bundleEntry(e));
  return results;
}

/**
 * Where the bytes of the one-endpoint bundle go: minified bytes per module (esbuild's metafile),
 * and each module's share of the gzip size in proportion (gzip shares one dictionary across the
 * bundle, so a module has no gzip size of its own).
 */
export async function topContributors(): Promise<{ file: string; minified: number; gzipShare: number }[]> {
  const base = await bundleEntry(SEAM_ENTRIES[0]!);
  const total = base.inputs.reduce((sum, i) => sum + i.bytes, 0);
  return base.inputs.map((i) => ({
    file: i.file.replace(/^.*generated\/dist\//, ""),
    minified: i.bytes,
    gzipShare: Math.round((base.gzip * i.bytes) / total),
  }));
}

export interface SeamCallResult {
  readonly name: string;
  /** Median over batches of µs per call. */
  readonly us: number;
}

/**
 * Per-call cost of getWorkflowRun with no hooks, one client hook and one per-call hook,
 * interleaved; with `baseline` (another build's dist/index.js, e.g. main's), its no-hooks call too.
 */
export async function benchSeamCalls(batches: number, callsPerBatch: number, warmup: number, baseline?: string): Promise<SeamCallResult[]> {
  const gen = (await import(GENERATED_DIST)) as typeof import("../generated/dist/index.js");
  const stub = new QueuedFetch();
  const params = { owner: "o", repo: "r", run_id: 30433642 };
  const plain = gen.createClient({ fetch: stub.fetch, token: "x" });
  let seen = 0;
  const hook: import("../generated/dist/index.js").Hooks = { onResponse: () => void seen++ };
  const hooked = gen.createClient({ fetch: stub.fetch, token: "x", seams: gen.seams({ hooks: hook }) });
  // Per-call hooks need a client with seams (of its own, none configured).
  const seamed = gen.createClient({ fetch: stub.fetch, token: "x", seams: gen.seams() });
  const contenders = [
    { name: "no hooks", call: () => gen.getWorkflowRun(plain, params) },
    { name: "one hook (client, onResponse)", call: () => gen.getWorkflowRun(hooked, params) },
    { name: "one hook (per call, onResponse)", call: () => gen.getWorkflowRun(seamed, params, { hooks: hook }) },
  ];
  if (baseline) {
    const base = (await import(baseline)) as typeof gen;
    const client = base.createClient({ fetch: stub.fetch, token: "x" });
    contenders.push({ name: `baseline ${baseline}, no hooks`, call: () => base.getWorkflowRun(client, params) });
  }
  const CHUNK = 1000;
  const timed = async (f: () => Promise<unknown>): Promise<number> => {
    stub.refill(CHUNK, TINY_BODY);
    const t = process.hrtime.bigint();
    for (let i = 0; i < CHUNK; i++) await f();
    return Number(process.hrtime.bigint() - t);
  };
  for (const c of contenders) for (let done = 0; done < warmup; done += CHUNK) await timed(c.call);
  const us = new Map(contenders.map((c) => [c, [] as number[]]));
  const chunks = Math.ceil(callsPerBatch / CHUNK);
  for (let batch = 0; batch < batches; batch++) {
    const ns = new Map(contenders.map((c) => [c, 0]));
    for (let k = 0; k < chunks; k++) for (const c of rotate(contenders, batch * chunks + k)) ns.set(c, ns.get(c)! + (await timed(c.call)));
    for (const c of contenders) us.get(c)!.push(ns.get(c)! / 1000 / (chunks * CHUNK));
  }
  if (seen === 0) throw new Error("the hook was never called: the benchmark measures nothing");
  return contenders.map((c) => ({ name: c.name, us: median(us.get(c)!) }));
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const against = process.argv.find((a) => a.startsWith("--against="))?.slice("--against=".length);
  console.log("bundle (esbuild --bundle --minify --format=esm, platform browser; gzip -9):");
  const bundles = await benchSeamBundles();
  const base = bundles[0]!;
  for (const b of bundles)
    console.log(`  ${b.name}: ${b.minified} B min, ${b.gzip} B gzip${b === base ? "" : ` (+${b.gzip - base.gzip} B)`}`);
  console.log("one-endpoint bundle by module (minified B; ≈ gzip B in proportion):");
  for (const r of await topContributors()) console.log(`  ${r.file}: ${r.minified} B min, ${r.gzipShare} B gzip`);
  console.log("per call, getWorkflowRun, tiny body, stubbed fetch (µs, median of batches):");
  const calls = await benchSeamCalls(quick ? 3 : 7, quick ? 2000 : 5000, quick ? 2000 : 5000, against);
  for (const c of calls) console.log(`  ${c.name}: ${c.us.toFixed(2)} µs`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
