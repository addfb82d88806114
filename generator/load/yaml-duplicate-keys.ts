// Duplicate keys in a YAML map, found in one pass. yaml's own check (`uniqueKeys`) compares each
// new key with every key before it: a map of 20,000 keys took 14 s to parse, and a spec from a
// pull request can hold a map as long as it likes. Same verdict (keys are equal when they are
// the same scalar value: `1` and `"1"` differ), same error code and position.
import { isMap, isPair, isScalar, isSeq, YAMLParseError, type Document, type Node as YamlNode } from "yaml";

export function duplicateKeyErrors(doc: Document): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    if (isSeq(node)) stack.push(...node.items);
    if (!isMap(node)) continue;
    const seen = new Set<string>();
    for (const pair of node.items) {
      stack.push(pair);
      const id = scalarIdentity(pair.key);
      if (id === undefined) continue;
      if (seen.has(id)) {
        const offset = (pair.key as YamlNode).range?.[0] ?? 0;
        errors.push(new YAMLParseError([offset, offset + 1], "DUPLICATE_KEY", "Map keys must be unique"));
      }
      seen.add(id);
    }
  }
  return errors;
}

/** A string that two keys share exactly when yaml finds them equal; undefined for keys that equal nothing else. */
function scalarIdentity(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const value = key.value;
  if (value !== null && typeof value === "object") return undefined; // compared by identity
  if (typeof value === "number" && Number.isNaN(value)) return undefined;
  return `${typeof value}:${String(value)}`;
}
