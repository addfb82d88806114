// Parameters of an operation, path-level and operation-level merged (operation wins), grouped
// by location.
import type { ParamModel } from "./types.js";
import { deref, isObject, stringField, type Json } from "./deref.js";

export type ParamLocation = "path" | "query" | "header" | "cookie";
export type GroupedParams = Record<ParamLocation, ParamModel[]>;

export function resolveParameters(document: Json, pathItem: Json, operation: Json): Json[] {
  const merged = new Map<string, Json>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const param = deref(document, entry);
      const name = stringField(param, "name");
      const location = stringField(param, "in");
      if (param && name !== undefined && location) merged.set(`${location}:${name}`, param);
    }
  }
  return [...merged.values()];
}

export function groupParameters(document: Json, parameters: Json[]): GroupedParams {
  const grouped: GroupedParams = { path: [], query: [], header: [], cookie: [] };
  for (const param of parameters) {
    const location = param.in as ParamLocation;
    if (!(location in grouped)) continue;
    const description = stringField(param, "description");
    const type = stringField(parameterSchema(document, param), "type");
    grouped[location].push({
      name: param.name as string,
      required: location === "path" || param.required === true,
      ...(type ? { type } : {}),
      ...(description ? { description } : {}),
    });
  }
  return grouped;
}

/** The schema of a parameter, for the checks and pagination inference. */
export function parameterSchema(document: Json, param: Json): Json | undefined {
  if (isObject(param.schema)) return deref(document, param.schema);
  return undefined;
}
