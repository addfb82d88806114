// Every `{name}` in a path template needs a path parameter, and every path parameter a `{name}`.
// A parameter list with an unresolved $ref is not judged for what it lacks: the loader has
// reported that ref, and the missing parameter may well be behind it.
import type { Check } from "./context.js";
import { deref } from "../document/deref.js";
import { isObject, type Json } from "../document/json.js";
import { anyUnusable } from "./broken-refs.js";
import { operationsInOrder } from "./operations.js";

export const checkPathParams: Check = ({ document, report }) => {
  const reported = new Set<string>(); // a path-level parameter is shared by the path's operations
  for (const raw of operationsInOrder(document)) {
    const template = new Set([...raw.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!));
    const declared = pathParameters(document, raw);
    const unknown = anyUnusable(document, raw.pathItem.parameters) || anyUnusable(document, raw.operation.parameters);
    for (const name of template) {
      if (!declared.has(name) && !unknown) {
        report(
          ["paths", raw.path],
          `path template variable {${name}} of ${raw.method} ${raw.path} has no path parameter`,
          `add \`- { name: ${name}, in: path, required: true, schema: { type: string } }\` to its parameters`,
        );
      }
    }
    for (const [name, at] of declared) {
      const key = JSON.stringify(at);
      if (template.has(name) || reported.has(key)) continue;
      reported.add(key);
      const owner = at[2] === "parameters" ? raw.path : `${raw.method} ${raw.path}`; // path level, or one operation
      report(
        at,
        `path parameter "${name}" of ${owner} does not appear in the path template`,
        `add {${name}} to the path, or change \`in: path\` to the right location`,
      );
    }
  }
};

/** Path parameters by name, each with the pointer of the list entry that declares it (operation level wins). */
function pathParameters(
  document: Json,
  raw: { path: string; pathItem: Json; operation: Json; pointer: readonly string[] },
): Map<string, (string | number)[]> {
  const found = new Map<string, (string | number)[]>();
  const lists: [unknown, (string | number)[]][] = [
    [raw.pathItem.parameters, ["paths", raw.path, "parameters"]],
    [raw.operation.parameters, [...raw.pointer, "parameters"]],
  ];
  for (const [list, base] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((entry, i) => {
      const param = deref(document, entry);
      if (isObject(param) && param.in === "path" && typeof param.name === "string") found.set(param.name, [...base, i]);
    });
  }
  return found;
}
