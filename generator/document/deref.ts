// Follows internal $refs of the bundled document. The loader made every ref internal, and the
// checks rejected pure-ref cycles, so a chain ends; the guard is for safety, not for logic.
import { getAt, parsePointer } from "../load/json-pointer.js";
import { isObject, type Json } from "./json.js";

/** The most $refs followed in a row; the ref-cycles check reports a longer chain, so none is cut short here. */
export const MAX_REF_HOPS = 64;

export function deref(document: Json, value: unknown): Json | undefined {
  let node = value;
  for (let hops = 0; hops < MAX_REF_HOPS && isObject(node) && typeof node.$ref === "string"; hops++) {
    const ref = node.$ref;
    if (!ref.startsWith("#")) return undefined;
    const got = getAt(document, parsePointer(ref.slice(1)));
    if (!got.found) return undefined;
    node = got.value;
  }
  return isObject(node) ? node : undefined;
}
