// The manifest: the list of files the generator wrote into an output folder, kept in that folder.
// A run writes, replaces and removes only files it lists, so everything else there (.git, node_modules,
// the user's own files) is never touched. The folder may come from anyone (a pull request), so an
// entry must name a plain relative path inside it: no `..`, no absolute path, nothing under .git.
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import type { EmittedFile } from "../emit/file.js";
import { HEADER_TEXT } from "../emit/file.js";

export const MANIFEST_PATH = ".generated-files.json";
/** Bumped when the format changes; a manifest of another version is refused, not guessed at. */
const MANIFEST_VERSION = 1;
/** Far above any real package (GitHub's full description gives about 200 files); bounds what is read. */
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
const MAX_ENTRIES = 100_000;
const MAX_PATH_LENGTH = 1024;
/** Folders a manifest may never claim, whatever it says. */
const NEVER_OWNED = new Set([".git", "node_modules"]);

/** A manifest that cannot be trusted: the message says what is wrong with it. */
export class ManifestError extends Error {
  override readonly name = "ManifestError";
}

/** Sorted the way every file list of the generator is sorted: by UTF-16 code units. */
export function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The manifest listing `paths`, deterministic: one sorted path per line. */
export function manifestFile(paths: readonly string[]): EmittedFile {
  const sorted = [...new Set(paths)].filter((p) => p !== MANIFEST_PATH).sort(byPath);
  const lines = sorted.map((p) => `    ${JSON.stringify(p)}`).join(",\n");
  const contents = `{\n  "//": ${JSON.stringify(HEADER_TEXT)},\n  "version": ${MANIFEST_VERSION},\n  "files": [\n${lines}\n  ]\n}\n`;
  return { path: MANIFEST_PATH, contents };
}

/** The files listed by the manifest in `outDir`; undefined when there is none. Throws ManifestError. */
export async function readManifest(outDir: string): Promise<string[] | undefined> {
  const text = await readBounded(`${outDir}/${MANIFEST_PATH}`);
  return text === undefined ? undefined : parseManifest(text);
}

export function parseManifest(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`is not valid JSON (${(error as Error).message})`);
  }
  const { version, files } = (parsed ?? {}) as { version?: unknown; files?: unknown };
  if (version !== MANIFEST_VERSION)
    throw new ManifestError(`has version ${JSON.stringify(version)}; this generator reads version ${MANIFEST_VERSION}`);
  if (!Array.isArray(files)) throw new ManifestError(`has no "files" list`);
  if (files.length > MAX_ENTRIES) throw new ManifestError(`lists ${files.length} files, more than the limit of ${MAX_ENTRIES}`);
  for (const [i, path] of files.entries()) {
    const problem = pathProblem(path);
    if (problem) throw new ManifestError(`entry ${i} (${JSON.stringify(path).slice(0, 200)}) ${problem}`);
  }
  return [...new Set(files as string[])].sort(byPath);
}

/** Why `path` may not be an entry, or undefined when it may. */
function pathProblem(path: unknown): string | undefined {
  if (typeof path !== "string") return "is not a string";
  if (path.length === 0 || path.length > MAX_PATH_LENGTH) return `must have 1 to ${MAX_PATH_LENGTH} characters`;
  if (path === MANIFEST_PATH) return "is the manifest itself";
  const segments = path.split("/");
  if (segments.some((s) => s === "" || s === "." || s === ".." || /[\\\0]/.test(s)))
    return "is not a relative path inside the folder (no leading /, no . or .. segments, no backslash)";
  if (segments.some((s) => NEVER_OWNED.has(s))) return "is under .git or node_modules";
  return undefined;
}

/** The file's text, or undefined when it does not exist; refuses a file over the size limit unread. */
async function readBounded(path: string): Promise<string | undefined> {
  // Non-blocking, so that a FIFO put there is not waited on; no symlink followed out of the folder.
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;
  const handle = await open(path, flags).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    if (error.code === "ELOOP") throw new ManifestError("is a symbolic link");
    throw error;
  });
  if (!handle) return undefined;
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ManifestError("is not a regular file");
    if (info.size > MAX_MANIFEST_BYTES) throw new ManifestError(`is larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MiB, the limit`);
    return await handle.readFile("utf8");
  } finally {
    await handle.close();
  }
}
