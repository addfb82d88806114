// src/schemas.ts: a named alias for every component schema (`WorkflowRun`), so that users can
// import the types they pass around without indexing `components`.
import type { ApiModel } from "../model/types.js";
import { pascalCase } from "../model/naming.js";
import { PACKAGE_NAMES } from "../model/reserved-names.js";
import { entriesOf } from "../model/order.js";
import type { EmittedFile } from "./file.js";
import { renderModule } from "./module-renderings.js";
import { typeNames } from "./operation-types.js";
import { PAGINATION_NAMES } from "./pagination-module.js";
import { importFrom, indexed, typeAlias, typeName } from "./ts.js";

export function emitSchemas(model: ApiModel, document: Record<string, unknown>): EmittedFile[] {
  const components = document.components as { schemas?: Record<string, unknown> } | undefined;
  // src/index.ts exports these modules side by side: an alias must not take a name another one exports.
  const used = new Set<string>([...PACKAGE_NAMES, ...PAGINATION_NAMES]);
  for (const op of model.operations) for (const n of Object.values(typeNames(op))) used.add(n);
  const aliases = [];
  for (const [name] of entriesOf(components?.schemas)) {
    const alias = pascalCase(name);
    if (!alias || /^\p{N}/u.test(alias) || used.has(alias)) continue; // a clash keeps the schema reachable through `components` only
    used.add(alias);
    aliases.push(typeAlias(alias, indexed(typeName("components"), "schemas", name)));
  }
  const statements = aliases.length ? [importFrom("./types.js", ["components"], true), ...aliases] : [];
  return renderModule("src/schemas.ts", statements);
}
