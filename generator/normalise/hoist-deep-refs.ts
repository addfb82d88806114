// A $ref into the middle of another object (`#/paths/~1pets/get/responses/200/content/
// application~1json/schema`, `#/components/schemas/Pet/properties/owner`) becomes a $ref to a
// named component: the object moves to `#/components/<section>/<name>` and a $ref to it is left in
// its place, so the first writer and every reader share one named type. openapi-typescript writes
// a deep ref as an indexed access into a type that does not have that key, which does not compile.
//
// Deepest targets move first: when a target holds another, the inner one is a $ref by the time
// the outer one moves. A schema that referred to itself through its deep pointer now refers to
// its component, which is a named, recursive type.
import { isObject, type Json } from "../document/json.js";
import { formatPointer, getAt, parsePointer, type Pointer } from "../load/json-pointer.js";
import { collectRefs, type RefSite } from "../load/ref-sites.js";
import { componentName, uniqueName } from "./component-name.js";
import { sectionAt, type ComponentSection } from "./node-kind.js";

interface Target {
  readonly pointer: Pointer;
  readonly section: ComponentSection;
}

/** The document with its deep refs hoisted, or the same document when it has none. */
export function hoistDeepRefs(document: Json): Json {
  if (!deepTargets(collectRefs(document)).size) return document;
  const copy = structuredClone(document);
  const sites = collectRefs(copy);
  const targets = [...deepTargets(sites).values()].sort((a, b) => b.pointer.length - a.pointer.length || compare(a, b));
  const moves = new Map<string, string>();
  for (const target of targets) {
    const moved = move(copy, target);
    if (moved) moves.set(formatPointer(target.pointer), moved);
  }
  for (const site of sites) {
    const moved = movedRef(internalPointer(site.ref), moves);
    if (moved) site.holder.$ref = moved;
  }
  return copy;
}

/** Where a ref to `pointer` leads now: the new place of the nearest moved object on its way, if any. */
function movedRef(pointer: Pointer | undefined, moves: ReadonlyMap<string, string>): string | undefined {
  for (let length = pointer?.length ?? 0; length > 0; length--) {
    const moved = moves.get(formatPointer(pointer!.slice(0, length)));
    if (moved) return length === pointer!.length ? moved : moved + formatPointer(pointer!.slice(length)).slice(1);
  }
  return undefined;
}

/** The targets of internal refs that are not components themselves, keyed by their formatted pointer. */
function deepTargets(sites: readonly RefSite[]): Map<string, Target> {
  const targets = new Map<string, Target>();
  for (const site of sites) {
    const pointer = internalPointer(site.ref);
    if (!pointer || isComponent(pointer)) continue;
    const section = sectionAt(pointer);
    if (section) targets.set(formatPointer(pointer), { pointer, section });
  }
  return targets;
}

function internalPointer(ref: string): Pointer | undefined {
  return ref.startsWith("#") ? parsePointer(ref.slice(1)) : undefined;
}

function isComponent(pointer: Pointer): boolean {
  return pointer.length === 3 && pointer[0] === "components";
}

/** Moves the target into its section and leaves a $ref in its place; returns the new ref, or undefined if there is no such object. */
function move(document: Json, { pointer, section }: Target): string | undefined {
  const parent = getAt(document, pointer.slice(0, -1));
  const key = pointer.at(-1)!;
  if (!parent.found || !parent.value || typeof parent.value !== "object") return undefined;
  const holder = parent.value as Record<string | number, unknown>;
  if (!Object.hasOwn(holder, key) || !holder[key] || typeof holder[key] !== "object") return undefined;
  const components = child(document, "components");
  const members = child(components, section);
  const name = uniqueName(componentName(document, pointer), new Set(Object.keys(members)));
  members[name] = holder[key];
  const ref = formatPointer(["components", section, name]);
  holder[key] = { $ref: ref };
  return ref;
}

/** `parent[key]`, created as an empty object when missing. */
function child(parent: Json, key: string): Json {
  const existing = parent[key];
  if (isObject(existing)) return existing;
  const created: Json = {};
  parent[key] = created;
  return created;
}

function compare(a: Target, b: Target): number {
  const [x, y] = [formatPointer(a.pointer), formatPointer(b.pointer)];
  return x < y ? -1 : x > y ? 1 : 0;
}
