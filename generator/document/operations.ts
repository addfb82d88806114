// Walks the paths of a bundled document: every operation with where it sits in the spec.
import type { HttpMethod } from "../runtime/types.js";
import { deref } from "./deref.js";
import { isObject, type Json } from "./json.js";
import { entriesOf } from "../model/order.js";

export const METHODS: readonly string[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export interface RawOperation {
  readonly path: string;
  readonly method: HttpMethod;
  readonly pathItem: Json;
  readonly operation: Json;
  /** Pointer to the operation in the bundled document. */
  readonly pointer: readonly string[];
}

export function rawOperations(document: Json): RawOperation[] {
  const found: RawOperation[] = [];
  for (const [path, entry] of entriesOf(isObject(document.paths) ? document.paths : undefined)) {
    // A path item may itself be an internal $ref (3.1 components/pathItems).
    const pathItem = deref(document, entry);
    if (!pathItem) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (isObject(operation))
        found.push({ path, method: method.toUpperCase() as HttpMethod, pathItem, operation, pointer: ["paths", path, method] });
    }
  }
  return found;
}
