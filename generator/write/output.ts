// Writes the package all at once, or compares it with what is on disk. A write goes to a sibling
// temporary folder that then replaces the output folder, so a failure halfway loses nothing.
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import type { EmittedFile } from "../emit/file.js";

export interface OutputDiff {
  readonly stale: string[];
  readonly missing: string[];
  readonly orphaned: string[];
}

/** Entries of the output folder that the generator does not own and never touches. */
const FOREIGN = (path: string) => path.startsWith("node_modules/") || path.endsWith(".tgz");

export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .filter((p) => !FOREIGN(p))
    .sort();
}

export async function diffOutput(outDir: string, files: readonly EmittedFile[]): Promise<OutputDiff> {
  const onDisk = new Set(await listFiles(outDir));
  const stale: string[] = [];
  const missing: string[] = [];
  await Promise.all(
    files.map(async (file) => {
      if (!onDisk.has(file.path)) return missing.push(file.path);
      const current = await readFile(join(outDir, file.path), "utf8");
      if (current !== file.contents) stale.push(file.path);
    }),
  );
  const emitted = new Set(files.map((f) => f.path));
  return { stale: stale.sort(), missing: missing.sort(), orphaned: [...onDisk].filter((p) => !emitted.has(p)) };
}

export function isClean(diff: OutputDiff): boolean {
  return diff.stale.length + diff.missing.length + diff.orphaned.length === 0;
}

export async function writeAtomically(outDir: string, files: readonly EmittedFile[]): Promise<void> {
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = `${outDir}.tmp-${stamp}`;
  const old = `${outDir}.old-${stamp}`;
  try {
    await mkdir(temp, { recursive: true });
    for (const file of files) {
      const target = join(temp, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  const hadOutput = await readdir(outDir).then(
    () => true,
    () => false,
  );
  if (hadOutput) await rename(outDir, old);
  try {
    await rename(temp, outDir);
  } catch (error) {
    if (hadOutput) await rename(old, outDir);
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  if (!hadOutput) return;
  // Carry over what the generator does not own (an installed node_modules, packed tarballs).
  for (const entry of await readdir(old)) {
    if (FOREIGN(entry === "node_modules" ? "node_modules/" : entry)) await rename(join(old, entry), join(outDir, entry));
  }
  await rm(old, { recursive: true, force: true });
}
