// src/operations/<group>.ts: one typed, tree-shakeable function per operation of a tag.
import type { Profile } from "../config/schema.js";
import type { OperationModel } from "../model/types.js";
import { sortBy } from "../model/order.js";
import type { EmittedFile } from "./file.js";
import { renderModule } from "./module-renderings.js";
import { operationDoc } from "./operation-doc.js";
import { operationSpec, specLiteral, type SerializerName } from "./operation-spec.js";
import { errorType, itemType, operationType, paramsType, responseType, typeNames } from "./operation-types.js";
import { blankLine, exportedConst, generic, importFrom, pureCall, typeAlias, typeName, type Statement, type TypeNode } from "./ts.js";

/** Each group's module and its dist/ files. */
export function emitOperationModules(operations: readonly OperationModel[], profile: Profile = "github"): EmittedFile[] {
  const groups = new Map<string, OperationModel[]>();
  for (const op of operations) groups.set(op.group, [...(groups.get(op.group) ?? []), op]);
  return sortBy(groups, ([group]) => group).flatMap(([group, ops]) =>
    renderModule(`src/operations/${group}.ts`, moduleStatements(ops, profile)),
  );
}

/** The statements of one group's module. */
export function moduleStatements(ops: readonly OperationModel[], profile: Profile = "github"): Statement[] {
  const runtimeTypes = new Set(["ApiResponse", "Operation"]);
  const serializers = new Set<SerializerName>();
  // A blank line before each operation's block keeps the module readable in review.
  const body = ops.flatMap((op) => [blankLine, ...operationStatements(op, profile, runtimeTypes, serializers)]);
  return [
    importFrom("../runtime/operation.js", ["operation"]),
    ...(serializers.size ? [importFrom("../runtime/serializers.js", [...serializers])] : []),
    importFrom("../runtime/errors.js", ["GitHubApiError"], true),
    importFrom("../runtime/types.js", [...runtimeTypes], true),
    importFrom("../types.js", ["paths"], true),
    ...body,
  ];
}

function operationStatements(
  op: OperationModel,
  profile: Profile,
  runtimeTypes: Set<string>,
  serializers: Set<SerializerName>,
): Statement[] {
  const names = typeNames(op);
  const item = itemType(op, names);
  const response = responseType(op, names);
  if (op.responses.some((r) => r.kind === "redirect")) runtimeTypes.add("RedirectResponse");
  if (item) runtimeTypes.add("PaginatedOperation");
  const subject = `{@link ${op.name}}`;
  const statements: Statement[] = [
    typeAlias(names.op, operationType(op), { exported: false }),
    typeAlias(names.params, paramsType(op, names), {
      docs: `Parameters of ${subject}: path, query, header and body fields in one object.`,
    }),
    typeAlias(names.response, response, { docs: `The documented successful outcomes of ${subject}.` }),
    typeAlias(names.error, errorType(op, names), {
      docs: `The error ${subject} throws for a documented error status (narrow a caught error with \`isErrorOf(error, ${op.name})\`).`,
    }),
  ];
  if (item) statements.push(typeAlias(names.item, item, { docs: `One item of the list that ${subject} pages through.` }));
  const [params, result, error] = [typeName(names.params), typeName(names.response), typeName(names.error)];
  const type: TypeNode = item
    ? generic("PaginatedOperation", params, result, typeName(names.item), error)
    : generic("Operation", params, result, error);
  statements.push(
    exportedConst(op.name, type, pureCall("operation", specLiteral(operationSpec(op, profile), serializers)), operationDoc(op)),
  );
  return statements;
}
