// Two operations must not end up with the same function name.
import type { Check } from "./context.js";
import { assignNames, operationId } from "../model/names.js";
import { rawOperations } from "../model/operations.js";

export const checkNames: Check = ({ document, report }) => {
  const raws = rawOperations(document);
  const names = assignNames(raws);
  const byName = new Map<string, number>();
  names.forEach(({ name }, i) => {
    const first = byName.get(name);
    if (first === undefined) byName.set(name, i);
    else {
      const other = raws[first]!;
      report([...raws[i]!.pointer, "operationId"], `operations "${operationId(raws[i]!)}" and "${operationId(other)}" (${other.method} ${other.path}) would both be named ${name}`, "rename one of the operationIds");
    }
  });
};
