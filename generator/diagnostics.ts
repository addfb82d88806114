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

/**
 * `spec/paths/runs.yaml:41:7 error: message` plus an indented hint line. Every path under `cwd`
 * is printed relative to it, in the message and hint too, so that output does not depend on
 * where the project is checked out. Line breaks inside a message (from text quoted out of the
 * spec) are escaped: one diagnostic stays one line plus its hint.
 */
export function formatDiagnostic(d: Diagnostic, locate: Locator, cwd: string): string {
  const pos = d.position ?? locate(d.location) ?? { line: 1, col: 1 };
  const file = relativeTo(cwd, d.location.file);
  const where = d.location.pointer.length ? ` (at #/${d.location.pointer.map(escapePointerSegment).join("/")})` : "";
  const text = (t: string) => oneLine(t.replaceAll(cwd + "/", ""));
  const head = `${file}:${pos.line}:${pos.col} error: ${text(d.message)}${text(where)}`;
  return d.hint ? `${head}\n  hint: ${text(d.hint)}` : head;
}

function oneLine(text: string): string {
  return text.replaceAll("\r", "\\r").replaceAll("\n", "\\n");
}

export function escapePointerSegment(segment: string | number): string {
  return String(segment).replaceAll("~", "~0").replaceAll("/", "~1");
}

function relativeTo(cwd: string, file: string): string {
  return file.startsWith(cwd + "/") ? file.slice(cwd.length + 1) : file;
}

/** Diagnostics in reading order: by file (the root file first), then line and column. Stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[], locate: Locator, rootFile: string): Diagnostic[] {
  const keyed = diagnostics.map((d) => ({ d, pos: d.position ?? locate(d.location) ?? { line: 1, col: 1 } }));
  keyed.sort((a, b) => {
    const fa = a.d.location.file;
    const fb = b.d.location.file;
    if (fa !== fb) return fa === rootFile ? -1 : fb === rootFile ? 1 : fa < fb ? -1 : 1;
    return a.pos.line - b.pos.line || a.pos.col - b.pos.col;
  });
  return keyed.map((k) => k.d);
}
