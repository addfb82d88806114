// Reads back the small TypeScript the emitters write as text (type expressions such as
// `ApiResponse<200, Op["responses"][200]["content"]["application/json"]>`, and initializers such
// as `/* @__PURE__ */ operation({ id: "x", pathParams: ["a"] })`) into a tree that the layout can
// break the way prettier does. Anything outside that small grammar is `undefined`: the caller
// keeps such text on one line.

export type Node =
  | { readonly kind: "text"; readonly text: string } // a name, literal or keyword: never broken
  | { readonly kind: "union" | "intersection"; readonly members: readonly Node[] }
  | { readonly kind: "generic"; readonly name: string; readonly args: readonly Node[] }
  | { readonly kind: "indexed"; readonly base: Node; readonly index: Node }
  | { readonly kind: "array-type"; readonly element: Node }
  | { readonly kind: "prefix"; readonly operator: string; readonly operand: Node } // typeof x, keyof T
  | { readonly kind: "type-literal"; readonly members: readonly { readonly key: string; readonly optional: boolean; readonly type: Node }[] }
  | { readonly kind: "mapped"; readonly parameter: string; readonly constraint: Node; readonly type: Node }
  | { readonly kind: "call"; readonly comment: string; readonly callee: string; readonly args: readonly Node[] }
  | { readonly kind: "object"; readonly properties: readonly { readonly key: string; readonly value: Node }[] }
  | { readonly kind: "array"; readonly elements: readonly Node[] };

const TOKEN = /\s*(\/\*[^]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[\p{ID_Start}_$][\p{ID_Continue}$\u200C\u200D]*|\.\.\.|[<>[\](){}|&,:;?.])/uy;

/** A token that stands for a value: a name, string or number. */
const VALUE = /^[\p{ID_Start}_$"'\d-]/u;

class Reader {
  private readonly tokens: string[] = [];
  private at = 0;

  constructor(text: string) {
    TOKEN.lastIndex = 0;
    let match: RegExpExecArray | null;
    while (TOKEN.lastIndex < text.length && (match = TOKEN.exec(text))) this.tokens.push(match[1]!);
    if (TOKEN.lastIndex < text.trimEnd().length) throw new SyntaxError("unknown token");
  }

  peek(offset = 0): string | undefined {
    return this.tokens[this.at + offset];
  }

  next(): string {
    const token = this.tokens[this.at++];
    if (token === undefined) throw new SyntaxError("unexpected end");
    return token;
  }

  take(token: string): boolean {
    if (this.peek() !== token) return false;
    this.at++;
    return true;
  }

  expect(token: string): void {
    if (!this.take(token)) throw new SyntaxError(`expected ${token}`);
  }

  done(): boolean {
    return this.at === this.tokens.length;
  }
}

/** A type expression, or undefined when it uses syntax outside the emitters' vocabulary. */
export function parseType(text: string): Node | undefined {
  return parseWhole(text, typeExpression);
}

/** An initializer expression (a call, object, array or literal), or undefined. */
export function parseExpression(text: string): Node | undefined {
  return parseWhole(text, expression);
}

function parseWhole(text: string, parse: (reader: Reader) => Node): Node | undefined {
  try {
    const reader = new Reader(text);
    const node = parse(reader);
    return reader.done() ? node : undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

function typeExpression(reader: Reader): Node {
  return listOf(reader, "|", "union", () => listOf(reader, "&", "intersection", () => postfixType(reader)));
}

function listOf(reader: Reader, separator: string, kind: "union" | "intersection", item: () => Node): Node {
  const members = [item()];
  while (reader.take(separator)) members.push(item());
  return members.length === 1 ? members[0]! : { kind, members };
}

function postfixType(reader: Reader): Node {
  let node = primaryType(reader);
  while (reader.peek() === "[") {
    reader.next();
    if (reader.take("]")) node = { kind: "array-type", element: node };
    else {
      node = { kind: "indexed", base: node, index: typeExpression(reader) };
      reader.expect("]");
    }
  }
  return node;
}

function primaryType(reader: Reader): Node {
  const token = reader.next();
  if (token === "typeof" || token === "keyof") return { kind: "prefix", operator: token, operand: postfixType(reader) };
  if (token === "{") return reader.peek() === "[" ? mappedType(reader) : typeLiteral(reader);
  if (!VALUE.test(token)) throw new SyntaxError(`unexpected ${token}`);
  if (reader.peek() !== "<") return { kind: "text", text: token };
  reader.next();
  const args = [typeExpression(reader)];
  while (reader.take(",")) args.push(typeExpression(reader));
  reader.expect(">");
  return { kind: "generic", name: token, args };
}

function typeLiteral(reader: Reader): Node {
  const members = [];
  while (!reader.take("}")) {
    const key = reader.next();
    const optional = reader.take("?");
    reader.expect(":");
    members.push({ key, optional, type: typeExpression(reader) });
    if (!reader.take(";") && !reader.take(",") && reader.peek() !== "}") throw new SyntaxError("expected ;");
  }
  return { kind: "type-literal", members };
}

function mappedType(reader: Reader): Node {
  reader.expect("[");
  const parameter = reader.next();
  if (reader.next() !== "in") throw new SyntaxError("expected in");
  const constraint = typeExpression(reader);
  reader.expect("]");
  reader.expect(":");
  const type = typeExpression(reader);
  reader.take(";");
  reader.expect("}");
  return { kind: "mapped", parameter, constraint, type };
}

function expression(reader: Reader): Node {
  const token = reader.next();
  if (token.startsWith("/*")) {
    const callee = reader.next();
    return { ...call(reader, callee), comment: token };
  }
  if (token === "{") return objectLiteral(reader);
  if (token === "[") return arrayLiteral(reader);
  if (!VALUE.test(token)) throw new SyntaxError(`unexpected ${token}`);
  return reader.peek() === "(" ? call(reader, token) : { kind: "text", text: token };
}

function call(reader: Reader, callee: string): Node & { kind: "call" } {
  reader.expect("(");
  const args = [];
  while (!reader.take(")")) {
    args.push(expression(reader));
    if (!reader.take(",") && reader.peek() !== ")") throw new SyntaxError("expected ,");
  }
  return { kind: "call", comment: "", callee, args };
}

function objectLiteral(reader: Reader): Node {
  const properties = [];
  while (!reader.take("}")) {
    let key = reader.next();
    if (key === "[") {
      key = `[${reader.next()}]`; // a computed key: `["__proto__"]`
      reader.expect("]");
    }
    reader.expect(":");
    properties.push({ key, value: expression(reader) });
    if (!reader.take(",") && reader.peek() !== "}") throw new SyntaxError("expected ,");
  }
  return { kind: "object", properties };
}

function arrayLiteral(reader: Reader): Node {
  const elements = [];
  while (!reader.take("]")) {
    elements.push(expression(reader));
    if (!reader.take(",") && reader.peek() !== "]") throw new SyntaxError("expected ,");
  }
  return { kind: "array", elements };
}
