// Bounds on a YAML file, measured before it becomes JavaScript values. Nesting is measured on
// the parser's tokens, because yaml's composer and toJS recurse once per level (thousands of
// levels overflow the stack). Aliases are measured on the composed document with the size of
// each anchor counted once, because `&big` used 10,000 times makes a small file expand to tens
// of millions of values in every later step, even though yaml itself shares the object.
import { isAlias, isMap, isPair, isSeq, type CST, type Document, type Node as YamlNode } from "yaml";

/** The offset of the first collection nested deeper than `maxDepth`, or undefined. */
export function firstTooDeep(tokens: readonly CST.Token[], maxDepth: number): number | undefined {
  const stack: [CST.Token, number][] = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push([tokens[i]!, 0]);
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    if (token.type === "document") {
      if (token.value) stack.push([token.value, depth]);
      continue;
    }
    if (token.type !== "block-map" && token.type !== "block-seq" && token.type !== "flow-collection") continue;
    if (depth + 1 > maxDepth) return token.offset;
    // Pushed in reverse, so that the first deep collection in the text is met first.
    for (let i = token.items.length - 1; i >= 0; i--) {
      const item = token.items[i]!;
      if (item.value) stack.push([item.value, depth + 1]);
      if (item.key) stack.push([item.key, depth + 1]);
    }
  }
  return undefined;
}

export type ExpansionOverflow =
  /** The values up to here, each alias counted as its anchor's size, pass the limit; `alias`: the offset is an alias. */
  | { readonly kind: "values"; readonly offset: number; readonly alias: boolean }
  /** An alias inside the node its anchor names: the document would be infinite. */
  | { readonly kind: "cycle"; readonly offset: number };

/**
 * Where the document, read in order with every alias expanded, first holds more than `maxValues`
 * values (keys included: yaml turns a key that is an alias into the text of its whole anchor).
 */
export function firstExpansionOverflow(doc: Document, maxValues: number): ExpansionOverflow | undefined {
  /** The latest node of each anchor name: its expanded size, or undefined while it is being read. */
  const anchors = new Map<string, { size?: number }>();
  let total = 0;
  type Step = { node: unknown } | { close: { size?: number }; start: number };
  const stack: Step[] = [{ node: doc.contents }];
  while (stack.length) {
    const step = stack.pop()!;
    if ("close" in step) {
      step.close.size = total - step.start;
      continue;
    }
    const node = step.node;
    if (isPair(node)) {
      stack.push({ node: node.value }, { node: node.key });
      continue;
    }
    if (!node || typeof node !== "object") continue;
    const offset = (node as YamlNode).range?.[0] ?? 0;
    if (isAlias(node)) {
      const anchor = anchors.get(node.source);
      if (anchor && anchor.size === undefined) return { kind: "cycle", offset };
      total += anchor?.size ?? 1;
      if (total > maxValues) return { kind: "values", offset, alias: true };
      continue;
    }
    const start = total;
    total++;
    if (total > maxValues) return { kind: "values", offset, alias: false };
    const anchorName = (node as YamlNode).anchor;
    if (anchorName) {
      const entry: { size?: number } = {};
      anchors.set(anchorName, entry);
      stack.push({ close: entry, start });
    }
    if (isMap(node) || isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i] });
  }
  return undefined;
}
