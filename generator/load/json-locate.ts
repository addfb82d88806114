// Finds where the value at a JSON pointer is written in a JSON text, by scanning only along the
// pointer and skipping everything else. Reading a 13 MB spec again with the YAML parser to place
// one error took seconds; this takes a single pass at most. The text is known to be valid JSON
// (JSON.parse accepted it), so the scanner does not validate.

/**
 * Offset of the key of the last pointer segment that exists (of the item, for a list index), or
 * of the value itself for an empty pointer. A key written twice resolves to its last occurrence,
 * as in JSON.parse.
 */
export function jsonPointerOffset(text: string, pointer: readonly (string | number)[]): number {
  let i = skipSpace(text, 0);
  let at = i;
  for (const segment of pointer) {
    const c = text[i];
    if (c === "{") {
      const found = findMember(text, i, String(segment));
      if (!found) break;
      at = found.key;
      i = found.value;
    } else if (c === "[") {
      const found = findItem(text, i, Number(segment));
      if (found === undefined) break;
      at = i = found;
    } else break;
  }
  return at;
}

/** The key and value offsets of `name` in the object that starts at `open`. */
function findMember(text: string, open: number, name: string): { key: number; value: number } | undefined {
  let found: { key: number; value: number } | undefined;
  let i = skipSpace(text, open + 1);
  while (text[i] === '"') {
    const key = i;
    const end = skipString(text, i);
    const raw = text.slice(i + 1, end - 1);
    const decoded = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
    i = skipSpace(text, skipSpace(text, end) + 1); // past the colon
    if (decoded === name) found = { key, value: i };
    i = skipSpace(text, skipValue(text, i));
    if (text[i] !== ",") break;
    i = skipSpace(text, i + 1);
  }
  return found;
}

/** The offset of item `index` of the list that starts at `open`. */
function findItem(text: string, open: number, index: number): number | undefined {
  if (!Number.isInteger(index) || index < 0) return undefined;
  let i = skipSpace(text, open + 1);
  if (text[i] === "]") return undefined;
  for (let k = 0; ; k++) {
    if (k === index) return i;
    i = skipSpace(text, skipValue(text, i));
    if (text[i] !== ",") return undefined;
    i = skipSpace(text, i + 1);
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")) i++;
  return i;
}

/** Offset just past the string whose opening quote is at `i`. */
function skipString(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const quote = text.indexOf('"', j);
    if (quote === -1) return text.length;
    let backslashes = 0;
    for (let k = quote - 1; text[k] === "\\"; k--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    j = quote + 1;
  }
}

/** Offset just past the value that starts at `i`. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c !== "{" && c !== "[") {
    while (i < text.length && !",}] \n\r\t".includes(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  for (; i < text.length; i++) {
    const d = text[i];
    if (d === '"') i = skipString(text, i) - 1;
    else if (d === "{" || d === "[") depth++;
    else if ((d === "}" || d === "]") && --depth === 0) return i + 1;
  }
  return i;
}

/** 1-based line and column of an offset; the line starts are computed once per text. */
export function lineColumn(lineStarts: readonly number[], offset: number): { line: number; col: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - lineStarts[lo]! + 1 };
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Offset of the first `{` or `[` nested deeper than `maxDepth` in a valid JSON text, in one pass.
 * (Locating that value through its pointer would skip over its whole subtree once per level.)
 */
export function jsonTooDeepOffset(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = skipString(text, i) - 1;
    else if (c === "{" || c === "[") {
      if (++depth > maxDepth) return i;
    } else if (c === "}" || c === "]") depth--;
  }
  return undefined;
}
