// The generators compared, as command lines: each runs in a fresh `node` process, from an empty
// working folder (so that no project config, such as our redocly.yaml, is picked up), writing
// into a fresh output folder.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { nodeModule, peerModule, ROOT, workFile } from "./lib/paths.js";

export interface Generator {
  readonly name: string;
  /** What it produces, for the table. */
  readonly output: string;
  argv(spec: string, outDir: string): string[];
  env?(spec: string, outDir: string): Record<string, string>;
}

const node = process.execPath;

export const ours: Generator = {
  name: "ours",
  output: "client package: src/ + dist/ (ESM and CommonJS, .d.ts), formatted",
  // What `npm run generate` runs: the generator bundled once per change of its sources (bin.mjs).
  argv: (spec, out) => [node, join(ROOT, "generator/bin.mjs"), "--spec", spec, "--out", out],
};

export const openapiTypescript: Generator = {
  name: "openapi-typescript 7.13",
  output: "one types file, no client",
  argv: (spec, out) => [node, nodeModule("openapi-typescript/bin/cli.js"), spec, "-o", join(out, "types.ts")],
};

export const heyApi: Generator = {
  name: "hey-api 0.99",
  output: "types + SDK + fetch client (TS source)",
  argv: (spec, out) => [
    node,
    peerModule("@hey-api/openapi-ts/bin/run.js"),
    "-i",
    spec,
    "-o",
    out,
    "-c",
    "@hey-api/client-fetch",
    "--no-log-file",
  ],
};

export const orval: Generator = {
  name: "orval 8.38",
  output: "one file: types + fetch functions",
  // A config file allows the multi-file spec's external refs; the rest comes from the environment.
  argv: () => {
    const config = workFile("orval.config.mjs");
    writeFileSync(
      config,
      `export default { api: { input: { target: process.env.BENCH_SPEC, parserOptions: { externalRefs: { allow: ["*"] } } }, output: { target: process.env.BENCH_OUT, client: "fetch", mode: "single" } } };\n`,
    );
    return [node, peerModule("orval/dist/bin/orval.mjs"), "--config", config];
  },
  env: (spec, out) => ({ BENCH_SPEC: spec, BENCH_OUT: join(out, "api.ts") }),
};
