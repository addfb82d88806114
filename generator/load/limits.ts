// What the loader accepts from a spec it may not trust (a spec from a pull request, run in a
// build pipeline): the bounds on each file and on the document they make together. One source
// for these numbers: the README and the CLI's help quote them from here (a test checks).

export interface LoadLimits {
  /** Largest spec file, in bytes. GitHub's full description is 13 MB. */
  readonly maxFileBytes: number;
  /** Deepest nesting of objects and lists. GitHub's full description nests 21 levels. */
  readonly maxDepth: number;
  /**
   * Most values (objects, lists and scalars) in the document once YAML aliases and $refs that
   * are inlined are expanded. GitHub's full description has about 258,000.
   */
  readonly maxValues: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = {
  maxFileBytes: 32 * 1024 * 1024,
  maxDepth: 256,
  maxValues: 2_000_000,
};

/** `32 MiB`, `1.5 KiB`, `100 bytes`: a byte count for messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, "KiB"] : [bytes / (1024 * 1024), "MiB"];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/** `2,000,000`: a count for messages. */
export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}
