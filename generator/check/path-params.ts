// Every `{name}` in a path template needs a path parameter, and every path parameter a `{name}`.
import type { Check } from "./context.js";
import { rawOperations } from "../model/operations.js";
import { resolveParameters } from "../model/params.js";

export const checkPathParams: Check = ({ document, report }) => {
  for (const raw of rawOperations(document)) {
    const template = new Set([...raw.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!));
    const declared = new Set(resolveParameters(document, raw.pathItem, raw.operation).filter((p) => p.in === "path").map((p) => p.name as string));
    for (const name of template) {
      if (!declared.has(name)) {
        report(["paths", raw.path], `path template variable {${name}} of ${raw.method} ${raw.path} has no path parameter`, `add \`- { name: ${name}, in: path, required: true, schema: { type: string } }\` to its parameters`);
      }
    }
    for (const name of declared) {
      if (!template.has(name)) {
        report([...raw.pointer, "parameters"], `path parameter "${name}" of ${raw.method} ${raw.path} does not appear in the path template`, `add {${name}} to the path, or change \`in: path\` to the right location`);
      }
    }
  }
};
