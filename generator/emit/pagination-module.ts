// src/pagination.ts: the package's paginated operations, wired to the runtime's helpers by type.
import type { ApiModel } from "../model/types.js";
import type { EmittedFile } from "./file.js";
import { renderModule } from "./module-renderings.js";
import { importFrom, jsDoc, keyOf, typeAlias, typeName, typeOf, type Statement } from "./ts.js";

/** The names this module exports, which no schema alias may take. */
export const PAGINATION_NAMES = ["PaginatedOperations", "PaginatedOperationName"] as const;
const [operationsName, nameName] = PAGINATION_NAMES;

export function emitPagination(model: ApiModel): EmittedFile[] {
  const paginated = model.operations.filter((op) => op.pagination);
  const byModule = new Map<string, string[]>();
  for (const op of paginated) byModule.set(op.group, [...(byModule.get(op.group) ?? []), op.name]);
  const statements: Statement[] = [...byModule]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([group, names]) => importFrom(`./operations/${group}.js`, names, true));
  statements.push(
    {
      kind: "interface",
      name: operationsName,
      exported: true,
      docs: jsDoc("Every operation that `paginate`, `pages` and `collect` accept, by name."),
      properties: paginated.map((op) => ({ name: op.name, type: typeOf(op.name) })),
    },
    typeAlias(nameName, keyOf(typeName(operationsName))),
  );
  return renderModule("src/pagination.ts", statements);
}
