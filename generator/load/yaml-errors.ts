// Turns the yaml library's errors into messages a spec author can act on, at the place to fix:
// an unclosed quote or bracket is reported where it opens (yaml reports where it gave up, often
// the end of the file), a duplicate key names the key, and only the first error of a line is
// kept (the others on the same line are the parser stumbling over the first).
import { isCollection, isMap, isScalar, isSeq, visit, type Document, type LineCounter, type Node, type YAMLError } from "yaml";

export interface PositionedError {
  readonly message: string;
  readonly position: { line: number; col: number };
}

export function describeYamlErrors(doc: Document, text: string, lines: LineCounter): PositionedError[] {
  const out: PositionedError[] = [];
  const seenLines = new Set<number>();
  for (const error of doc.errors) {
    const { offset, message } = describe(error, doc, text);
    const position = lines.linePos(offset);
    if (seenLines.has(position.line)) continue;
    seenLines.add(position.line);
    out.push({ message, position });
  }
  return out;
}

function describe(error: YAMLError, doc: Document, text: string): { offset: number; message: string } {
  const offset = error.pos[0];
  const first = error.message.split("\n")[0]!.trim();
  if (error.code === "MISSING_CHAR" && /quote/.test(first)) {
    const open = startOfNodeEndingAt(
      doc,
      offset,
      (node) => isScalar(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE"),
    );
    if (open !== undefined) return { offset: open, message: "unterminated string: the quote opened here is never closed" };
  }
  if (error.code === "BAD_INDENT" && /^Flow (sequence|map)/.test(first)) {
    const sequence = first.startsWith("Flow sequence");
    const open = startOfNodeEndingAt(
      doc,
      offset,
      (node) => isCollection(node) && node.flow === true && (sequence ? isSeq(node) : isMap(node)),
    );
    const [o, c] = sequence ? ["[", "]"] : ["{", "}"];
    if (open !== undefined)
      return { offset: open, message: `unclosed "${o}": this flow ${sequence ? "sequence" : "mapping"} needs a closing "${c}"` };
  }
  if (error.code === "DUPLICATE_KEY") {
    const key = /^[^:\n]*/
      .exec(text.slice(offset))![0]
      .trim()
      .replace(/^(["'])(.*)\1$/, "$2");
    return { offset, message: `duplicate key ${JSON.stringify(key)} in the same mapping` };
  }
  return { offset, message: first };
}

/** Start of the innermost node that runs on to `end`, where yaml gave up looking for its closing character. */
function startOfNodeEndingAt(doc: Document, end: number, accept: (node: Node) => boolean): number | undefined {
  let found: number | undefined;
  const consider = (node: Node) => {
    if (!node.range || !accept(node)) return;
    if (node.range[0] < end && node.range[1] >= end && (found === undefined || node.range[0] > found)) found = node.range[0];
  };
  visit(doc, { Scalar: (_k, node) => consider(node), Map: (_k, node) => consider(node), Seq: (_k, node) => consider(node) });
  return found;
}
