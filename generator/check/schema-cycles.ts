// A schema that is only a $ref to itself (directly or through other bare refs) names no type:
// `type A = B; type B = A` does not compile. Recursive schemas with structure are fine.
import type { Check } from "./context.js";
import { isObject } from "../model/deref.js";

export const checkSchemaCycles: Check = ({ document, report }) => {
  const schemas = isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
  const prefix = "#/components/schemas/";
  for (const start of Object.keys(schemas)) {
    const chain = [start];
    let current = schemas[start];
    while (isObject(current) && typeof current.$ref === "string" && current.$ref.startsWith(prefix) && Object.keys(current).length === 1) {
      const next = current.$ref.slice(prefix.length).replaceAll("~1", "/").replaceAll("~0", "~");
      if (next === start) {
        report(["components", "schemas", start, "$ref"], `circular $ref: schema "${start}" is only a reference to itself (${[...chain, next].join(" → ")})`, "give one schema of the cycle a real type, or remove the alias");
        break;
      }
      if (chain.includes(next)) break; // reported when the loop starts at `next`
      chain.push(next);
      current = schemas[next];
    }
  }
};
