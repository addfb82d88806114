// A parsed document's values, as the checks and the model read them.

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

/** Reads a vendor extension or field as a string, if it is one. */
export function stringField(node: Json | undefined, key: string): string | undefined {
  const value = node?.[key];
  return typeof value === "string" ? value : undefined;
}
