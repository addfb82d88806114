// Which files of the output folder the generator owns, decided before anything is written:
// - a folder with a manifest: the files it lists;
// - a new or empty folder: none yet;
// - a folder without a manifest whose every file is one the generator would write (an output made
//   before manifests existed, such as a committed generated/): those files, adopted;
// - any other folder: refused, unless --force, which owns nothing there yet and refuses to take
//   over a file at a path the generator writes (it names them), so no file of the user's is lost.
import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { ManifestError, MANIFEST_PATH, readManifest } from "./manifest.js";
import { OutputRefusal } from "./refusal.js";

/** At most this many conflicting files are named in a refusal; the rest are counted. */
const NAMED_CONFLICTS = 5;

/** The paths the generator owns in `outDir`, given the paths it is about to write; throws OutputRefusal. */
export async function ownedFiles(outDir: string, emitted: readonly string[], force: boolean): Promise<string[]> {
  let manifest;
  try {
    manifest = await readManifest(outDir);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    throw new OutputRefusal(
      `${join(outDir, MANIFEST_PATH)}, the list of files the generator owns there, ${error.message}; restore it (from version control) or delete it and run again with --force`,
    );
  }
  if (manifest) return manifest;
  const wanted = new Set(emitted);
  const top = await entries(outDir);
  if (top.length === 0) return [];
  if (await onlyGenerated(outDir, "", top, wanted)) return present(outDir, emitted);
  if (!force)
    throw new OutputRefusal(
      `--out ${outDir} is not empty and has no ${MANIFEST_PATH}, so the generator did not write it; give an empty or new folder, or add --force to write the generated files there (it overwrites and deletes nothing it did not write)`,
    );
  const conflicts = await present(outDir, emitted);
  if (conflicts.length) {
    const named =
      conflicts.slice(0, NAMED_CONFLICTS).join(", ") +
      (conflicts.length > NAMED_CONFLICTS ? `, and ${conflicts.length - NAMED_CONFLICTS} more` : "");
    throw new OutputRefusal(
      `--force: ${outDir} already holds ${named}, at paths the generator writes, and did not get them from it; move them away and run again (it does not overwrite files it did not write)`,
    );
  }
  return [];
}

/** Names in `dir`; none when it does not exist (a file there is reported when it is written). */
async function entries(dir: string): Promise<string[]> {
  return readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return [];
    throw error;
  });
}

/**
 * Whether every entry under `prefix` is a file the generator writes or a folder on the way to one.
 * Stops at the first that is not, so a large foreign folder (node_modules) is never walked.
 */
async function onlyGenerated(outDir: string, prefix: string, names: readonly string[], wanted: ReadonlySet<string>): Promise<boolean> {
  for (const name of names) {
    const path = prefix + name;
    const info = await lstat(join(outDir, path));
    if (info.isFile() && wanted.has(path)) continue;
    if (!info.isDirectory() || ![...wanted].some((p) => p.startsWith(path + "/"))) return false;
    if (!(await onlyGenerated(outDir, path + "/", await entries(join(outDir, path)), wanted))) return false;
  }
  return true;
}

/** Those of `paths` that something is at in `outDir`, in the same order. */
async function present(outDir: string, paths: readonly string[]): Promise<string[]> {
  const found = await Promise.all(
    paths.map((p) =>
      lstat(join(outDir, p)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return paths.filter((_, i) => found[i]);
}
