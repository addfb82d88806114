// `x-pagination` must name a known style and an items key that is an array in the response.
// When the response is behind a $ref the loader could not resolve, the items key is not judged.
import type { Check } from "./context.js";
import { deref } from "../document/deref.js";
import { isObject, type Json } from "../document/json.js";
import { leadsNowhere } from "./broken-refs.js";
import { operationsInOrder } from "./operations.js";
import { PAGINATION_STYLES, isArraySchema, successSchema } from "../model/pagination.js";
import { responseModels } from "../model/responses.js";

export const checkPagination: Check = ({ document, report }) => {
  for (const raw of operationsInOrder(document)) {
    const declared = raw.operation["x-pagination"];
    if (declared === undefined || declared === false) continue;
    const at = [...raw.pointer, "x-pagination"];
    if (!isObject(declared)) {
      report(at, "x-pagination must be an object", "e.g. `x-pagination: { style: page, itemsKey: workflow_runs }`");
      continue;
    }
    if (!PAGINATION_STYLES.includes(declared.style as string)) {
      report(
        [...at, "style"],
        `unknown pagination style ${JSON.stringify(declared.style ?? null)}`,
        `use one of: ${PAGINATION_STYLES.join(", ")}`,
      );
    }
    if (successIsUnresolved(document, raw.operation.responses)) continue;
    const schema = successSchema(document, raw.operation, responseModels(document, raw.operation.responses));
    const itemsKey = declared.itemsKey;
    if (itemsKey === undefined || itemsKey === null) {
      if (schema && !isArraySchema(document, schema))
        report(at, "x-pagination has no itemsKey, but the response is not an array", "name the array property with `itemsKey`");
      continue;
    }
    if (typeof itemsKey !== "string") {
      report([...at, "itemsKey"], "itemsKey must be a string", "name the array property of the response");
      continue;
    }
    const property = schema && isObject(schema.properties) ? schema.properties[itemsKey] : undefined;
    if ((!property || !isArraySchema(document, property)) && !leadsNowhere(document, property)) {
      const arrays =
        schema && isObject(schema.properties)
          ? Object.keys(schema.properties).filter((k) => isArraySchema(document, (schema.properties as Record<string, unknown>)[k]))
          : [];
      report(
        [...at, "itemsKey"],
        `itemsKey "${itemsKey}" is not an array property of the ${raw.method} ${raw.path} response`,
        arrays.length ? `array properties there: ${arrays.join(", ")}` : "the success response has no array property",
      );
    }
    const cappedBy = declared.cappedBy;
    if (cappedBy !== undefined && (!Array.isArray(cappedBy) || cappedBy.some((c) => typeof c !== "string"))) {
      report([...at, "cappedBy"], "cappedBy must be a list of query parameter names", "e.g. `cappedBy: [actor, branch]`");
    }
    const splitBy = declared.splitBy;
    if (splitBy !== undefined && (splitBy !== "created" || typeof declared.resultCap !== "number")) {
      report(
        [...at, "splitBy"],
        `splitBy ${JSON.stringify(splitBy)} is not supported${splitBy === "created" ? " without a numeric resultCap" : ""}`,
        "use `splitBy: created` (a date-range query parameter, as GitHub's run listings take) next to `resultCap`, or remove it",
      );
    }
  }
};

/** Whether a 2xx response, or the schema of one of its media types, is a ref that leads nowhere (or no object). */
function successIsUnresolved(document: Json, responses: unknown): boolean {
  if (!isObject(responses)) return false;
  return Object.entries(responses).some(([status, entry]) => {
    if (!/^2\d\d$/.test(status)) return false;
    if (!isObject(entry) || leadsNowhere(document, entry)) return true;
    const content = deref(document, entry)?.content;
    return isObject(content) && Object.values(content).some((media) => isObject(media) && leadsNowhere(document, media.schema));
  });
}
