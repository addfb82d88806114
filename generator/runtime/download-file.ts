// `download` into a file, for Node (and Deno, Bun). The only module that reaches `node:fs`, and it
// does so at call time through a specifier the type checker and bundlers do not follow: importing
// the package in a browser costs nothing, and its types need no @types/node.
import { download, type DownloadResult, type DownloadTarget, type RedirectingOperation } from "./download.js";
import type { Client } from "./types.js";

/** The few `node:fs/promises` calls used, typed here so that the package's types stand alone. */
interface FsPromises {
  open(path: string, flags: string): Promise<FileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
}
interface FileHandle {
  write(buffer: Uint8Array, offset: number): Promise<{ bytesWritten: number }>;
  close(): Promise<void>;
}

export interface DownloadFileOptions extends DownloadTarget {
  /** The file to write; replaced only once the download is complete. */
  readonly path: string;
}

const FS = "node:fs/promises";

/**
 * Downloads into `options.path` through a temporary file beside it (`<path>.<random>.partial`),
 * renamed over `path` once complete; on any failure (cut connection, size limit, timeout, abort)
 * the temporary file is removed, so no partial file is ever left. Same bounds and redirect rules
 * as `download`. Node, Deno and Bun only (it needs `node:fs`).
 *
 * ```ts
 * await downloadToFile(gh, downloadWorkflowRunLogs, { owner, repo, run_id }, { path: "logs.zip" });
 * ```
 */
export async function downloadToFile<P>(
  client: Client,
  fn: RedirectingOperation<P>,
  params: NoInfer<P>,
  options: DownloadFileOptions,
): Promise<DownloadResult> {
  const { path, ...target } = options;
  if (typeof path !== "string" || !path) throw new TypeError("downloadToFile: path must be a non-empty string");
  const fs = (await import(/* webpackIgnore: true */ /* @vite-ignore */ FS)) as FsPromises;
  const temp = `${path}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.partial`;
  // "wx": never opens a file that is already there (a link planted under the temporary name).
  const handle = await fs.open(temp, "wx");
  let open = true;
  const close = () => (open ? ((open = false), handle.close()) : undefined);
  try {
    const to = new WritableStream<Uint8Array>({
      async write(chunk) {
        for (let done = 0; done < chunk.byteLength;) done += (await handle.write(chunk, done)).bytesWritten;
      },
      close,
    });
    const result = await download(client, fn, params, { ...target, to });
    await close();
    await fs.rename(temp, path);
    return result;
  } catch (e) {
    await close()?.catch(ignore);
    await fs.rm(temp, { force: true });
    throw e;
  }
}

function ignore(): void {}
