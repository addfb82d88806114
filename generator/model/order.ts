// The one ordering helper: every list the generator emits is sorted through it, by code units,
// so that output never depends on insertion order, locale or the host.

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortBy<T>(items: Iterable<T>, key: (item: T) => string | number): T[] {
  return [...items].sort((x, y) => {
    const a = key(x);
    const b = key(y);
    return typeof a === "number" && typeof b === "number" ? a - b : compareText(String(a), String(b));
  });
}

/** Object entries in key order. */
export function entriesOf<V>(record: Record<string, V> | undefined): [string, V][] {
  return record ? sortBy(Object.entries(record), ([k]) => k) : [];
}
