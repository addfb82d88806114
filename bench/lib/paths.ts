// Where things are: the repository, the bench's own install of the peers, scratch space, the two
// specs, installed packages.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** bench/: its package.json lists the peers, which `npm run bench` installs here (install-peers.ts). */
export const BENCH = join(ROOT, "bench");
/** Gitignored scratch space: peers' generated clients, the synthetic spec, profiles. */
export const WORK = join(BENCH, ".work");
export const LOCAL_SPEC = join(ROOT, "spec/openapi.yaml");
export const GITHUB_SPEC = join(ROOT, "node_modules/@octokit/openapi/generated/api.github.com.json");
export const GENERATED_DIST = join(ROOT, "generated/dist/index.js");

/** A package the project itself depends on (openapi-typescript, @octokit/openapi). */
export const nodeModule = (...parts: string[]): string => join(ROOT, "node_modules", ...parts);
/** A peer from bench/package.json. */
export const peerModule = (...parts: string[]): string => join(BENCH, "node_modules", ...parts);

/** A path in the scratch space; the folder is created on first use (a fresh clone has none). */
export function workFile(name: string): string {
  mkdirSync(WORK, { recursive: true });
  return join(WORK, name);
}
