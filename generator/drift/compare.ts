// Compares the facts of one operation in spec/ with those of the same operation upstream. A fact
// on one side only is one `presence` difference, reported at the outermost missing key (the
// fields of a missing object are not listed one by one).
import { ASPECTS, type Aspect, type Fact, type OperationFacts } from "./operation-facts.js";
import type { Json } from "./schema-shape.js";

export interface Difference {
  readonly operationId: string;
  readonly key: string;
  /** Where a deviation names it (see Fact.anchor); for a fact upstream only, derived from its nearest parent in spec/. */
  readonly anchor: string;
  readonly aspect: Aspect;
  readonly spec: Json;
  readonly upstream: Json;
}

export const ABSENT = "absent";
export const PRESENT = "present";

export function compareOperation(spec: OperationFacts, upstream: OperationFacts): Difference[] {
  const differences: Difference[] = [];
  const operationId = spec.operationId;
  const keys = [...new Set([...spec.facts.keys(), ...upstream.facts.keys()])];
  for (const key of keys) {
    const ours = spec.facts.get(key);
    const theirs = upstream.facts.get(key);
    if (ours && theirs) {
      for (const aspect of ASPECTS) {
        if (aspect === "presence") continue;
        const a = valueOf(ours, aspect);
        const b = valueOf(theirs, aspect);
        if (!sameJson(a, b)) differences.push({ operationId, key, anchor: ours.anchor, aspect, spec: a, upstream: b });
      }
      continue;
    }
    const only = (ours ?? theirs)!;
    const other = ours ? upstream.facts : spec.facts;
    // Reported once, at the outermost key missing on the other side.
    if (only.parent !== null && !other.has(only.parent)) continue;
    differences.push({
      operationId,
      key,
      anchor: ours ? ours.anchor : anchorInSpec(spec, theirs!),
      aspect: "presence",
      spec: ours ? PRESENT : ABSENT,
      upstream: ours ? ABSENT : PRESENT,
    });
  }
  return differences.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : ASPECTS.indexOf(a.aspect) - ASPECTS.indexOf(b.aspect)));
}

/** A fact that spec/ lacks is named from its parent in spec/: `workflow-run` + `.head_repository_id`. */
function anchorInSpec(spec: OperationFacts, fact: Fact): string {
  const parent = fact.parent === null ? undefined : spec.facts.get(fact.parent);
  if (!parent) return `${spec.operationId} ${fact.key}`;
  return (parent.inside ?? parent.anchor) + fact.key.slice(parent.key.length);
}

/** An aspect a fact does not carry (a default nobody gave) reads as null on both sides. */
function valueOf(fact: Fact, aspect: Exclude<Aspect, "presence">): Json {
  const value = fact.values[aspect];
  return value === undefined ? null : value;
}

export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  return canonical(a) === canonical(b);
}

/** JSON text with object keys sorted, so that key order does not count as a difference. */
export function canonical(value: Json | undefined): string {
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
