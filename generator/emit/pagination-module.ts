// src/pagination.ts: the package's paginated operations, wired to the runtime's helpers by type.
import type { StatementStructures } from "ts-morph";
import { StructureKind } from "./structure-kind.js";
import type { ApiModel } from "../model/types.js";
import type { EmittedFile } from "./file.js";
import { renderModule } from "./module-renderings.js";
import { importFrom, jsDoc, typeAlias } from "./ts.js";

export function emitPagination(model: ApiModel): EmittedFile[] {
  const paginated = model.operations.filter((op) => op.pagination);
  const byModule = new Map<string, string[]>();
  for (const op of paginated) byModule.set(op.group, [...(byModule.get(op.group) ?? []), op.name]);
  const statements: StatementStructures[] = [...byModule].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, names]) => importFrom(`./operations/${group}.js`, names, true));
  statements.push(
    {
      kind: StructureKind.Interface,
      name: "PaginatedOperations",
      isExported: true,
      docs: [jsDoc("Every operation that `paginate`, `pages` and `collect` accept, by name.")],
      properties: paginated.map((op) => ({ name: op.name, type: `typeof ${op.name}` })),
    },
    typeAlias("PaginatedOperationName", "keyof PaginatedOperations"),
  );
  return renderModule("src/pagination.ts", statements);
}
