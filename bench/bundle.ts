// Section 5: what one endpoint costs in a browser bundle: esbuild --bundle --minify --format=esm,
// then gzip -9.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { BENCH, GENERATED_DIST, ROOT } from "./lib/paths.js";

export interface BundleResult {
  readonly name: string;
  readonly minified: number;
  readonly gzip: number;
  /** Minified bytes by input file, largest first. */
  readonly inputs: readonly { readonly file: string; readonly bytes: number }[];
  readonly error?: string;
}

export interface Entry {
  readonly name: string;
  readonly source: string;
}

export function entries(heySrcDir: string | undefined): Entry[] {
  const ours = JSON.stringify(GENERATED_DIST);
  const call = `{ owner: "o", repo: "r", run_id: 1 }`;
  const list: Entry[] = [
    {
      name: "ours: createClient + getWorkflowRun",
      source: `import { createClient, getWorkflowRun } from ${ours};\nconst gh = createClient({ token: "x" });\nexport const run = () => getWorkflowRun(gh, ${call});\n`,
    },
    {
      // What a typed error check adds: the isErrorOf guard (requiredPermission and the cross-copy
      // instanceof are in every bundle).
      name: "ours: + isErrorOf",
      source: `import { createClient, getWorkflowRun, isErrorOf } from ${ours};\nconst gh = createClient({ token: "x" });\nexport const run = () => getWorkflowRun(gh, ${call}).catch((e) => isErrorOf(e, getWorkflowRun));\n`,
    },
    {
      name: "ours: + listWorkflowRunsForRepo + paginate/collect",
      source:
        `import { createClient, getWorkflowRun, listWorkflowRunsForRepo, paginate, collect } from ${ours};\nconst gh = createClient({ token: "x" });\n` +
        `export const run = () => getWorkflowRun(gh, ${call});\nexport const each = () => paginate(gh, listWorkflowRunsForRepo, { owner: "o", repo: "r" });\n` +
        `export const all = () => collect(gh, listWorkflowRunsForRepo, { owner: "o", repo: "r" });\n`,
    },
    // Each helper on top of the one-endpoint bundle: what importing it costs (nothing when not imported).
    {
      name: "ours: + listWorkflowRunsForRepo + collect + splitCapped",
      source:
        `import { createClient, getWorkflowRun, listWorkflowRunsForRepo, collect, splitCapped } from ${ours};\nconst gh = createClient({ token: "x" });\n` +
        `export const run = () => getWorkflowRun(gh, ${call});\n` +
        `export const all = () => collect(gh, listWorkflowRunsForRepo, { owner: "o", repo: "r" }, { splitCapped });\n`,
    },
    {
      name: "ours: createClient + waitForRun",
      source: `import { createClient, waitForRun } from ${ours};\nconst gh = createClient({ token: "x" });\nexport const wait = () => waitForRun(gh, ${call});\n`,
    },
    {
      name: "ours: createClient + download(downloadWorkflowRunLogs)",
      source:
        `import { createClient, download, downloadWorkflowRunLogs } from ${ours};\nconst gh = createClient({ token: "x" });\n` +
        `export const get = (to: WritableStream<Uint8Array>) => download(gh, downloadWorkflowRunLogs, ${call}, { to });\n`,
    },
    {
      name: "ours: createClient + downloadToFile(downloadWorkflowRunLogs)",
      source:
        `import { createClient, downloadToFile, downloadWorkflowRunLogs } from ${ours};\nconst gh = createClient({ token: "x" });\n` +
        `export const get = () => downloadToFile(gh, downloadWorkflowRunLogs, ${call}, { path: "logs.zip" });\n`,
    },
    {
      name: "openapi-fetch 0.17: createClient + GET",
      source: `import createClient from "openapi-fetch";\nconst c = createClient({ baseUrl: "https://api.github.com", headers: { authorization: "Bearer x" } });\nexport const run = () => c.GET("/repos/{owner}/{repo}/actions/runs/{run_id}", { params: { path: ${call} } });\n`,
    },
  ];
  if (heySrcDir) {
    list.push({
      name: "hey-api 0.99: generated SDK function + client-fetch",
      source: `import { actionsGetWorkflowRun } from ${JSON.stringify(heySrcDir + "/sdk.gen.ts")};\nexport const run = () => actionsGetWorkflowRun({ path: ${call} });\n`,
    });
  }
  list.push(
    {
      name: "@octokit/core 7: request",
      source: `import { Octokit } from "@octokit/core";\nconst o = new Octokit({ auth: "x" });\nexport const run = () => o.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}", ${call});\n`,
    },
    {
      name: "@octokit/core + plugin-paginate-rest",
      source:
        `import { Octokit } from "@octokit/core";\nimport { paginateRest } from "@octokit/plugin-paginate-rest";\nconst o = new (Octokit.plugin(paginateRest))({ auth: "x" });\n` +
        `export const run = () => o.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}", ${call});\nexport const all = () => o.paginate("GET /repos/{owner}/{repo}/actions/runs", { owner: "o", repo: "r" });\n`,
    },
    {
      name: "@octokit/core + paginate-rest + retry",
      source:
        `import { Octokit } from "@octokit/core";\nimport { paginateRest } from "@octokit/plugin-paginate-rest";\nimport { retry } from "@octokit/plugin-retry";\nconst o = new (Octokit.plugin(paginateRest, retry))({ auth: "x" });\n` +
        `export const run = () => o.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}", ${call});\nexport const all = () => o.paginate("GET /repos/{owner}/{repo}/actions/runs", { owner: "o", repo: "r" });\n`,
    },
  );
  return list;
}

export async function benchBundle(heySrcDir: string | undefined): Promise<BundleResult[]> {
  const results: BundleResult[] = [];
  for (const entry of entries(heySrcDir)) results.push(await bundleEntry(entry));
  return results;
}

/** One entry bundled, minified and gzipped; a failure is a result with `error`. */
export async function bundleEntry(entry: Entry): Promise<BundleResult> {
  try {
    const out = await build({
      // Bare imports resolve from bench/, where the peers are installed.
      stdin: { contents: entry.source, resolveDir: BENCH, loader: "ts", sourcefile: "entry.ts" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const code = out.outputFiles[0]!.contents;
    const inputs = Object.entries(Object.values(out.metafile.outputs)[0]?.inputs ?? {})
      .map(([file, v]) => ({ file: file.replace(ROOT, ""), bytes: v.bytesInOutput }))
      .filter((i) => i.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes);
    return { name: entry.name, minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, inputs };
  } catch (error) {
    return { name: entry.name, minified: NaN, gzip: NaN, inputs: [], error: (error as Error).message.split("\n")[0]! };
  }
}

/** The entry bundled as bundleEntry does, but not minified: to read, or to edit before measuring. */
export async function unminifiedBundle(entry: Entry): Promise<string> {
  const out = await build({
    stdin: { contents: entry.source, resolveDir: BENCH, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}
