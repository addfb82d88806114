// Measures a parsed document without recursion (a document 3,000 levels deep must not overflow
// the stack here): how deep its objects and lists nest, and how many values it holds once every
// shared object (a YAML alias, a $ref inlined by the bundler) is counted at each place it is used.
// Shared objects are measured once, so a small document that expands to billions of values is
// measured in the time it takes to read it.
import type { Pointer } from "./json-pointer.js";

export type Overflow =
  /** `pointer` leads to a value nested deeper than the limit. */
  | { readonly kind: "depth"; readonly pointer: Pointer }
  /** The expanded document has too many values; `pointer`, when set, leads to a second use of the shared object that weighs most. */
  | { readonly kind: "values"; readonly pointer: Pointer; readonly uses?: number };

interface Measure {
  /** Levels of objects and lists, this one included; Infinity for a cycle. */
  height: number;
  /** Values, expanded, this one included; capped just past the limit. */
  size: number;
  /** How many places hold this object. */
  uses: number;
  done: boolean;
}

export function measureDocument(root: unknown, limits: { maxDepth: number; maxValues: number }): Overflow | undefined {
  const measures = measureAll(root, limits.maxValues);
  const top = measures.get(root as object);
  if (!top) return undefined;
  if (top.height > limits.maxDepth) return { kind: "depth", pointer: pathToDepth(root, measures, limits.maxDepth + 1) };
  if (top.size <= limits.maxValues) return undefined;
  let heaviest: object | undefined;
  let weight = 0;
  for (const [node, m] of measures) {
    if (m.uses > 1 && m.size * m.uses > weight) {
      heaviest = node;
      weight = m.size * m.uses;
    }
  }
  if (!heaviest) return { kind: "values", pointer: [] };
  return { kind: "values", pointer: pathToSecondUse(root, heaviest), uses: measures.get(heaviest)!.uses };
}

/** Whether objects and lists nest deeper than `maxDepth` in a tree (no object held twice, as JSON.parse makes): a quick first test. */
export function nestsDeeperThan(root: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isContainer(node)) continue;
    if (depth > maxDepth) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) if (isContainer(child)) stack.push([child, depth + 1]);
  }
  return false;
}

function children(node: object): [string | number, unknown][] {
  return Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
}

const isContainer = (value: unknown): value is object => !!value && typeof value === "object";

/** Height, size and uses of every object and list under `root`: depth-first, post-order, iteratively. */
function measureAll(root: unknown, maxValues: number): Map<object, Measure> {
  const measures = new Map<object, Measure>();
  if (!isContainer(root)) return measures;
  const open = (node: object) => {
    const measure: Measure = { height: 0, size: 1, uses: 1, done: false };
    measures.set(node, measure);
    return { node, entries: Array.isArray(node) ? node : Object.values(node), next: 0, measure };
  };
  const stack = [open(root)];
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const { measure } = frame;
    if (frame.next === frame.entries.length) {
      measure.height++;
      measure.done = true;
      stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) add(parent.measure, measure, maxValues);
      continue;
    }
    const child: unknown = frame.entries[frame.next++];
    if (!isContainer(child)) {
      measure.size = Math.min(measure.size + 1, maxValues + 1);
      continue;
    }
    const seen = measures.get(child);
    if (!seen) stack.push(open(child));
    else {
      seen.uses++;
      // Still open: it is an ancestor of this object, a cycle, which never ends.
      add(measure, seen.done ? seen : { height: Infinity, size: Infinity, uses: 0, done: false }, maxValues);
    }
  }
  return measures;
}

function add(parent: Measure, child: Measure, maxValues: number): void {
  parent.height = Math.max(parent.height, child.height);
  parent.size = Math.min(parent.size + child.size, maxValues + 1);
}

/** The pointer to the first value (in document order) that sits `depth` levels down. */
function pathToDepth(root: unknown, measures: Map<object, Measure>, depth: number): Pointer {
  const pointer: (string | number)[] = [];
  let node = root as object;
  for (let level = 1; level < depth; level++) {
    const next = children(node).find(([, child]) => isContainer(child) && measures.get(child)!.height >= depth - level);
    if (!next) break;
    pointer.push(next[0]);
    node = next[1] as object;
  }
  return pointer;
}

/** The pointer to the second place that holds `target`, in document order (depth-first). */
function pathToSecondUse(root: unknown, target: object): Pointer {
  const visited = new Set<object>();
  let found = 0;
  const stack: { node: unknown; pointer: (string | number)[] }[] = [{ node: root, pointer: [] }];
  while (stack.length) {
    const { node, pointer } = stack.pop()!;
    if (node === target && ++found === 2) return pointer;
    if (!isContainer(node) || visited.has(node)) continue;
    visited.add(node);
    const entries = children(node);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ node: entries[i]![1], pointer: [...pointer, entries[i]![0]] });
  }
  return [];
}
