// Refuses an output folder that is not one of its own: the filesystem's root, the home folder, the
// project (the current folder), a folder that holds the spec, a file, or a symlink (whose target
// would not be plain to see). All of this is decided from the paths alone, before anything is read
// or written. Which files inside the folder the generator may touch is decided by ownership.ts.
import { lstat, realpath } from "node:fs/promises";
import { homedir } from "node:os";
import { basename, dirname, join, resolve, sep } from "node:path";

export interface OutDirContext {
  /** The spec's root file: the folder that holds it, and every folder above, are refused. */
  readonly specFile: string;
  /** The current folder: it, and every folder above, are refused. */
  readonly cwd: string;
  readonly home?: string;
}

/** Why `outDir` is refused, in one line, or undefined when it may be written. */
export async function outDirRefusal(outDir: string, context: OutDirContext): Promise<string | undefined> {
  const given = resolve(outDir);
  const info = await lstat(given).catch(() => undefined);
  if (info?.isSymbolicLink()) return `--out ${given} is a symbolic link; give the folder it leads to, or another path`;
  if (info && !info.isDirectory())
    return `--out ${given} is a file, not a folder; give a folder for the generated package, such as ./generated`;
  const real = await realPathOf(given);
  const holds = (path: string) => real === path || path.startsWith(real.endsWith(sep) ? real : real + sep);
  const guarded: [string, string][] = [
    [await realPathOf(context.specFile), "the spec"],
    [await realPathOf(context.cwd), "the current folder"],
    [await realPathOf(context.home ?? homedir()), "your home folder"],
  ];
  const advice = "the generated package needs a folder of its own, such as ./generated";
  if (dirname(real) === real) return `--out ${given} is the root of the filesystem; ${advice}`;
  const hit = guarded.find(([path]) => holds(path));
  if (hit) return `--out ${given} ${hit[0] === real ? "is" : "holds"} ${hit[1]}; ${advice}`;
  return undefined;
}

/** The real path of `path`, or of its nearest existing parent followed by the rest as written. */
async function realPathOf(path: string): Promise<string> {
  const rest: string[] = [];
  for (let at = resolve(path); ; at = dirname(at)) {
    try {
      return join(await realpath(at), ...rest.reverse());
    } catch {
      if (dirname(at) === at) return resolve(path);
      rest.push(basename(at));
    }
  }
}
