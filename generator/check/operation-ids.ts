// operationIds must be unique: they key the types and name the functions. The later one of a
// pair, in the order written, is the one reported.
import type { Check } from "./context.js";
import { operationsInOrder } from "./operations.js";

export const checkOperationIds: Check = ({ document, report }) => {
  const seen = new Map<string, string>();
  for (const raw of operationsInOrder(document)) {
    const id = raw.operation.operationId;
    if (id === undefined) continue;
    if (typeof id !== "string") {
      report(
        [...raw.pointer, "operationId"],
        `operationId of ${raw.method} ${raw.path} is not a string`,
        "write it as a string, e.g. `actions/get-workflow-run`",
      );
      continue;
    }
    const first = seen.get(id);
    if (first)
      report(
        [...raw.pointer, "operationId"],
        `duplicate operationId "${id}": also used by ${first}`,
        "give each operation its own operationId",
      );
    else seen.set(id, `${raw.method} ${raw.path}`);
  }
};
