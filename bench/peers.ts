// hey-api's client for our spec, generated once per bench run: its TypeScript sources (for the
// bundle-size section) and one ESM module of them (for the per-call section). Both live in a
// temporary folder: TypeScript under bench/ would be picked up by `npm run typecheck:bench`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { heyApi } from "./contenders.js";
import { LOCAL_SPEC } from "./lib/paths.js";
import { reason } from "./lib/proc.js";

export interface HeyClient {
  /** The generated TypeScript, with `sdk.gen.ts` and `client/index.ts`. */
  readonly srcDir: string;
  /** One ESM file exporting `createClient`, `createConfig` and the SDK functions. */
  readonly module: string;
  dispose(): void;
}

export async function prepareHeyClient(): Promise<HeyClient | { error: string }> {
  const dir = mkdtempSync(join(tmpdir(), "ghbench-hey-"));
  const srcDir = join(dir, "src");
  const [node, ...args] = heyApi.argv(LOCAL_SPEC, srcDir);
  const run = spawnSync(node!, args, { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  if (run.status !== 0 || !existsSync(join(srcDir, "sdk.gen.ts"))) {
    rmSync(dir, { recursive: true, force: true });
    return { error: `hey-api generate failed: ${reason(run.stderr ?? "")}` };
  }
  const module = join(dir, "hey-client.mjs");
  await build({
    stdin: {
      contents: `export * from "./src/sdk.gen.ts";\nexport { createClient, createConfig } from "./src/client/index.ts";\n`,
      resolveDir: dir,
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "node",
    outfile: module,
    logLevel: "silent",
  });
  return { srcDir, module, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
