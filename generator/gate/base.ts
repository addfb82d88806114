// `--base <ref>`: the API surface that the output folder had at a commit (its api-surface.json
// as committed there), so a pull request is compared with its target branch, not with its own
// regenerated and committed output.
import { existsSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, relative } from "node:path";
import { parseSurface, type ApiSurface } from "../changes/index.js";
import { SURFACE_PATH } from "../changes/files.js";
import { GitError, resolveCommit, showFile, workTreeRoot } from "./git.js";

export interface BaseSurface {
  /** The full commit hash `ref` names. */
  readonly commit: string;
  /** undefined: the output folder had no surface record at that commit (a new output). */
  readonly surface?: ApiSurface;
}

/** Throws GitError with a message for the user. */
export async function surfaceAtBase(ref: string, outDir: string, cwd: string): Promise<BaseSurface> {
  const commit = await resolveCommit(ref, cwd);
  // git would say "outside repository" about a path the user never typed; say what to do instead.
  const root = await workTreeRoot(cwd);
  const fromRoot = relative(root, realPathOfNearest(outDir));
  if (fromRoot.startsWith("..") || isAbsolute(fromRoot)) {
    throw new GitError(`the output folder ${outDir} is not inside this git repository (${root}); run from the repository that holds it`);
  }
  const path = [relative(cwd, outDir), SURFACE_PATH].filter(Boolean).join("/");
  const text = await showFile(commit, path, cwd);
  if (text === undefined) return { commit };
  const surface = parseSurface(text);
  if (!surface) throw new GitError(`${path} at ${ref} (${commit.slice(0, 12)}) is not a surface record the generator can read`);
  return { commit, surface };
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest (a new output folder). */
function realPathOfNearest(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const parent = dirname(path);
  return parent === path ? path : realPathOfNearest(parent) + path.slice(parent.length);
}
