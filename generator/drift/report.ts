// The drift report: the differences of each operation under its name, one line each, aligned.
import { canonical, type Difference } from "./compare.js";

export function formatDifferences(differences: readonly Difference[], mark: (d: Difference) => string = () => ""): string[] {
  const byOperation = new Map<string, Difference[]>();
  for (const d of differences) byOperation.set(d.operationId, [...(byOperation.get(d.operationId) ?? []), d]);
  const lines: string[] = [];
  for (const operationId of [...byOperation.keys()].sort()) {
    const list = byOperation.get(operationId)!;
    lines.push(`${operationId} (${list.length})`);
    const keyWidth = Math.min(60, Math.max(...list.map((d) => d.key.length)));
    const aspectWidth = Math.max(...list.map((d) => d.aspect.length));
    for (const d of list) {
      const where = `  [at: ${d.anchor}]`;
      lines.push(`  ${mark(d)}${d.key.padEnd(keyWidth)}  ${d.aspect.padEnd(aspectWidth)}  spec: ${canonical(d.spec)}  upstream: ${canonical(d.upstream)}${where}`);
    }
  }
  return lines;
}
