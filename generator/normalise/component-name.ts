// Readable, stable names for hoisted components, made from where the object was written:
// `#/paths/~1pets/get/responses/200/content/application~1json/schema` of operation `listPets`
// becomes `ListPetsResponse200`, `#/components/schemas/Pet/properties/owner` becomes `PetOwner`.
import { isObject, type Json } from "../document/json.js";
import { getAt, type Pointer } from "../load/json-pointer.js";
import { METHODS } from "../document/operations.js";

/** Segments that say how the document is laid out rather than what the object is. */
const STRUCTURAL = new Set(["components", "schemas", "properties", "content", "schema", "paths", "webhooks", "responses", "headers"]);
const WORDS = {
  items: "Item",
  additionalProperties: "Value",
  requestBody: "RequestBody",
  requestBodies: "",
  parameters: "Parameter",
  examples: "Example",
  pathItems: "",
} as Record<string, string>;

export function componentName(document: Json, pointer: Pointer): string {
  const words: string[] = [];
  for (let i = 0; i < pointer.length; i++) {
    const segment = String(pointer[i]);
    const previous = i > 0 ? String(pointer[i - 1]) : "";
    if (previous === "content") continue; // a media type: the schema is named by its place, not its encoding
    if ((previous === "paths" || previous === "webhooks") && i === 1) {
      const operation = operationAt(document, pointer.slice(0, 3));
      if (!operation) words.push(segment);
      else {
        words.push(operation.operationId ?? `${String(pointer[2])} ${segment}`);
        i++; // the method is in the operation's name
      }
      continue;
    }
    if (previous === "parameters" && /^\d+$/.test(segment)) {
      // A parameter in a list: named by its `name` when it has one.
      const parameter = getAt(document, pointer.slice(0, i + 1));
      words.push(parameter.found && isObject(parameter.value) && typeof parameter.value.name === "string" ? parameter.value.name : segment);
      continue;
    }
    if (previous === "responses") words.push("Response");
    if (Object.hasOwn(WORDS, segment)) words.push(WORDS[segment]!);
    else if (!STRUCTURAL.has(segment)) words.push(segment);
  }
  const name = words
    .flatMap((word) => word.split(/[^A-Za-z0-9]+/))
    .map(capitalise)
    .join("");
  return /^[A-Za-z]/.test(name) ? name : `Hoisted${name}`;
}

/** The operation at `#/paths/<path>/<method>` (or under webhooks), if `at` names one. */
function operationAt(document: Json, at: Pointer): { operationId?: string } | undefined {
  const found = at.length === 3 && METHODS.includes(String(at[2])) ? getAt(document, at) : undefined;
  const operation = found?.found ? found.value : undefined;
  if (!isObject(operation)) return undefined;
  return typeof operation.operationId === "string" && operation.operationId.trim() ? { operationId: operation.operationId } : {};
}

function capitalise(word: string): string {
  return word ? word[0]!.toUpperCase() + word.slice(1) : "";
}

/** `name`, or `name2`, `name3`, … : the first that `taken` does not hold; adds it to `taken`. */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
  taken.add(candidate);
  return candidate;
}
