// Where things are: the repository, scratch space, the two specs, installed packages.
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Gitignored scratch space: peers' generated clients, the synthetic spec, profiles. */
export const WORK = join(ROOT, "bench/.work");
export const LOCAL_SPEC = join(ROOT, "spec/openapi.yaml");
export const GITHUB_SPEC = join(ROOT, "node_modules/@octokit/openapi/generated/api.github.com.json");
export const GENERATED_DIST = join(ROOT, "generated/dist/index.js");

export const nodeModule = (...parts: string[]): string => join(ROOT, "node_modules", ...parts);
