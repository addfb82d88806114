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

export type AliasProblem =
  /** The values up to here, each alias counted as its anchor's size, pass the limit; `alias`: the offset is an alias. */
  | { readonly kind: "values"; readonly offset: number; readonly alias: boolean }
  /** An alias whose content, put in place, nests deeper than the limit. */
  | { readonly kind: "depth"; readonly offset: number }
  /** An alias inside the node its anchor names: the document would be infinite. */
  | { readonly kind: "cycle"; readonly offset: number }
  /** An alias with no anchor of its name before it. */
  | { readonly kind: "unresolved"; readonly offset: number; readonly name: string };

interface Anchor {
  readonly node: YamlNode;
  /** Its size and levels of collections, aliases expanded; undefined while the walk is inside it. */
  size?: number;
  height?: number;
}

/** An anchor the walk is inside: the level it starts below, and the deepest level seen in it. */
interface OpenAnchor {
  readonly anchor: Anchor | undefined;
  readonly base: number;
  deepest: number;
}

/**
 * Measures the document as if every alias were its anchor's content (keys included: yaml turns a
 * key that is an alias into the text of its whole anchor), and stops where it first holds more
 * than `maxValues` values or nests deeper than `maxDepth`. Within the limits, each alias is
 * replaced by its anchor's node, so that toJS never resolves an alias: yaml looks for an alias's
 * anchor among every anchor and alias before it, which took 13 s for 20,000 aliases. (The values
 * come out as copies, not shared; the limits bound them.) Returns how many aliases there were.
 */
export function inlineAliases(doc: Document, limits: { maxValues: number; maxDepth: number }): { problem?: AliasProblem; aliases: number } {
  /** The latest anchor of each name, as yaml resolves them. */
  const anchors = new Map<string, Anchor>();
  const open: OpenAnchor[] = [{ anchor: undefined, base: 0, deepest: 0 }];
  const reach = (level: number) => (open[open.length - 1]!.deepest = Math.max(open[open.length - 1]!.deepest, level));
  let total = 0;
  let aliases = 0;
  /** `level`: levels of collections above the node. */
  type Step = { node: unknown; level: number; place: (node: YamlNode) => void } | { close: Anchor; start: number };
  const stack: Step[] = [{ node: doc.contents, level: 0, place: (node) => (doc.contents = node) }];
  while (stack.length) {
    const step = stack.pop()!;
    if ("close" in step) {
      const closed = open.pop()!;
      step.close.size = total - step.start;
      step.close.height = closed.deepest - closed.base;
      reach(closed.deepest);
      continue;
    }
    const { node, level } = step;
    if (isPair(node)) {
      stack.push({ node: node.value, level, place: (n) => (node.value = n) }, { node: node.key, level, place: (n) => (node.key = n) });
      continue;
    }
    if (!node || typeof node !== "object") continue;
    const offset = (node as YamlNode).range?.[0] ?? 0;
    if (isAlias(node)) {
      aliases++;
      const anchor = anchors.get(node.source);
      if (!anchor) return { problem: { kind: "unresolved", offset, name: node.source }, aliases };
      if (anchor.size === undefined || anchor.height === undefined) return { problem: { kind: "cycle", offset }, aliases };
      total += anchor.size;
      if (total > limits.maxValues) return { problem: { kind: "values", offset, alias: true }, aliases };
      if (level + anchor.height > limits.maxDepth) return { problem: { kind: "depth", offset }, aliases };
      reach(level + anchor.height);
      step.place(anchor.node);
      continue;
    }
    const start = total;
    total++;
    if (total > limits.maxValues) return { problem: { kind: "values", offset, alias: false }, aliases };
    const anchorName = (node as YamlNode).anchor;
    if (anchorName) {
      const anchor: Anchor = { node: node as YamlNode };
      anchors.set(anchorName, anchor);
      open.push({ anchor, base: level, deepest: level });
      stack.push({ close: anchor, start });
    }
    if (isMap(node) || isSeq(node)) {
      reach(level + 1);
      const items = node.items as unknown[];
      for (let i = items.length - 1; i >= 0; i--) stack.push({ node: items[i], level: level + 1, place: (n) => (items[i] = n) });
    }
  }
  return { aliases };
}
