// The JSDoc of an operation function: what editors show on hover.
import type { OperationModel, ParamModel } from "../model/types.js";
import { httpLinkTarget } from "./markdown-text.js";
import { jsDoc, propertyName, type JsDoc } from "./ts.js";

export function operationDoc(op: OperationModel): JsDoc {
  const lines = [op.docs.summary ?? `${op.method} ${op.path}`];
  if (op.docs.description && op.docs.description !== op.docs.summary) lines.push("", op.docs.description);
  if (op.docs.permissions.length) lines.push("", `Required permission: ${op.docs.permissions.join("; ")}.`);
  if (op.pagination) lines.push("", `Paginated (${op.pagination.style} style): iterate with \`paginate(client, ${op.name}, params)\`.`);
  const tags: { tagName: string; text?: string }[] = [];
  const url = op.docs.url ? httpLinkTarget(op.docs.url) : undefined; // a `javascript:` link is not offered
  if (url) tags.push({ tagName: "see", text: `{@link ${url}}` });
  if (op.docs.deprecated) tags.push({ tagName: "deprecated", text: "This operation is deprecated in the API description." });
  tags.push({ tagName: "example", text: exampleCall(op) });
  return jsDoc(lines.join("\n"), tags);
}

/** The required params of an operation as an object literal with placeholder values. */
export function exampleArgs(op: OperationModel): string {
  const required = [...op.params.path, ...op.params.query, ...op.params.header].filter((p) => p.required);
  const fields = required.map((p) => `${propertyName(p.name)}: ${placeholder(p)}`);
  // A body passed whole is a field of its own; its placeholder follows its kind.
  if (op.body?.required && !op.body.flatKeys) fields.push(`body: ${op.body.kind === "json" ? "{}" : "new Blob([])"}`);
  return fields.length ? `{ ${fields.join(", ")} }` : "{}";
}

function exampleCall(op: OperationModel): string {
  const args = exampleArgs(op);
  if (op.pagination) return `for await (const item of paginate(client, ${op.name}, ${args})) console.log(item);`;
  if (op.responses.some((r) => r.kind === "redirect")) return `const { location } = await ${op.name}(client, ${args});`;
  return `const { status, data } = await ${op.name}(client, ${args});`;
}

function placeholder(param: ParamModel): string {
  if (param.type === "integer" || param.type === "number") return "42";
  if (param.type === "boolean") return "true";
  return JSON.stringify(param.name.toUpperCase().replace(/[^A-Z0-9]+/g, "_"));
}
