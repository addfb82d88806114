// src/pagination.ts: the package's paginated operations, wired to the runtime's helpers by type.
import { Project, type StatementStructures } from "ts-morph";
import type { ApiModel } from "../model/types.js";
import type { EmittedFile } from "./file.js";
import { TS_HEADER } from "./file.js";
import { importFrom, typeAlias } from "./ts.js";

export function emitPagination(model: ApiModel, project: Project): EmittedFile {
  const paginated = model.operations.filter((op) => op.pagination);
  const byModule = new Map<string, string[]>();
  for (const op of paginated) byModule.set(op.group, [...(byModule.get(op.group) ?? []), op.name]);
  const statements: StatementStructures[] = [...byModule].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, names]) => importFrom(`./operations/${group}.js`, names, true));
  statements.push(
    typeAlias("PaginatedOperations", paginated.length ? `{ ${paginated.map((op) => `${op.name}: typeof ${op.name}`).join("; ")} }` : "{}", {
      docs: "Every operation that `paginate`, `pages` and `collect` accept, by name.",
    }),
    typeAlias("PaginatedOperationName", "keyof PaginatedOperations"),
  );
  const file = project.createSourceFile("src/pagination.ts", { statements }, { overwrite: true });
  const contents = TS_HEADER + file.getFullText();
  project.removeSourceFile(file);
  return { path: "src/pagination.ts", contents };
}
