// JSON pointers as segment arrays: parsing the `#/a/b~1c` fragment of a $ref and walking to it.

export type Pointer = readonly (string | number)[];

/** Splits a ref into its file part (may be empty: same file) and pointer segments. */
export function splitRef(ref: string): { file: string; pointer: string[] } {
  const hash = ref.indexOf("#");
  const file = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? "" : ref.slice(hash + 1);
  return { file, pointer: parsePointer(fragment) };
}

export function parsePointer(fragment: string): string[] {
  if (fragment === "" || fragment === "/") return [];
  const body = fragment.startsWith("/") ? fragment.slice(1) : fragment;
  // Most segments are plain names: the decoding is skipped for them (a 13 MB spec has 100,000s).
  return body.split("/").map((s) => (/[%~]/.test(s) ? decodeURIComponentSafe(s).replaceAll("~1", "/").replaceAll("~0", "~") : s));
}

export function formatPointer(pointer: Pointer): string {
  return "#/" + pointer.map((s) => String(s).replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
}

/** The value at `pointer`, or `missingAt`: how many segments could be followed before it broke. */
export function getAt(root: unknown, pointer: Pointer): { found: true; value: unknown } | { found: false; missingAt: number } {
  let node = root;
  for (let i = 0; i < pointer.length; i++) {
    if (node === null || typeof node !== "object") return { found: false, missingAt: i };
    const key = String(pointer[i]);
    if (!Object.prototype.hasOwnProperty.call(node, key)) return { found: false, missingAt: i };
    node = (node as Record<string, unknown>)[key];
  }
  return { found: true, value: node };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
