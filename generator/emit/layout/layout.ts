// Type and expression nodes (emit/ts.ts) as layout documents, broken the way prettier breaks them.
// Printed at prettier's settings (style.ts), a module comes out as prettier would format it:
// test/generator/layout.test.ts checks that prettier leaves every such file unchanged.
import type { Expression, TypeNode } from "../ts.js";
import { isIdentifier, propertyName, stringLiteral } from "../ts.js";
import type { Doc } from "./doc.js";
import { group, hardline, ifBreak, indent, indentIfBreak, join, line, softline } from "./doc.js";

/** Where a type sits, which changes how prettier lays out unions. */
type Place = "statement" | "type-argument";

export function typeDoc(node: TypeNode, place: Place = "statement"): Doc {
  switch (node.kind) {
    case "name":
      return name(node.text);
    case "literal":
      return literalText(node.value);
    case "union":
      return unionDoc(node.members, place === "statement");
    case "intersection":
      return intersectionDoc(node.members);
    case "generic":
      return [name(node.name), typeArguments(node.args)];
    case "indexed":
      return [operand(node.base), "[", typeDoc(node.index), "]"];
    case "array-type":
      return [operand(node.element), "[]"];
    case "prefix":
      return [node.operator, " ", operand(node.operand)];
    case "type-literal":
      return bracketed(
        node.members.map((m) => [propertyName(m.key), m.optional ? "?" : "", ": ", typeDoc(m.type)]),
        ";",
        false,
      );
    case "mapped": {
      // The value type moves to its own line when it does not fit after `]:`, as in a type alias.
      const value = node.type.kind === "union" ? unionDoc(node.type.members, false, false) : typeDoc(node.type);
      const key = [group(["[", indent([softline, name(node.parameter), " in ", typeDoc(node.constraint)]), softline, "]"]), ":"];
      return group(["{", indent([line, key, group(indent([line, value])), ifBreak(";")]), line, "}"]);
    }
  }
}

/**
 * A name the emitters chose (a type, a declaration, a callee): checked, because printed as it is.
 * Text from the spec enters as a literal or a property key, which are quoted where needed.
 */
export function name(text: string): string {
  if (!isIdentifier(text)) throw new Error(`internal error: ${JSON.stringify(text)} is printed as a name but is not an identifier`);
  return text;
}

/** A type in a place that binds tighter than `|` and `&`: such a member would need parentheses, which no emitter writes. */
function operand(node: TypeNode): Doc {
  if (node.kind === "union" || node.kind === "intersection")
    throw new Error(`internal error: the layout has no parentheses for a ${node.kind} inside another type`);
  return typeDoc(node);
}

function literalText(value: string | number | boolean | null): string {
  // Prettier writes exponents as `1e21`, where JavaScript writes `1e+21`.
  return typeof value === "string" ? stringLiteral(value) : String(value).replace("e+", "e");
}

/**
 * `A | B`, or when it does not fit one member per line after `| `. In a type alias the alias puts
 * the union on its own line first (`typeAliasDoc`); elsewhere a statement-level union starts on a
 * new line of its own.
 */
function unionDoc(members: readonly TypeNode[], startOnNewLine: boolean, indented = startOnNewLine): Doc {
  const printed = members.map((m) => indent(operand(m)));
  const code = [ifBreak([startOnNewLine ? line : "", "| "]), join([line, "| "], printed)];
  return group(indented ? indent(code) : code);
}

/** `A & B`: plain types go one per line when broken; an object type stays on the line of its neighbour. */
function intersectionDoc(members: readonly TypeNode[]): Doc {
  const parts: Doc[] = [];
  let wasIndented = false;
  members.forEach((member, i) => {
    const printed = operand(member);
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

function isObjectType(node: TypeNode): boolean {
  return node.kind === "type-literal" || node.kind === "mapped";
}

/** The right side of `type X = …`: a union moves to the next line, and breaks there only if it must. */
export function typeAliasDoc(left: Doc, type: TypeNode): Doc {
  if (type.kind === "union") return group([group(left), " =", group(indent([line, unionDoc(type.members, false, false)])), ";"]);
  return assignment(left, [typeDoc(type), ";"]);
}

/** `<A, B>`: one argument that cannot break is hugged; otherwise the list breaks one per line. */
function typeArguments(args: readonly TypeNode[]): Doc {
  const printed = args.map((a) => typeDoc(a, "type-argument"));
  const hugged = args.length === 1 && ["name", "literal", "type-literal", "mapped"].includes(args[0]!.kind);
  return hugged ? ["<", printed[0]!, ">"] : group(["<", indent([softline, join([",", line], printed)]), softline, ">"]);
}

export function expressionDoc(node: Expression): Doc {
  switch (node.kind) {
    case "identifier":
      return name(node.name);
    case "literal":
      return literalText(node.value);
    case "call": {
      const head = (node.pure ? "/* @__PURE__ */ " : "") + name(node.callee);
      // One object argument hugs the parentheses, as prettier prints `operation({ … })`.
      if (node.args.length === 1 && node.args[0]!.kind === "object") return [head, "(", expressionDoc(node.args[0]!), ")"];
      return [head, group(["(", indent([softline, join([",", line], node.args.map(expressionDoc))]), ifBreak(","), softline, ")"])];
    }
    case "object":
      return bracketed(
        node.properties.map((p) => property(objectKey(p.key), p.value)),
        ",",
        node.expanded,
      );
    case "array": {
      if (!node.elements.length) return "[]";
      const items = join([",", line], node.elements.map(expressionDoc));
      // Like prettier, a list of several lists (or objects) of several entries is always one per line.
      return group(["[", indent([isMatrix(node.elements) ? hardline : softline, items]), ifBreak(","), softline, "]"]);
    }
  }
}

/** `__proto__` is a computed key, which sets a property where `"__proto__": v` would set the prototype. */
export function objectKey(key: string): string {
  return key === "__proto__" ? '["__proto__"]' : propertyName(key);
}

/**
 * `key: value`. A string that does not fit goes to the next line, as prettier puts it, unless the
 * key is shorter than 5 columns: moving the string would gain too little.
 */
function property(key: string, value: Expression): Doc {
  const printed = expressionDoc(value);
  const breakable = value.kind === "literal" && typeof value.value === "string" && key.length >= 5;
  return breakable ? group([key, ":", group(indent([line, printed]))]) : [key, ": ", printed];
}

function isMatrix(elements: readonly Expression[]): boolean {
  const size = (n: Expression) => (n.kind === "array" ? n.elements.length : n.kind === "object" ? n.properties.length : 0);
  return elements.length > 1 && elements.every((e) => e.kind === elements[0]!.kind && size(e) > 1);
}

/** `{ a, b }` for objects, type literals and import lists; `expanded` keeps it broken, as prettier keeps an object that starts on a new line. */
function bracketed(items: readonly Doc[], separator: string, expanded: boolean): Doc {
  if (!items.length) return "{}";
  return group(["{", indent([expanded ? hardline : line, join([separator, line], items)]), ifBreak(separator), line, "}"]);
}

/** `<left> = <right>`: the right side stays on the line while its first part fits (prettier's "fluid" layout). */
export function assignment(left: Doc, right: Doc): Doc {
  const id = Symbol("assignment");
  return group([group(left), " =", group(indent(line), id), indentIfBreak(right, id)]);
}

export function importList(names: readonly string[]): Doc {
  if (names.length === 1) return ["{ ", name(names[0]!), " }"];
  return bracketed(names.map(name), ",", false);
}
