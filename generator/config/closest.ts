// "Did you mean": the known word nearest to a misspelt one, by edit distance.

/** Longest word compared: a key is short, and a hostile one must not cost a quadratic amount of work. */
const MAX_COMPARED = 64;

/** The known word within a third of its length in edits (at least 2) of `word`, nearest first; undefined if none is that near. */
export function closestWord(word: string, known: readonly string[]): string | undefined {
  if (word.length > MAX_COMPARED) return undefined;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance > Math.max(2, Math.floor(candidate.length / 3))) continue;
    if (!best || distance < best.distance) best = { word: candidate, distance };
  }
  return best?.word;
}

/** Levenshtein distance: insertions, deletions and substitutions, one row at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}
