// A few keys cannot appear anywhere in a document, not even in an example: openapi-typescript's
// resolver (@redocly/openapi-core) looks keys up in plain objects, finds these methods of
// Object.prototype instead of nothing, calls them and throws "Cannot convert undefined or null
// to object". Reported here, at the key, instead of as that TypeError. (`constructor`,
// `toString` and `__proto__` happen to go through unharmed, and stay allowed.)
import type { Check } from "./context.js";

const FATAL_KEYS: ReadonlySet<string> = new Set([
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "valueOf",
  "toLocaleString",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);

/** Where a node is, as a chain of keys up to the root (built into a pointer only when reported). */
interface Path {
  readonly up: Path | undefined;
  readonly key: string | number;
}

export const checkPrototypeKeys: Check = ({ document, report }) => {
  const seen = new Set<object>(); // YAML aliases share objects: visit each once
  const stack: [unknown, Path | undefined][] = [[document, undefined]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (!node || typeof node !== "object" || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) if (node[i] && typeof node[i] === "object") stack.push([node[i], { up: path, key: i }]);
      continue;
    }
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const child = (node as Record<string, unknown>)[key];
      if (FATAL_KEYS.has(key))
        report(
          pointerOf({ up: path, key }),
          `the key "${key}" cannot be used: the type generator (openapi-typescript) fails on it`,
          "rename it; a key named like a method of Object.prototype breaks its resolver",
        );
      if (child && typeof child === "object") stack.push([child, { up: path, key }]);
    }
  }
};

function pointerOf(path: Path | undefined): (string | number)[] {
  const pointer: (string | number)[] = [];
  for (let p = path; p; p = p.up) pointer.push(p.key);
  return pointer.reverse();
}
