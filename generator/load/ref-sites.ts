// Finds every `$ref` in a parsed file, with where it sits, in one walk. Example values, defaults
// and enums are data, not spec: a `$ref` key inside them is left alone.

export interface RefSite {
  /** The object or array that holds `holder`, and the key under which it does. */
  readonly parent: object;
  readonly key: string | number;
  /** The `{ $ref: ... }` object itself. */
  readonly holder: Record<string, unknown>;
  /** Pointer to `holder`, relative to the walked value. */
  readonly pointer: (string | number)[];
  readonly ref: string;
}

const DATA_KEYS = new Set(["example", "enum", "const"]);
/** Maps whose `default` entry is a spec object (the default response, an example named so). */
const DEFAULT_IS_SPEC = new Set(["responses", "examples"]);

export function collectRefs(value: object): RefSite[] {
  const sites: RefSite[] = [];
  const path: (string | number)[] = [];
  const visit = (node: object, parent: object, key: string | number, inExamples: boolean): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (child && typeof child === "object") {
          path.push(i);
          visit(child, node, i, false);
          path.pop();
        }
      }
      return;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === "string") sites.push({ parent, key, holder: record, pointer: path.slice(), ref: record.$ref });
    for (const k in record) {
      const child = record[k];
      if (!child || typeof child !== "object" || DATA_KEYS.has(k) || (inExamples && k === "value")) continue;
      if (k === "default" && !DEFAULT_IS_SPEC.has(String(key))) continue;
      path.push(k);
      visit(child, record, k, key === "examples");
      path.pop();
    }
  };
  visit(value, { root: value }, "root", false);
  return sites;
}
