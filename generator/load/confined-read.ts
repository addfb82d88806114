// Reads one spec file the way a spec from an untrusted source must be read: only a regular file,
// only inside the folders the spec may use (after symlinks are resolved), and never more than
// the size limit. A FIFO, a device (/dev/zero, /dev/stdin) or a socket is refused from its file
// type, without reading it and without waiting on it.
import { constants } from "node:fs";
import { open, realpath, stat, type FileHandle } from "node:fs/promises";
import { sep } from "node:path";

export type ReadOutcome =
  | { readonly text: string }
  /** Missing, a folder, a special file, outside the allowed folders or unreadable: told apart only for the root file. */
  | { readonly refused: RefusalReason }
  | { readonly tooLarge: true };

export type RefusalReason = "missing" | "folder" | "special" | "outside" | "unreadable";

/**
 * `folders`: real paths of the folders the file must be inside, or undefined for no confinement.
 * The file's own real path is checked, so a symlink inside a folder that leads out of it is refused.
 */
export async function readConfined(path: string, folders: readonly string[] | undefined, maxBytes: number): Promise<ReadOutcome> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    return { refused: (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "unreadable" };
  }
  if (folders && !folders.some((folder) => isInside(real, folder))) return { refused: "outside" };
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: the checked path is the opened one.
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    return { refused: (error as NodeJS.ErrnoException).code === "EISDIR" ? "folder" : "unreadable" };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { refused: "folder" };
    if (!info.isFile()) return { refused: "special" };
    if (info.size > maxBytes) return { tooLarge: true };
    const bytes = await readAtMost(handle, info.size, maxBytes);
    return bytes ? { text: bytes.toString("utf8") } : { tooLarge: true };
  } catch {
    return { refused: "unreadable" };
  } finally {
    await handle.close();
  }
}

/** The whole file, or undefined past `maxBytes`: the size stat gave can be wrong (/proc files say 0). */
async function readAtMost(handle: FileHandle, expected: number, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let chunk = Buffer.allocUnsafe(Math.min(expected, maxBytes) + 1); // one byte more: a file that grew fills it
  let filled = 0;
  let total = 0;
  for (;;) {
    const { bytesRead } = await handle.read(chunk, filled, chunk.length - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
    total += bytesRead;
    if (total > maxBytes) return undefined;
    if (filled === chunk.length) {
      chunks.push(chunk);
      chunk = Buffer.allocUnsafe(64 * 1024);
      filled = 0;
    }
  }
  const last = chunk.subarray(0, filled);
  return chunks.length ? Buffer.concat([...chunks, last], total) : last;
}

function isInside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** Real paths of folders; undefined for one that does not exist or is not a folder. */
export async function realFolder(path: string): Promise<string | undefined> {
  try {
    const real = await realpath(path);
    return (await stat(real)).isDirectory() ? real : undefined;
  } catch {
    return undefined;
  }
}
