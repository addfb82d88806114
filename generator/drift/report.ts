// The drift report: the differences of each operation under its name, one line each, aligned.
import { canonical, type Difference } from "./compare.js";

export function formatDifferences(differences: readonly Difference[]): string[] {
  const byOperation = new Map<string, Difference[]>();
  for (const d of differences) {
    const list = byOperation.get(d.operationId);
    if (list) list.push(d);
    else byOperation.set(d.operationId, [d]);
  }
  const lines: string[] = [];
  for (const operationId of [...byOperation.keys()].sort()) {
    const list = byOperation.get(operationId)!;
    lines.push(`${operationId} (${list.length})`);
    const keyWidth = Math.min(60, Math.max(...list.map((d) => d.key.length)));
    const aspectWidth = Math.max(...list.map((d) => d.aspect.length));
    for (const d of list) {
      // `at` is what a deviation entry names it by.
      lines.push(
        `  ${d.key.padEnd(keyWidth)}  ${d.aspect.padEnd(aspectWidth)}  spec: ${canonical(d.spec)}  upstream: ${canonical(d.upstream)}  [at: ${d.anchor}]`,
      );
    }
  }
  return lines;
}
