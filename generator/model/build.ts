// Builds the intermediate model from a checked, bundled document.
import type { ApiModel, OperationModel } from "./types.js";
import { isObject, stringField, type Json } from "../document/json.js";
import { bodyModel } from "./body.js";
import { assignNames, operationId } from "./names.js";
import { rawOperations } from "../document/operations.js";
import { sortBy } from "./order.js";
import { groupParameters, resolveParameters } from "./params.js";
import { paginationOf } from "./pagination.js";
import { requiredPermissions } from "./permissions.js";
import { responseModels } from "./responses.js";
import { groupName } from "./naming.js";
import { securityOf } from "./identity.js";

export function buildModel(document: Json): ApiModel {
  const raws = rawOperations(document);
  const names = assignNames(raws);
  const operations = raws.map((raw, i): OperationModel => {
    const { operation } = raw;
    const params = groupParameters(document, resolveParameters(document, raw.pathItem, operation));
    const all = [...params.path, ...params.query, ...params.header, ...params.cookie];
    const body = bodyModel(document, operation.requestBody, all);
    const responses = responseModels(document, operation.responses);
    const pagination = raw.method === "GET" ? paginationOf(document, operation, params.query, responses) : undefined;
    const apiVersion = stringField(operation, "x-api-version") ?? stringField(document, "x-api-version");
    const security = securityOf(operation.security);
    const tags = Array.isArray(operation.tags) ? operation.tags.filter((t): t is string => typeof t === "string") : [];
    return {
      id: operationId(raw),
      ...names[i]!,
      method: raw.method,
      path: raw.path,
      group: groupName(tags[0]),
      params,
      ...(body ? { body } : {}),
      responses,
      ...(apiVersion ? { apiVersion } : {}),
      ...(pagination ? { pagination } : {}),
      ...(security ? { security } : {}),
      ...withPermissions(docsOf(operation)),
    };
  });
  const info = isObject(document.info) ? document.info : {};
  const description = stringField(info, "description");
  return {
    title: stringField(info, "title") ?? "API",
    version: stringField(info, "version") ?? "0.0.0",
    ...(description ? { description } : {}),
    operations: sortBy(operations, (op) => op.name),
  };
}

/** The docs, and the permissions read from their text. */
function withPermissions(docs: OperationModel["docs"]): Pick<OperationModel, "requiredPermissions" | "docs"> {
  return { requiredPermissions: requiredPermissions(docs.permissions), docs };
}

function docsOf(operation: Json): OperationModel["docs"] {
  const summary = stringField(operation, "summary");
  const description = stringField(operation, "description");
  const permissions = operation["x-github-permissions"];
  const url = isObject(operation.externalDocs) ? stringField(operation.externalDocs, "url") : undefined;
  return {
    ...(summary ? { summary } : {}),
    ...(description ? { description } : {}),
    permissions: Array.isArray(permissions) ? permissions.filter((p): p is string => typeof p === "string") : [],
    ...(url ? { url } : {}),
    deprecated: operation.deprecated === true,
  };
}
