// A small document layout engine with prettier's semantics (groups that break as a whole when
// they do not fit, indents, soft and hard lines, if-break parts), so that the generated modules
// can be printed in prettier's layout directly instead of being printed flat and then run through
// prettier, which on a large spec cost more than the rest of the run together.
//
// The algorithm is the classic one (Wadler's "prettier printer", as prettier implements it): a
// group is printed flat when its contents, followed by the rest of the document up to the next
// possible line break, fit in what is left of the line.

export type Doc = string | readonly Doc[] | Group | Indent | Line | IfBreak | IndentIfBreak;

interface Group {
  readonly kind: "group";
  readonly contents: Doc;
  /** Broken whatever the width: it holds a hard line. Set by `group`. */
  readonly broken: boolean;
  readonly id?: symbol;
}
interface Indent {
  readonly kind: "indent";
  readonly contents: Doc;
}
interface Line {
  readonly kind: "line";
  /** Nothing when flat (a `softline`), rather than a space. */
  readonly soft: boolean;
  /** Always a line break (a `hardline`). */
  readonly hard: boolean;
}
interface IfBreak {
  readonly kind: "if-break";
  readonly broken: Doc;
  readonly flat: Doc;
  readonly groupId?: symbol;
}
interface IndentIfBreak {
  readonly kind: "indent-if-break";
  readonly contents: Doc;
  readonly groupId: symbol;
}

export const line: Line = { kind: "line", soft: false, hard: false };
export const softline: Line = { kind: "line", soft: true, hard: false };
export const hardline: Line = { kind: "line", soft: false, hard: true };

export function group(contents: Doc, id?: symbol): Group {
  return { kind: "group", contents, broken: hasHardLine(contents), ...(id ? { id } : {}) };
}

export function indent(contents: Doc): Indent {
  return { kind: "indent", contents };
}

export function ifBreak(broken: Doc, flat: Doc = "", groupId?: symbol): IfBreak {
  return { kind: "if-break", broken, flat, ...(groupId ? { groupId } : {}) };
}

export function indentIfBreak(contents: Doc, groupId: symbol): IndentIfBreak {
  return { kind: "indent-if-break", contents, groupId };
}

export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  return docs.flatMap((doc, i) => (i ? [separator, doc] : [doc]));
}

function hasHardLine(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (isArray(doc)) return doc.some(hasHardLine);
  switch (doc.kind) {
    case "line":
      return doc.hard;
    case "group":
      return doc.broken;
    case "if-break":
      return hasHardLine(doc.broken);
    case "indent":
    case "indent-if-break":
      return hasHardLine(doc.contents);
  }
}

function isArray(doc: Doc): doc is readonly Doc[] {
  return Array.isArray(doc);
}

type Mode = "flat" | "break";

interface Command {
  readonly indent: number;
  readonly mode: Mode;
  readonly doc: Doc;
}

/** Lays the document out in lines of at most `width` columns where it can, indenting by 2. */
export function printDoc(doc: Doc, width: number): string {
  const groupModes = new Map<symbol, Mode>();
  const out: string[] = [];
  let column = 0;
  const commands: Command[] = [{ indent: 0, mode: "break", doc }];
  while (commands.length) {
    const { indent: level, mode, doc: current } = commands.pop()!;
    if (typeof current === "string") {
      out.push(current);
      column += textWidth(current);
      continue;
    }
    if (isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) commands.push({ indent: level, mode, doc: current[i]! });
      continue;
    }
    switch (current.kind) {
      case "indent":
        commands.push({ indent: level + 2, mode, doc: current.contents });
        break;
      case "group": {
        const flat: Command = { indent: level, mode: "flat", doc: current.contents };
        const chosen =
          mode === "flat" && !current.broken
            ? flat
            : !current.broken && fits(flat, commands, width - column, groupModes)
              ? flat
              : { indent: level, mode: "break" as const, doc: current.contents };
        if (current.id) groupModes.set(current.id, chosen.mode);
        commands.push(chosen);
        break;
      }
      case "if-break": {
        const groupMode = current.groupId ? (groupModes.get(current.groupId) ?? "flat") : mode;
        commands.push({ indent: level, mode, doc: groupMode === "break" ? current.broken : current.flat });
        break;
      }
      case "indent-if-break": {
        const broken = groupModes.get(current.groupId) === "break";
        commands.push({ indent: broken ? level + 2 : level, mode, doc: current.contents });
        break;
      }
      case "line":
        if (mode === "flat" && !current.hard) {
          if (!current.soft) {
            out.push(" ");
            column += 1;
          }
          break;
        }
        trimTrailingSpaces(out);
        out.push("\n" + " ".repeat(level));
        column = level;
        break;
    }
  }
  return out.join("");
}

/**
 * Whether `next`, printed flat, and then the rest of the document up to its next line break fit
 * in `width` columns. The rest is measured in its own modes: a line in a broken group ends the
 * measure there.
 */
function fits(next: Command, rest: readonly Command[], width: number, groupModes: ReadonlyMap<symbol, Mode>): boolean {
  const stack: { mode: Mode; doc: Doc }[] = [{ mode: next.mode, doc: next.doc }];
  let restIndex = rest.length;
  while (width >= 0) {
    if (!stack.length) {
      if (!restIndex) return true;
      const { mode, doc } = rest[--restIndex]!;
      stack.push({ mode, doc });
      continue;
    }
    const { mode, doc } = stack.pop()!;
    if (typeof doc === "string") {
      width -= textWidth(doc);
      continue;
    }
    if (isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) stack.push({ mode, doc: doc[i]! });
      continue;
    }
    switch (doc.kind) {
      case "indent":
      case "indent-if-break":
        stack.push({ mode, doc: doc.contents });
        break;
      case "group":
        stack.push({ mode: doc.broken ? "break" : mode, doc: doc.contents });
        break;
      case "if-break": {
        const groupMode = doc.groupId ? (groupModes.get(doc.groupId) ?? "flat") : mode;
        stack.push({ mode, doc: groupMode === "break" ? doc.broken : doc.flat });
        break;
      }
      case "line":
        if (mode === "break" || doc.hard) return true;
        if (!doc.soft) width -= 1;
        break;
    }
  }
  return false;
}

/**
 * Columns a text takes, counted as prettier counts them: East Asian wide and fullwidth characters
 * and emoji take 2, combining marks and control characters none.
 */
function textWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const character of text) {
    if (/[\p{Cc}\u0300-\u036f]/u.test(character)) continue;
    width += WIDE.test(character) ? 2 : 1;
  }
  return width;
}

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

function trimTrailingSpaces(out: string[]): void {
  while (out.length) {
    const last = out[out.length - 1]!;
    const trimmed = last.replace(/[ \t]+$/, "");
    if (trimmed === last) return;
    if (trimmed) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}
