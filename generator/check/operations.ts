// The operations of a document in the order they are written, for the checks: when two of them
// clash, the one written later is the one reported ("also used by" the earlier one). The model
// sorts operations by path instead, which is right for output but not for messages.
import { rawOperations, type RawOperation } from "../document/operations.js";
import { isObject } from "../document/json.js";

export function operationsInOrder(document: Record<string, unknown>): RawOperation[] {
  const paths = isObject(document.paths) ? document.paths : {};
  const pathRank = new Map(Object.keys(paths).map((p, i) => [p, i]));
  const methodRank = (raw: RawOperation) => Object.keys(raw.pathItem).indexOf(raw.method.toLowerCase());
  return rawOperations(document).sort((a, b) => pathRank.get(a.path)! - pathRank.get(b.path)! || methodRank(a) - methodRank(b));
}
