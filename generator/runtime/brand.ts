// `instanceof` across copies of the runtime: the ESM and the CommonJS builds of one package (the
// "dual package hazard"), or two bundles, each define their own error classes. Every error carries
// a brand from the global symbol registry; a class then also recognises a branded error whose
// prototype chain has a class of its name (names live on the prototypes, see errors.ts).

const BRAND = /* @__PURE__ */ Symbol.for("openapi-client-gen.error");

type Branded = { [BRAND]?: 1; readonly name?: string } | null;

/**
 * Brands the base error class and gives it (and so its subclasses) the `instanceof` test. Not a
 * static method in the class body: TypeScript 5.9 then declares `[Symbol.hasInstance]` twice in the .d.ts.
 */
export function brand(Base: { readonly prototype: object }): void {
  (Base.prototype as Branded)![BRAND] = 1;
  Object.defineProperty(Base, Symbol.hasInstance, {
    // Every prototype up to the base has the brand, so the walk stops above it. A class that names
    // itself nothing (a user's subclass) inherits its parent's name: it is matched by prototype only.
    value(this: { readonly prototype: Branded }, value: unknown): boolean | undefined {
      const proto = this.prototype!;
      for (let p = value as Branded; (p = p?.[BRAND] && Object.getPrototypeOf(p));)
        if (p === proto || (p.name === proto.name && Object.hasOwn(proto, "name"))) return true;
    },
  });
}
