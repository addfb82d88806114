// What an OpenAPI object at a pointer is (a schema, a parameter, a response, …), read from the
// pointer alone by following the document's structure from its root: `#/paths/~1pets/get/
// responses/200/content/application~1json/schema` is a schema. The hoisting of deep $refs asks
// it for each target, to know which components section the target belongs in.
import { SCHEMA_LIST_KEYWORDS, SCHEMA_MAP_KEYWORDS, SUBSCHEMA_KEYWORDS } from "../document/schema-keywords.js";
import { METHODS as OPERATION_METHODS } from "../document/operations.js";
import type { Pointer } from "../load/json-pointer.js";

/** The kinds that have a components section, by the section's name. */
export type ComponentSection = "schemas" | "parameters" | "responses" | "requestBodies" | "headers" | "examples" | "pathItems";

type State =
  | ComponentSection
  | "root"
  | "components"
  | "pathMap"
  | "operation"
  | "parameterList"
  | "responseMap"
  | "contentMap"
  | "mediaType"
  | "callbackMap"
  | "callback"
  | "schemaList"
  | "other";

type Map = `${ComponentSection}Map` | "pathMap" | "responseMap" | "contentMap" | "callbackMap";

const METHODS = new Set(OPERATION_METHODS);
const SECTIONS = new Set<string>(["schemas", "parameters", "responses", "requestBodies", "headers", "examples", "pathItems"]);
const SUBSCHEMA = new Set(SUBSCHEMA_KEYWORDS);
const SCHEMA_MAP = new Set(SCHEMA_MAP_KEYWORDS);
const SCHEMA_LIST = new Set(SCHEMA_LIST_KEYWORDS);

/** The components section that the object at `pointer` would belong in, or undefined for anything else. */
export function sectionAt(pointer: Pointer): ComponentSection | undefined {
  let state: State | Map = "root";
  for (const segment of pointer) {
    state = step(state, String(segment));
    if (state === "other") return undefined;
  }
  return SECTIONS.has(state) ? (state as ComponentSection) : undefined;
}

function step(state: State | Map, key: string): State | Map {
  switch (state) {
    case "root":
      return key === "paths" || key === "webhooks" ? "pathMap" : key === "components" ? "components" : "other";
    case "components":
      return SECTIONS.has(key) ? (`${key}Map` as Map) : key === "callbacks" ? "callbackMap" : "other";
    case "pathMap":
    case "pathItemsMap":
      return "pathItems";
    case "callbackMap":
      return "callback";
    case "callback":
      return "pathItems";
    case "pathItems":
      return METHODS.has(key) ? "operation" : key === "parameters" ? "parameterList" : "other";
    case "operation":
      if (key === "parameters") return "parameterList";
      if (key === "requestBody") return "requestBodies";
      if (key === "responses") return "responseMap";
      return key === "callbacks" ? "callbackMap" : "other";
    case "parameterList":
    case "parametersMap":
      return "parameters";
    case "responseMap":
    case "responsesMap":
      return "responses";
    case "requestBodiesMap":
      return "requestBodies";
    case "headersMap":
      return "headers";
    case "examplesMap":
      return "examples";
    case "schemasMap":
      return "schemas";
    case "parameters":
    case "headers":
      return key === "schema" ? "schemas" : key === "content" ? "contentMap" : key === "examples" ? "examplesMap" : "other";
    case "requestBodies":
      return key === "content" ? "contentMap" : "other";
    case "responses":
      return key === "content" ? "contentMap" : key === "headers" ? "headersMap" : "other";
    case "contentMap":
      return "mediaType";
    case "mediaType":
      return key === "schema" ? "schemas" : key === "examples" ? "examplesMap" : "other";
    case "schemas":
      if (SUBSCHEMA.has(key)) return "schemas";
      if (SCHEMA_MAP.has(key)) return "schemasMap";
      return SCHEMA_LIST.has(key) ? "schemaList" : "other";
    case "schemaList":
      return "schemas";
    case "examples":
    case "other":
      return "other";
  }
}
