// Formats emitted files with prettier and a fixed configuration: no config file of the host is
// read, so the output is the same on every machine.
import * as prettier from "prettier";
import type { EmittedFile } from "../emit/file.js";

const OPTIONS: prettier.Options = { printWidth: 120, trailingComma: "all", endOfLine: "lf" };

function parserFor(path: string): string | undefined {
  if (path.endsWith(".ts")) return "typescript";
  if (path.endsWith(".json")) return "json";
  if (path.endsWith(".md")) return "markdown";
  return undefined;
}

export async function formatFiles(files: readonly EmittedFile[], skip: (file: EmittedFile) => boolean = () => false): Promise<EmittedFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const parser = parserFor(file.path);
      if (!parser || skip(file)) return file;
      return { path: file.path, contents: await prettier.format(file.contents, { ...OPTIONS, parser }) };
    }),
  );
}
