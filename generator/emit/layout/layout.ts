// The generated modules' statements as layout documents, broken the way prettier breaks them
// (for the constructs the emitters write: imports, type aliases, interfaces and `export const`
// with a call initializer). Printed at prettier's settings (2-space indent, width 120), a module
// comes out as prettier would format it: test/generator/layout.test.ts checks that prettier
// leaves every such file unchanged.
import type { Doc } from "./doc.js";
import { group, hardline, ifBreak, indent, indentIfBreak, join, line, softline } from "./doc.js";
import { parseExpression, parseType, type Node } from "./syntax.js";

/**
 * Whether everything printed so far is in prettier's layout. Text outside the emitters' vocabulary
 * is kept as it is and clears `exact`: such a file goes through prettier after all.
 */
export interface LayoutReport {
  exact: boolean;
}

function verbatim(text: string, report: LayoutReport): Doc {
  report.exact = false;
  return text;
}

export function typeDoc(text: string, report: LayoutReport): Doc {
  const node = parseType(text);
  return node ? nodeDoc(node, "statement") : verbatim(text, report);
}

export function expressionDoc(text: string, expanded: boolean, report: LayoutReport): Doc {
  const node = parseExpression(text);
  return node ? nodeDoc(node, "statement", expanded) : verbatim(text, report);
}

/** Where a node sits, which changes how prettier lays out unions. */
type Place = "statement" | "type-argument";

function nodeDoc(node: Node, place: Place, expanded = false): Doc {
  switch (node.kind) {
    case "text":
      if (node.text.startsWith('"')) return preferredQuotes(node.text);
      // Prettier writes exponents as `1e21`, where JSON.stringify writes `1e+21`.
      return /^-?\d/.test(node.text) ? node.text.toLowerCase().replace("e+", "e") : node.text;
    case "union":
      return unionDoc(node.members, place === "statement");
    case "intersection":
      return intersectionDoc(node.members);
    case "generic":
      return [node.name, typeArguments(node.args)];
    case "indexed":
      return [nodeDoc(node.base, "statement"), "[", nodeDoc(node.index, "statement"), "]"];
    case "array-type":
      return [nodeDoc(node.element, "statement"), "[]"];
    case "prefix":
      return [node.operator, " ", nodeDoc(node.operand, "statement")];
    case "type-literal":
      return bracketed(node.members.map((m) => [m.key, m.optional ? "?" : "", ": ", nodeDoc(m.type, "statement")]), ";", false);
    case "mapped": {
      // The value type moves to its own line when it does not fit after `]:`, as in a type alias.
      const value = node.type.kind === "union" ? unionDoc(node.type.members, false, false) : nodeDoc(node.type, "statement");
      const key = [group(["[", indent([softline, node.parameter, " in ", nodeDoc(node.constraint, "statement")]), softline, "]"]), ":"];
      return group(["{", indent([line, key, group(indent([line, value])), ifBreak(";")]), line, "}"]);
    }
    case "call": {
      const args = node.args.map((a, i) => nodeDoc(a, "statement", expanded && i === node.args.length - 1));
      const head = node.comment ? node.comment + " " + node.callee : node.callee;
      // One object argument hugs the parentheses, as prettier prints `operation({ … })`.
      if (node.args.length === 1 && node.args[0]!.kind === "object") return [head, "(", args[0]!, ")"];
      return [head, group(["(", indent([softline, join([",", line], args)]), ifBreak(","), softline, ")"])];
    }
    case "object":
      return bracketed(node.properties.map((p) => property(p.key, p.value)), ",", expanded);
    case "array": {
      if (!node.elements.length) return "[]";
      const items = join([",", line], node.elements.map((e) => nodeDoc(e, "statement")));
      // Like prettier, a list of several lists (or objects) of several entries is always one per line.
      return group(["[", indent([isMatrix(node.elements) ? hardline : softline, items]), ifBreak(","), softline, "]"]);
    }
  }
}

/**
 * `A | B`, or when it does not fit one member per line after `| `. In a type alias the alias puts
 * the union on its own line first (`typeAliasDoc`); elsewhere a statement-level union starts on a
 * new line of its own.
 */
function unionDoc(members: readonly Node[], startOnNewLine: boolean, indented = startOnNewLine): Doc {
  const printed = members.map((m) => indent(nodeDoc(m, "statement")));
  const code = [ifBreak([startOnNewLine ? line : "", "| "]), join([line, "| "], printed)];
  return group(indented ? indent(code) : code);
}

/** `A & B`: plain types go one per line when broken; an object type stays on the line of its neighbour. */
function intersectionDoc(members: readonly Node[]): Doc {
  const parts: Doc[] = [];
  let wasIndented = false;
  members.forEach((member, i) => {
    const printed = nodeDoc(member, "statement");
    if (i === 0) parts.push(printed);
    else if (!isObjectType(members[i - 1]!) && !isObjectType(member)) parts.push(indent([" &", line, printed]));
    else if (isObjectType(members[i - 1]!) && isObjectType(member)) parts.push(" & ", wasIndented ? indent(printed) : printed);
    else {
      if (i > 1) wasIndented = true;
      parts.push(" & ", i > 1 ? indent(printed) : printed);
    }
  });
  return group(parts);
}

function isObjectType(node: Node): boolean {
  return node.kind === "type-literal" || node.kind === "mapped";
}

/** The right side of `type X = …`: a union moves to the next line, and breaks there only if it must. */
export function typeAliasDoc(left: Doc, text: string, report: LayoutReport): Doc {
  const node = parseType(text);
  if (node?.kind === "union") return group([group(left), " =", group(indent([line, unionDoc(node.members, false, false)])), ";"]);
  return assignment(left, [node ? nodeDoc(node, "statement") : verbatim(text, report), ";"]);
}

/**
 * `key: value`. A string that does not fit goes to the next line, as prettier puts it, unless the
 * key is shorter than 5 columns: moving the string would gain too little.
 */
function property(key: string, value: Node): Doc {
  const printed = nodeDoc(value, "statement");
  const breakable = value.kind === "text" && value.text.startsWith('"') && key.length >= 5;
  return breakable ? group([key, ":", group(indent([line, printed]))]) : [key, ": ", printed];
}

function isMatrix(elements: readonly Node[]): boolean {
  const size = (n: Node) => (n.kind === "array" ? n.elements.length : n.kind === "object" ? n.properties.length : 0);
  return elements.length > 1 && elements.every((e) => e.kind === elements[0]!.kind && size(e) > 1);
}

/**
 * A string literal (JSON-escaped, in double quotes) in the quotes prettier picks: double, unless
 * the text holds more double quotes than single ones. Only the quote escapes change.
 */
export function preferredQuotes(literal: string): string {
  const raw = literal.slice(1, -1);
  const doubles = (raw.match(/"/g) ?? []).length;
  const singles = (raw.match(/'/g) ?? []).length;
  if (doubles <= singles) return literal;
  const body = raw.replace(/\\(.)|(')/gs, (match, escaped: string | undefined) => (escaped === '"' ? '"' : escaped !== undefined ? match : "\\'"));
  return `'${body}'`;
}

/** `<A, B>`: one argument that cannot break is hugged; otherwise the list breaks one per line. */
function typeArguments(args: readonly Node[]): Doc {
  const printed = args.map((a) => nodeDoc(a, "type-argument"));
  if (args.length === 1 && (args[0]!.kind === "text" || args[0]!.kind === "type-literal" || args[0]!.kind === "mapped")) return ["<", printed[0]!, ">"];
  return group(["<", indent([softline, join([",", line], printed)]), softline, ">"]);
}

/** `{ a, b }` for objects, type literals and import lists; `expanded` keeps it broken, as prettier keeps an object that starts on a new line. */
function bracketed(items: readonly Doc[], separator: string, expanded: boolean): Doc {
  if (!items.length) return "{}";
  const body = ["{", indent([expanded ? hardline : line, join([separator, line], items)]), ifBreak(separator), line, "}"];
  return group(body);
}

/** `<left> = <right>`: the right side stays on the line while its first part fits (prettier's "fluid" layout). */
export function assignment(left: Doc, right: Doc): Doc {
  const id = Symbol("assignment");
  return group([group(left), " =", group(indent(line), id), indentIfBreak(right, id)]);
}

export function importList(names: readonly string[]): Doc {
  if (names.length === 1) return ["{ ", names[0]!, " }"];
  return bracketed(names, ",", false);
}

