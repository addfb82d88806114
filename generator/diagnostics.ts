// Problems found in a spec. Every check reports into a list of these, so that one run shows
// all of them; `SpecError` carries the list out of the pipeline to the CLI.

/** Where a problem is: a file and a JSON pointer (as segments) inside it. */
export interface SpecLocation {
  readonly file: string;
  readonly pointer: readonly (string | number)[];
}

export interface Diagnostic {
  readonly location: SpecLocation;
  readonly message: string;
  readonly hint?: string;
  /** Set when the position is known directly (a syntax error), rather than through the pointer. */
  readonly position?: { line: number; col: number };
}

/** Turns a pointer into 1-based line and column; provided by the loader, which knows the files. */
export type Locator = (location: SpecLocation) => { line: number; col: number } | undefined;

export class SpecError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  readonly locate: Locator;
  constructor(diagnostics: readonly Diagnostic[], locate: Locator) {
    super(`${diagnostics.length} problem(s) in the spec`);
    this.name = "SpecError";
    this.diagnostics = diagnostics;
    this.locate = locate;
  }
}

/** `spec/paths/runs.yaml:41:7 error: message` plus an indented hint line. */
export function formatDiagnostic(d: Diagnostic, locate: Locator, cwd: string): string {
  const pos = d.position ?? locate(d.location) ?? { line: 1, col: 1 };
  const file = relativeTo(cwd, d.location.file);
  const where = d.location.pointer.length ? ` (at #/${d.location.pointer.map(escapePointerSegment).join("/")})` : "";
  const head = `${file}:${pos.line}:${pos.col} error: ${d.message}${where}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

export function escapePointerSegment(segment: string | number): string {
  return String(segment).replaceAll("~", "~0").replaceAll("/", "~1");
}

function relativeTo(cwd: string, file: string): string {
  return file.startsWith(cwd + "/") ? file.slice(cwd.length + 1) : file;
}
