// A $ref the loader could not resolve, or an entry of the wrong kind, has been reported already
// (by the loader, or the structure check). Checks that would look through it see nothing there,
// and must stay quiet rather than report what is only a consequence (a "missing" path parameter
// that sits in a file that failed to load).
import { deref } from "../document/deref.js";
import { isObject } from "../document/json.js";

/** Whether `value` is a $ref (or a chain of them) that ends nowhere. */
export function leadsNowhere(document: Record<string, unknown>, value: unknown): boolean {
  return isObject(value) && typeof value.$ref === "string" && deref(document, value) === undefined;
}

/** Whether a list holds an entry that is such a ref, or no object at all. */
export function anyUnusable(document: Record<string, unknown>, list: unknown): boolean {
  return Array.isArray(list) && list.some((entry) => !isObject(entry) || leadsNowhere(document, entry));
}
