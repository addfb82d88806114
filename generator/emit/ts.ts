// A small vocabulary for building TypeScript with ts-morph structures, so that emitters read
// like the code they produce. Every text that comes from the spec goes through `literal` or
// `docText`, which is what keeps hostile strings from turning into code.
import type {
  WriterFunction,
  ImportDeclarationStructure,
  JSDocStructure,
  OptionalKind,
  TypeAliasDeclarationStructure,
  VariableStatementStructure,
} from "ts-morph";
import { preferredQuotes } from "./layout/layout.js";
import { StructureKind, VariableDeclarationKind } from "./structure-kind.js";

/** A string or number as a TypeScript literal; JSON's escaping is valid TypeScript. */
export function literal(value: string | number): string {
  return typeof value === "number" ? String(value) : JSON.stringify(value);
}

/** A blank line between statements (the only writer function the source printer accepts). */
export const blankLine: WriterFunction = (writer) => writer.blankLine();

/** An object key as written in code, as prettier writes it: bare when it is an identifier (in any script), else quoted. */
export function propertyName(key: string): string {
  return /^[\p{ID_Start}_$][\p{ID_Continue}$\u200C\u200D]*$/u.test(key) ? key : preferredQuotes(JSON.stringify(key));
}

/** `Base["a"][200]`: indexed access with each key written as a literal. */
export function indexed(base: string, ...keys: (string | number)[]): string {
  return base + keys.map((k) => `[${literal(k)}]`).join("");
}

export function union(types: readonly string[], empty = "never"): string {
  return types.length ? types.join(" | ") : empty;
}

export function intersection(types: readonly string[], empty = "Record<string, never>"): string {
  return types.length ? types.join(" & ") : empty;
}

export function generic(name: string, ...args: string[]): string {
  return `${name}<${args.join(", ")}>`;
}

/**
 * Text safe inside a JSDoc block: it cannot close the comment or start a tag by accident. `/*`
 * is escaped too: ts-morph's writer takes it for the start of a comment and closes it with a
 * stray `*\/` before the next tag, which ends the JSDoc early and lets the rest run as code. An
 * `@` after a space starts a tag for TypeScript even mid-line; `{@link}` and `a@b` are left alone.
 */
export function docText(text: string): string {
  return text.replaceAll("*/", "*\\/").replaceAll("/*", "/\\*").replace(/(^|\s)@/g, "$1\\@").trim();
}

export function jsDoc(description: string, tags: readonly { tagName: string; text?: string }[] = []): OptionalKind<JSDocStructure> {
  return { kind: StructureKind.JSDoc, description: docText(description), tags: tags.map((t) => ({ tagName: t.tagName, ...(t.text === undefined ? {} : { text: docText(t.text) }) })) };
}

export function typeAlias(name: string, type: string, options: { exported?: boolean; docs?: string } = {}): TypeAliasDeclarationStructure {
  return {
    kind: StructureKind.TypeAlias,
    name,
    type,
    isExported: options.exported ?? true,
    ...(options.docs ? { docs: [jsDoc(options.docs)] } : {}),
  };
}

export function exportedConst(name: string, type: string, initializer: string, docs?: OptionalKind<JSDocStructure>): VariableStatementStructure {
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name, type, initializer }],
    ...(docs ? { docs: [docs] } : {}),
  };
}

export function importFrom(moduleSpecifier: string, names: readonly string[], typeOnly = false): ImportDeclarationStructure {
  return {
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier,
    isTypeOnly: typeOnly,
    namedImports: [...names].sort(),
  };
}

/** `/* @__PURE__ *\/ fn(args)`: lets bundlers drop an operation nobody imports. */
export function pureCall(fn: string, args: string): string {
  return `/* @__PURE__ */ ${fn}(${args})`;
}
