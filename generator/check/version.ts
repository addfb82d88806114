// Only OpenAPI 3.0 and 3.1 documents are read; anything else is named and refused.
import type { Check } from "./context.js";
import { isObject } from "../document/json.js";

export const checkVersion: Check = ({ document, report }) => {
  if (typeof document.swagger === "string") {
    report(["swagger"], `Swagger ${document.swagger} documents are not supported`, "convert it to OpenAPI 3.0 or 3.1 first");
    return;
  }
  const version = document.openapi;
  if (typeof version !== "string" || !/^3\.[01]\.\d+/.test(version)) {
    report(
      version === undefined ? [] : ["openapi"],
      `unsupported OpenAPI version ${JSON.stringify(version ?? null)}`,
      "set `openapi: 3.1.0` (3.0.x and 3.1.x are supported)",
    );
  }
  if (!isObject(document.paths) && !isObject(document.webhooks)) {
    report([], "the document has neither `paths` nor `webhooks`", "add `paths: {}` for a document with no operations");
  }
};
