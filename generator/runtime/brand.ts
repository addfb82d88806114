// `instanceof` across copies of the runtime: the ESM and the CommonJS builds of one package (the
// "dual package hazard"), or two bundles, each define their own error classes. Every error carries
// a brand from the global symbol registry; a class then also recognises a branded error whose
// prototype chain has a class of its name (names live on the prototypes, see errors.ts).

/** Set on the base error's prototype, so that every error of every copy has it. */
export const BRAND: unique symbol = /* @__PURE__ */ Symbol.for("openapi-client-gen.error") as never;

/** `value instanceof Class`, by prototype or, for a branded value, by class name. */
export function isBranded(Class: { readonly prototype: object }, value: unknown): boolean {
  const proto = Class.prototype as { readonly name?: string };
  // A class that names itself nothing (a user's subclass) inherits its parent's name: matched by prototype only.
  const name = Object.hasOwn(proto, "name") && proto.name;
  // The walk stops above the base class, the last prototype with the brand.
  for (
    let p = value as { [BRAND]?: unknown; name?: string } | null;
    (p = p?.[BRAND] ? Object.getPrototypeOf(p) : null);
  )
    if (p === proto || p!.name === name) return true;
  return false;
}
