// Every operation becomes an exported function and a few exported types; none of those names
// may be taken twice. Two operations with the same operationId are reported by the
// operationId check, not again here.
import type { Check } from "./context.js";
import { assignNames, operationId } from "../model/names.js";
import { reservedNameOf } from "../model/naming.js";
import { operationsInOrder } from "./operations.js";

/** An ECMAScript identifier. Naming keeps letters and digits of any script, and some digits (`²`) cannot be in one. */
const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

export const checkNames: Check = ({ document, report }) => {
  const raws = operationsInOrder(document);
  const names = assignNames(raws);
  const byName = new Map<string, number>();
  names.forEach(({ name, typeName }, i) => {
    const raw = raws[i]!;
    const at = [...raw.pointer, "operationId"];
    const taken = reservedNameOf(name, typeName);
    if (taken)
      report(
        at,
        `operation "${operationId(raw)}" would generate the name ${taken}, which the package already uses`,
        "rename the operationId",
      );
    if (!IDENTIFIER.test(name))
      report(
        at,
        `operation "${operationId(raw)}" would be named ${name}, which is not a valid identifier`,
        "use letters, digits, - and _ in the operationId",
      );
    const first = byName.get(name);
    if (first === undefined) {
      byName.set(name, i);
      return;
    }
    const other = raws[first]!;
    if (operationId(other) === operationId(raw)) return;
    report(
      at,
      `operations "${operationId(raw)}" and "${operationId(other)}" (${other.method} ${other.path}) would both be named ${name}`,
      "rename one of the operationIds",
    );
  });
};
