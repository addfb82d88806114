// Prettier, for the few files the layout printer cannot vouch for (a module with text it does not
// know, a README with unusual characters) and for keeping the runtime's sources formatted in
// place (`npm run format:runtime`). A normal run formats nothing and never loads it.
//
// Its configuration is fixed here, not read from the host, so the output is the same on every
// machine.
import type { EmittedFile } from "./file.js";
import { PRETTIER_OPTIONS } from "./layout/style.js";

function parserFor(path: string): string | undefined {
  if (path.endsWith(".ts")) return "typescript";
  if (path.endsWith(".json")) return "json";
  if (path.endsWith(".md")) return "markdown";
  return undefined;
}

/** Formats one text as a file at `path` would be formatted. */
export async function formatText(path: string, contents: string): Promise<string> {
  const parser = parserFor(path);
  if (!parser) return contents;
  const prettier = await import("prettier");
  return prettier.format(contents, { ...PRETTIER_OPTIONS, parser });
}

/** The files with every one that is not in prettier's layout already formatted by it. */
export async function formatLeftovers(files: readonly EmittedFile[]): Promise<EmittedFile[]> {
  return Promise.all(
    files.map(async (file) => (file.formatted ? file : { path: file.path, contents: await formatText(file.path, file.contents) })),
  );
}
