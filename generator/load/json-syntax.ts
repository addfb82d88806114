// Finds the first syntax error of a JSON text, with its offset. JSON.parse stays the fast path;
// this runs only after it failed, because its messages differ between Node versions and some
// of them carry no position at all. Iterative, so that deep nesting cannot overflow the stack.

export interface JsonSyntaxProblem {
  /** Offset in the text (UTF-16 code units) where the problem is. */
  readonly offset: number;
  readonly message: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const n = text.length;
  const stack: ("{" | "[")[] = [];
  let i = 0;
  const fail = (offset: number, message: string): JsonSyntaxProblem => ({ offset, message });
  const skipSpace = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };

  const string = (): JsonSyntaxProblem | undefined => {
    const open = i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x0a || c === 0x0d) return fail(open, "unterminated string: the line ends before the closing quote");
      if (c < 0x20) return fail(i, "control character in a string: write it as an escape such as \\t");
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail(i, "invalid \\u escape: four hex digits must follow");
          i += 6;
          continue;
        }
        if (e === undefined || !ESCAPES.has(e)) return fail(i, `invalid escape ${JSON.stringify("\\" + (e ?? ""))} in a string`);
        i += 2;
        continue;
      }
      i++;
    }
    return fail(open, "unterminated string: the file ends before the closing quote");
  };

  const scalar = (): JsonSyntaxProblem | undefined => {
    const c = text[i]!;
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m || m[0] === "-") return fail(i, "invalid number");
      i += m[0].length;
      return undefined;
    }
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return undefined;
      }
    }
    if (c === "'") return fail(i, "strings and property names must be in double quotes");
    if (c === "}" || c === "]") return fail(i, `unexpected '${c}': a value is missing`);
    return fail(i, `unexpected character ${JSON.stringify(c)}`);
  };

  /** A property name and its colon; leaves `i` where the value starts. */
  const key = (): JsonSyntaxProblem | undefined => {
    skipSpace();
    if (i >= n) return fail(n, "unexpected end of file: a property name is missing");
    if (text[i] !== '"') return fail(i, "expected a property name in double quotes");
    const problem = string();
    if (problem) return problem;
    skipSpace();
    if (text[i] !== ":") return fail(i, "expected ':' after the property name");
    i++;
    return undefined;
  };

  for (;;) {
    // A value is expected here.
    skipSpace();
    if (i >= n) return fail(n, "unexpected end of file: a value is missing");
    const c = text[i]!;
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      stack.push(c);
      i++;
      skipSpace();
      if (text[i] === close) {
        stack.pop();
        i++;
      } else {
        if (c === "{") {
          const problem = key();
          if (problem) return problem;
        }
        continue;
      }
    } else {
      const problem = scalar();
      if (problem) return problem;
    }
    // A value ended: close containers, or find the comma before the next entry.
    for (;;) {
      skipSpace();
      const top = stack[stack.length - 1];
      if (!top) return i < n ? fail(i, "unexpected text after the end of the document") : undefined;
      const close = top === "{" ? "}" : "]";
      if (i >= n) return fail(n, `unexpected end of file: '${close}' is missing`);
      if (text[i] === close) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ",") return fail(i, `expected ',' or '${close}' after ${top === "{" ? "a property value" : "an array item"}`);
      const comma = i++;
      skipSpace();
      if (text[i] === close) return fail(comma, `trailing comma before '${close}'`);
      if (top === "{") {
        const problem = key();
        if (problem) return problem;
      }
      break;
    }
  }
}
