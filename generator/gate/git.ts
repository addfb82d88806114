// Reads one file as committed at a git ref, for `--base`. git runs through execFile (no shell),
// with a validated ref, a time limit and an output limit, and never prompts or pages.
import { execFile } from "node:child_process";

/** A surface record of GitHub's full description is about 9 MiB; the spec limit per file is 32 MiB. */
export const MAX_GIT_OUTPUT_BYTES = 32 * 1024 * 1024;
export const GIT_TIMEOUT_MS = 30_000;
const MAX_REF_LENGTH = 256;

export class GitError extends Error {}

/**
 * Why `ref` is refused, or undefined. Beyond git's own rules (checked by `rev-parse --verify`):
 * no leading `-` (it would read as an option), no `:` (it would name a path), nothing outside
 * printable ASCII, and a bounded length.
 */
export function refProblem(ref: string): string | undefined {
  if (ref === "") return "is empty";
  if (ref.length > MAX_REF_LENGTH) return `is longer than ${MAX_REF_LENGTH} characters`;
  if (ref.startsWith("-")) return "starts with '-'";
  if (ref.includes(":")) return "contains ':'";
  if (!/^[\x21-\x7e]+$/.test(ref)) return "contains a space, a control character or a non-ASCII character";
  return undefined;
}

function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      ["--no-pager", ...args],
      {
        cwd,
        encoding: "utf8",
        maxBuffer: MAX_GIT_OUTPUT_BYTES,
        timeout: GIT_TIMEOUT_MS,
        env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0" },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") return reject(new GitError("git is not installed (or not on PATH)"));
        if (code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER")
          return reject(new GitError(`git printed more than ${MAX_GIT_OUTPUT_BYTES} bytes`));
        if (error.killed) return reject(new GitError(`git took longer than ${GIT_TIMEOUT_MS / 1000} s`));
        reject(new GitError(stderr.trim().split("\n")[0]?.slice(0, 300) || error.message));
      },
    );
  });
}

/** The commit `ref` names, as a full hash; GitError when it names none. */
export async function resolveCommit(ref: string, cwd: string): Promise<string> {
  const problem = refProblem(ref);
  if (problem) throw new GitError(`the ref ${JSON.stringify(ref.slice(0, 80))} ${problem}`);
  const out = await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], cwd).catch(() => "");
  const hash = out.trim();
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(hash)) {
    throw new GitError(`${JSON.stringify(ref)} names no commit here (with actions/checkout, fetch it: fetch-depth: 0)`);
  }
  return hash;
}

/** The root folder of the work tree that holds `cwd` (real path, as git prints it). */
export async function workTreeRoot(cwd: string): Promise<string> {
  return (await git(["rev-parse", "--show-toplevel"], cwd)).trim();
}

/**
 * The file at `path` (relative to `cwd`, which must be inside the work tree) as committed in
 * `commit`, or undefined when that commit has no such file. Any other failure (a path outside
 * the repository, say) is a GitError: a gate must not pass because it could not look.
 */
export async function showFile(commit: string, path: string, cwd: string): Promise<string | undefined> {
  try {
    return await git(["cat-file", "blob", `${commit}:./${path}`], cwd);
  } catch (error) {
    // git's words for a path that the commit does not have (also when it is on disk only).
    if (error instanceof GitError && /does not exist in|exists on disk, but not in/.test(error.message)) return undefined;
    throw error;
  }
}
