// A $ref that leads, through $refs alone, back to itself names nothing: `type A = B; type B = A`
// does not compile, and a parameter or response that is only a reference to itself makes
// openapi-typescript's resolver throw. (A schema that refers to itself from inside its
// properties is fine: that is a recursive type.) Each cycle is reported once, at the member
// met first in the document.
import type { Check } from "./context.js";
import { formatPointer, getAt, parsePointer, type Pointer } from "../load/json-pointer.js";
import { collectRefs } from "../load/ref-sites.js";
import { isObject } from "../document/json.js";

const KIND_NAMES: Record<string, string> = {
  schemas: "schema", parameters: "parameter", responses: "response", requestBodies: "request body", headers: "header",
  examples: "example", links: "link", callbacks: "callback", pathItems: "path item", securitySchemes: "security scheme",
};

export const checkRefCycles: Check = ({ document, report }) => {
  const reported = new Set<string>();
  for (const site of collectRefs(document)) {
    // Most refs point at a real object: no cycle of bare refs can start there (the fast path).
    if (!site.ref.startsWith("#")) continue;
    const first = getAt(document, parsePointer(site.ref.slice(1)));
    if (!first.found || !isObject(first.value) || typeof first.value.$ref !== "string") continue;
    const start = formatPointer(site.pointer);
    const chain = [start];
    let ref = site.ref;
    while (ref.startsWith("#")) {
      const pointer = parsePointer(ref.slice(1));
      const target = formatPointer(pointer);
      if (target === start) {
        const key = [...chain].sort().join(" ");
        if (!reported.has(key)) {
          reported.add(key);
          const first = label(site.pointer);
          const kind = kindOf(site.pointer);
          report([...site.pointer, "$ref"], `circular $ref: ${kind ? `${kind} "${first}"` : first} is only a reference to itself (${[...chain, start].map((p) => label(parsePointer(p.slice(1)))).join(" → ")})`,
            kind === "schema" ? "give one schema of the cycle a real type, or remove the alias" : "point the $ref at the object itself");
        }
        break;
      }
      if (chain.includes(target)) break; // leads into a cycle it is not part of: reported from a member
      const got = getAt(document, pointer);
      if (!got.found || !isObject(got.value) || typeof got.value.$ref !== "string") break;
      chain.push(target);
      ref = got.value.$ref;
    }
  }
};

/** `components/schemas/A` → `A`; any other place → its pointer. */
function label(pointer: Pointer): string {
  return kindOf(pointer) ? String(pointer[2]) : formatPointer(pointer);
}

function kindOf(pointer: Pointer): string | undefined {
  return pointer.length === 3 && pointer[0] === "components" ? KIND_NAMES[String(pointer[1])] : undefined;
}
