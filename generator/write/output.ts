// Compares the package with what is on disk, and writes it, touching only the files the generator
// owns (ownership.ts). A write is all or nothing: every new file goes to a temporary name in its own
// folder first; then each file is renamed into place, the one it replaces kept aside under a
// backup name; any error renames everything back, so a failed run leaves the folder as it was.
import { randomBytes } from "node:crypto";
import { lstat, mkdir, open, readFile, rename, rmdir, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { EmittedFile } from "../emit/file.js";
import { byPath, manifestFile, MANIFEST_PATH } from "./manifest.js";
import { ownedFiles } from "./ownership.js";
import { mergePackageJson, PACKAGE_JSON_PATH } from "./package-json.js";
import { OutputRefusal } from "./refusal.js";

export interface OutputDiff {
  readonly stale: string[];
  readonly missing: string[];
  /** In the old manifest, on disk, and no longer generated: a write removes them. */
  readonly orphaned: string[];
}

/** What a write would do: the files the folder will hold (manifest included) and how they differ from it. */
export interface OutputPlan {
  readonly files: readonly EmittedFile[];
  readonly diff: OutputDiff;
}

/** Decides what to write into `outDir`; throws OutputRefusal for a folder the generator may not write. */
export async function planOutput(outDir: string, emitted: readonly EmittedFile[], options: { force: boolean }): Promise<OutputPlan> {
  const owned = new Set(await ownedFiles(outDir, [...emitted.map((f) => f.path), MANIFEST_PATH], options.force));
  const paths = new Set(emitted.map((f) => f.path));
  const orphans = [...owned].filter((p) => !paths.has(p));
  const onDisk = await filesPresent(outDir, [...paths, ...orphans, MANIFEST_PATH]);
  const read = (path: string) => (onDisk.get(path) ? readFile(join(outDir, path), "utf8") : Promise.resolve(undefined));
  const files = await Promise.all(
    emitted.map(async (file) =>
      file.path === PACKAGE_JSON_PATH && owned.has(file.path)
        ? mergePackageJson(file, await read(file.path), join(outDir, file.path))
        : file,
    ),
  );
  files.push(manifestFile([...paths]));
  files.sort((a, b) => byPath(a.path, b.path));
  const stale: string[] = [];
  const missing: string[] = [];
  for (const file of files) {
    const current = await read(file.path);
    if (current === undefined) missing.push(file.path);
    else if (current !== file.contents) stale.push(file.path);
  }
  return { files, diff: { stale, missing, orphaned: orphans.filter((p) => onDisk.get(p)).sort(byPath) } };
}

export function isClean(diff: OutputDiff): boolean {
  return diff.stale.length + diff.missing.length + diff.orphaned.length === 0;
}

/**
 * For each path, whether a file is there. Refuses what the generator must not write through or
 * over: a symlink or a special file at the path, or a symlink on the way to it (which would lead
 * the write out of the folder).
 */
async function filesPresent(outDir: string, paths: readonly string[]): Promise<Map<string, boolean>> {
  const folders = new Map<string, Promise<void>>();
  const checkFolder = (folder: string): Promise<void> => {
    if (folder === ".") return Promise.resolve();
    let pending = folders.get(folder);
    if (!pending) {
      pending = checkFolder(dirname(folder)).then(async () => {
        const info = await lstat(join(outDir, folder)).catch(() => undefined);
        if (info?.isSymbolicLink())
          throw new OutputRefusal(
            `${join(outDir, folder)} is a symbolic link; the generator writes only inside real folders of --out: replace it with a folder`,
          );
      });
      folders.set(folder, pending);
    }
    return pending;
  };
  const found = await Promise.all(
    paths.map(async (path) => {
      await checkFolder(dirname(path));
      const info = await lstat(join(outDir, path)).catch(() => undefined);
      if (info && !info.isFile())
        throw new OutputRefusal(
          `${join(outDir, path)} is not a regular file (a folder, a symbolic link or a special file), yet the generator writes a file there; move it away`,
        );
      return [path, info !== undefined] as const;
    }),
  );
  return new Map(found);
}

/** Writes the plan's changes into `outDir`, all or nothing. */
export async function writeOutput(outDir: string, plan: OutputPlan): Promise<void> {
  const { stale, missing, orphaned } = plan.diff;
  const changed = new Set([...stale, ...missing]);
  const isNew = new Set(missing);
  const writes = plan.files.filter((f) => changed.has(f.path));
  const stamp = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const aside = (path: string, kind: string) => join(outDir, dirname(path), `.${path.split("/").pop()!}.${kind}-${stamp}`);
  const createdFolders: string[] = [];
  const temps: string[] = [];
  const undo: (() => Promise<void>)[] = [];
  try {
    for (const file of writes) {
      await makeFolders(join(outDir, dirname(file.path)), createdFolders);
      const temp = aside(file.path, "tmp");
      // Exclusive: never a file that is there already. Recorded once created, as a write that fails halfway leaves part of it.
      const handle = await open(temp, "wx");
      temps.push(temp);
      try {
        await handle.writeFile(file.contents);
      } finally {
        await handle.close();
      }
    }
    for (const path of [...new Set([...stale, ...orphaned, ...missing])].sort(byPath)) {
      const target = join(outDir, path);
      if (!isNew.has(path)) {
        const backup = aside(path, "old");
        await rename(target, backup);
        undo.push(() => rename(backup, target));
      }
      if (changed.has(path)) {
        await rename(aside(path, "tmp"), target);
        undo.push(() => unlink(target));
      }
    }
  } catch (error) {
    // Back to how it was: each step undone in reverse, then the temporary files and new folders removed.
    for (const step of undo.reverse()) await step().catch(() => undefined);
    for (const temp of temps) await unlink(temp).catch(() => undefined);
    for (const folder of createdFolders.reverse()) await rmdir(folder).catch(() => undefined);
    throw error;
  }
  for (const path of [...stale, ...orphaned]) await unlink(aside(path, "old")).catch(() => undefined);
  for (const path of orphaned) await removeEmptyFolders(outDir, dirname(path));
}

/** Creates `folder` and its missing parents, recording each one created (outermost first). */
async function makeFolders(folder: string, created: string[]): Promise<void> {
  const info = await lstat(folder).catch(() => undefined);
  if (info) return;
  await makeFolders(dirname(folder), created);
  await mkdir(folder);
  created.push(folder);
}

/** Removes `folder` (relative to `outDir`) and its parents while they are empty, never `outDir` itself. */
async function removeEmptyFolders(outDir: string, folder: string): Promise<void> {
  for (let at = folder; at !== "."; at = dirname(at)) {
    if (
      !(await rmdir(join(outDir, at)).then(
        () => true,
        () => false,
      ))
    )
      return;
  }
}
