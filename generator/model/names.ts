// Assigns every operation its function name. The short form (operationId after its namespace)
// is used unless two operations share it; those keep their namespace (`reposGet`, `orgsGet`).
import { camelCase, nameFromRoute, pascalCase, safeIdentifier, shortName } from "./naming.js";
import type { RawOperation } from "../document/operations.js";

export function operationId(raw: RawOperation): string {
  const id = raw.operation.operationId;
  return typeof id === "string" && id.trim() ? id : `${raw.method} ${raw.path}`;
}

export function assignNames(raws: readonly RawOperation[]): { name: string; typeName: string }[] {
  const candidates = raws.map((raw) =>
    typeof raw.operation.operationId === "string" && raw.operation.operationId.trim()
      ? shortName(raw.operation.operationId)
      : nameFromRoute(raw.method, raw.path),
  );
  const counts = new Map<string, number>();
  for (const c of candidates) counts.set(c, (counts.get(c) ?? 0) + 1);
  return raws.map((raw, i) => {
    const short = candidates[i]!;
    const id = raw.operation.operationId;
    const chosen = counts.get(short)! > 1 && typeof id === "string" && id.includes("/") ? camelCase(id) : short;
    const name = safeIdentifier(chosen, nameFromRoute(raw.method, raw.path) || "operation");
    return { name, typeName: pascalCase(name) };
  });
}
