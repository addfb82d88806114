// The typed nodes the emitters build (types, expressions, statements), and small helpers that
// build them, so that emitters read like the code they produce. Nothing is written as text and
// read back: layout/ prints these nodes directly. Every text that comes from the spec enters as a
// `literal`, a property key or `docText`, which is what keeps hostile strings from turning into code.

export type TypeNode =
  | { readonly kind: "name"; readonly text: string } // an identifier or keyword: `ApiResponse`, `never`
  | { readonly kind: "literal"; readonly value: string | number }
  | { readonly kind: "union" | "intersection"; readonly members: readonly TypeNode[] }
  | { readonly kind: "generic"; readonly name: string; readonly args: readonly TypeNode[] }
  | { readonly kind: "indexed"; readonly base: TypeNode; readonly index: TypeNode }
  | { readonly kind: "array-type"; readonly element: TypeNode }
  | { readonly kind: "prefix"; readonly operator: "typeof" | "keyof"; readonly operand: TypeNode }
  | { readonly kind: "type-literal"; readonly members: readonly TypeMember[] }
  | { readonly kind: "mapped"; readonly parameter: string; readonly constraint: TypeNode; readonly type: TypeNode };

export interface TypeMember {
  readonly key: string;
  readonly optional: boolean;
  readonly type: TypeNode;
}

export type Expression =
  | { readonly kind: "identifier"; readonly name: string }
  | { readonly kind: "literal"; readonly value: string | number | boolean | null }
  /** `pure`: marked `/* @__PURE__ *\/`, which lets bundlers drop a call whose result nobody uses. */
  | { readonly kind: "call"; readonly callee: string; readonly args: readonly Expression[]; readonly pure: boolean }
  /** `expanded`: one property per line whatever the width (prettier keeps such an object broken). */
  | { readonly kind: "object"; readonly properties: readonly Property[]; readonly expanded: boolean }
  | { readonly kind: "array"; readonly elements: readonly Expression[] };

export interface Property {
  readonly key: string;
  readonly value: Expression;
}

export interface JsDoc {
  readonly description: string;
  readonly tags: readonly { readonly tagName: string; readonly text?: string }[];
}

interface Declaration {
  readonly name: string;
  readonly exported: boolean;
  readonly docs?: JsDoc;
}

export type Statement =
  | { readonly kind: "blank-line" }
  | { readonly kind: "import"; readonly from: string; readonly names: readonly string[]; readonly typeOnly: boolean }
  /** `export * from`, or `export type { names } from` (a named value re-export has no use, and no CommonJS form here). */
  | { readonly kind: "export-from"; readonly from: string; readonly typeOnly: false; readonly names?: undefined }
  | { readonly kind: "export-from"; readonly from: string; readonly typeOnly: true; readonly names: readonly string[] }
  | (Declaration & { readonly kind: "type-alias"; readonly type: TypeNode })
  | (Declaration & { readonly kind: "interface"; readonly properties: readonly { readonly name: string; readonly type: TypeNode }[] })
  /** Without an initializer it is `declare const` (a declaration file's form). */
  | (Declaration & { readonly kind: "const"; readonly type?: TypeNode; readonly initializer?: Expression });

export const blankLine: Statement = { kind: "blank-line" };

export function typeName(text: string): TypeNode {
  return { kind: "name", text };
}

export function literalType(value: string | number): TypeNode {
  return { kind: "literal", value };
}

/** `A | B`; a union inside is flattened, one member is itself, none is `empty`. */
export function union(types: readonly TypeNode[], empty: TypeNode = typeName("never")): TypeNode {
  const members = types.flatMap((t) => (t.kind === "union" ? t.members : [t]));
  return members.length > 1 ? { kind: "union", members } : (members[0] ?? empty);
}

export function intersection(
  types: readonly TypeNode[],
  empty: TypeNode = generic("Record", typeName("string"), typeName("never")),
): TypeNode {
  return types.length > 1 ? { kind: "intersection", members: types } : (types[0] ?? empty);
}

export function generic(name: string, ...args: TypeNode[]): TypeNode {
  return { kind: "generic", name, args };
}

/** `Base["a"][200]`: indexed access with each key a literal type. */
export function indexed(base: TypeNode, ...keys: (string | number)[]): TypeNode {
  return keys.reduce<TypeNode>((node, key) => ({ kind: "indexed", base: node, index: literalType(key) }), base);
}

/** `T[number]`, `T[K]`: indexed access by a type. */
export function indexedBy(base: TypeNode, index: TypeNode): TypeNode {
  return { kind: "indexed", base, index };
}

export function arrayType(element: TypeNode): TypeNode {
  return { kind: "array-type", element };
}

export function typeOf(name: string): TypeNode {
  return { kind: "prefix", operator: "typeof", operand: typeName(name) };
}

export function keyOf(type: TypeNode): TypeNode {
  return { kind: "prefix", operator: "keyof", operand: type };
}

export function typeLiteral(members: readonly TypeMember[]): TypeNode {
  return { kind: "type-literal", members };
}

/** `{ [parameter in constraint]: type }` */
export function mapped(parameter: string, constraint: TypeNode, type: TypeNode): TypeNode {
  return { kind: "mapped", parameter, constraint, type };
}

export function identifier(name: string): Expression {
  return { kind: "identifier", name };
}

export function literal(value: string | number | boolean | null): Expression {
  return { kind: "literal", value };
}

export function pureCall(callee: string, ...args: Expression[]): Expression {
  return { kind: "call", callee, args, pure: true };
}

export function object(properties: readonly Property[], expanded = false): Expression {
  return { kind: "object", properties, expanded };
}

export function array(elements: readonly Expression[]): Expression {
  return { kind: "array", elements };
}

/** An identifier (in any script): `K`, `listRuns`, `überwachung`. */
export function isIdentifier(text: string): boolean {
  return /^[\p{ID_Start}_$][\p{ID_Continue}$\u200C\u200D]*$/u.test(text);
}

/** An object key as written in code, as prettier writes it: bare when it is an identifier, else quoted. */
export function propertyName(key: string): string {
  return isIdentifier(key) ? key : stringLiteral(key);
}

/**
 * A string as a literal in the quotes prettier picks: double, unless the text holds more double
 * quotes than single ones. JSON's escaping is valid TypeScript; only the quote escapes change.
 */
export function stringLiteral(value: string): string {
  const json = JSON.stringify(value);
  const doubles = value.split('"').length - 1;
  if (doubles <= value.split("'").length - 1) return json;
  const body = json
    .slice(1, -1)
    .replace(/\\(.)|(')/gs, (match, escaped: string | undefined) => (escaped === '"' ? '"' : escaped !== undefined ? match : "\\'"));
  return `'${body}'`;
}

/**
 * Text safe inside a JSDoc block: it cannot close the comment or start a tag by accident. `/*`
 * is escaped too: ts-morph's writer (the tests' oracle) takes it for the start of a comment and
 * closes it with a stray `*\/`. An `@` after a space starts a tag for TypeScript even mid-line;
 * `{@link}` and `a@b` are left alone.
 */
export function docText(text: string): string {
  return text
    .replaceAll("*/", "*\\/")
    .replaceAll("/*", "/\\*")
    .replace(/(^|\s)@/g, "$1\\@")
    .trim();
}

export function jsDoc(description: string, tags: readonly { tagName: string; text?: string }[] = []): JsDoc {
  return {
    description: docText(description),
    tags: tags.map((t) => ({ tagName: t.tagName, ...(t.text === undefined ? {} : { text: docText(t.text) }) })),
  };
}

export function typeAlias(name: string, type: TypeNode, options: { exported?: boolean; docs?: string } = {}): Statement {
  return { kind: "type-alias", name, type, exported: options.exported ?? true, ...(options.docs ? { docs: jsDoc(options.docs) } : {}) };
}

export function exportedConst(name: string, type: TypeNode, initializer: Expression, docs?: JsDoc): Statement {
  return { kind: "const", name, type, initializer, exported: true, ...(docs ? { docs } : {}) };
}

export function importFrom(from: string, names: readonly string[], typeOnly = false): Statement {
  return { kind: "import", from, names: [...names].sort(), typeOnly };
}
