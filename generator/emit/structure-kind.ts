// The ts-morph structure kinds the emitters build, as values. The structures themselves are
// ts-morph's types (imported as types only) and stay valid ts-morph input: test/generator/
// layout.test.ts prints them with ts-morph's own printer too, and checks these values against
// ts-morph's. Importing the values from ts-morph would load its bundled TypeScript compiler,
// about a fifth of a run on spec/, for five numbers.
import type { StructureKind as Kinds, VariableDeclarationKind as DeclarationKinds } from "ts-morph";

export const StructureKind = {
  ImportDeclaration: 16 as Kinds.ImportDeclaration,
  Interface: 19 as Kinds.Interface,
  JSDoc: 24 as Kinds.JSDoc,
  TypeAlias: 38 as Kinds.TypeAlias,
  VariableStatement: 41 as Kinds.VariableStatement,
} as const;

export const VariableDeclarationKind = { Const: "const" as DeclarationKinds.Const } as const;
