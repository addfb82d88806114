// A $ref that leads, through $refs alone, back to itself names nothing: `type A = B; type B = A`
// does not compile, and a parameter or response that is only a reference to itself makes
// openapi-typescript's resolver throw. (A schema that refers to itself from inside its
// properties is fine: that is a recursive type.) Each cycle is reported once, at the member
// met first in the document. A chain of more than MAX_REF_HOPS such $refs is reported too: the
// model follows no more. Each ref is followed once, so a chain of thousands costs its length.
import type { Check } from "./context.js";
import { formatPointer, getAt, parsePointer, type Pointer } from "../load/json-pointer.js";
import { collectRefs } from "../load/ref-sites.js";
import { MAX_REF_HOPS } from "../document/deref.js";
import { isObject } from "../document/json.js";

const KIND_NAMES: Record<string, string> = {
  schemas: "schema",
  parameters: "parameter",
  responses: "response",
  requestBodies: "request body",
  headers: "header",
  examples: "example",
  links: "link",
  callbacks: "callback",
  pathItems: "path item",
  securitySchemes: "security scheme",
};

export const checkRefCycles: Check = ({ document, report }) => {
  const sites = collectRefs(document).filter((site) => site.ref.startsWith("#"));
  const order = new Map(sites.map((site, i) => [formatPointer(site.pointer), i]));
  /** Holders whose chain has been followed to its end already. */
  const done = new Set<string>();
  for (const site of sites) {
    const start = formatPointer(site.pointer);
    if (done.has(start)) continue;
    // The holders on the way, each only a reference to the next; `at`: where each is in `chain`.
    const chain = [start];
    const at = new Map([[start, 0]]);
    let ref = site.ref;
    while (ref.startsWith("#")) {
      const pointer = parsePointer(ref.slice(1));
      const target = formatPointer(pointer);
      const seen = at.get(target);
      if (seen !== undefined) {
        reportCycle(chain.slice(seen));
        break;
      }
      if (done.has(target)) break; // followed from an earlier ref: reported there if need be
      const got = getAt(document, pointer);
      if (!got.found || !isObject(got.value) || typeof got.value.$ref !== "string") break;
      at.set(target, chain.length);
      chain.push(target);
      ref = got.value.$ref;
    }
    if (chain.length > MAX_REF_HOPS && !at.has(formatPointer(parsePointer(ref.slice(1))))) {
      report(
        [...site.pointer, "$ref"],
        `$ref chain too long: ${label(site.pointer)} leads through more than ${MAX_REF_HOPS} $refs that each point only to another $ref`,
        "point the $ref at the object itself",
      );
    }
    for (const member of chain) done.add(member);
  }

  /** Reports a cycle at its member met first in the document. */
  function reportCycle(members: readonly string[]): void {
    const rank = (p: string) => order.get(p) ?? Infinity;
    const first = members.reduce((best, m, i) => (rank(m) < rank(members[best]!) ? i : best), 0);
    const cycle = [...members.slice(first), ...members.slice(0, first)];
    const pointer = parsePointer(cycle[0]!.slice(1));
    const kind = kindOf(pointer);
    const name = label(pointer);
    report(
      [...pointer, "$ref"],
      `circular $ref: ${kind ? `${kind} "${name}"` : name} is only a reference to itself (${[...cycle, cycle[0]!].map((p) => label(parsePointer(p.slice(1)))).join(" → ")})`,
      kind === "schema" ? "give one schema of the cycle a real type, or remove the alias" : "point the $ref at the object itself",
    );
  }
};

/** `components/schemas/A` → `A`; any other place → its pointer. */
function label(pointer: Pointer): string {
  return kindOf(pointer) ? String(pointer[2]) : formatPointer(pointer);
}

function kindOf(pointer: Pointer): string | undefined {
  return pointer.length === 3 && pointer[0] === "components" ? KIND_NAMES[String(pointer[1])] : undefined;
}
