// Generates a package from each of several specs (in process, two at a time) into a temp folder,
// then type-checks all of them in ONE strict program, and gives each spec back its errors: the
// regression subset and the normalise tests share it, so that all of them hold the output to the
// bar of test/generator/strict-program.ts, at the cost of one compiler start.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import { generate } from "../../generator/pipeline.js";
import { strictProgram } from "../generator/strict-program.js";

export interface Checked {
  /** Type errors per spec, as `file:line message` relative to the package; empty when it compiles. */
  readonly errors: Record<string, string[]>;
  /** The files of each generated package, by path. */
  readonly files: Record<string, Map<string, string>>;
}

export async function generateAndCheck(specs: Record<string, string>): Promise<Checked> {
  const root = mkdtempSync(join(tmpdir(), "corpus-check-"));
  try {
    const names = Object.keys(specs);
    const files: Record<string, Map<string, string>> = {};
    const queue = [...names];
    const lane = async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        const result = await generate(specs[name]!, join(root, name));
        files[name] = new Map(result.files.map((f) => [f.path, f.contents]));
        for (const file of result.files) write(join(root, name, file.path), file.contents);
      }
    };
    await Promise.all([lane(), lane()]);
    const roots = names.flatMap((name) => [...files[name]!.keys()].filter((p) => p.startsWith("src/")).map((p) => join(root, name, p)));
    const errors: Record<string, string[]> = Object.fromEntries(names.map((name) => [name, []]));
    for (const d of ts.getPreEmitDiagnostics(strictProgram(roots))) {
      const file = d.file?.fileName.slice(root.length + 1) ?? "";
      const name = names.find((n) => file.startsWith(n + "/"));
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      const text = `${file.slice((name?.length ?? -1) + 1)}:${line} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      // A problem outside every package (the compiler's own) fails all of them.
      for (const n of name ? [name] : names) errors[n]!.push(text);
    }
    return { errors, files };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function write(path: string, contents: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
}
