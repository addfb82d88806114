// The README's examples of permission-aware and typed errors, from the model: an operation that
// documents a permission, and one that documents error statuses. Empty strings leave a section out.
import type { ApiModel, OperationModel } from "../model/types.js";
import { exampleArgs } from "./operation-doc.js";

export interface ErrorExamples {
  /** A 403's message, e.g. `POST …/cancel → 403: …; missing permission? add "actions: write" …`. */
  readonly permissionMessage: string;
  /** The `permissions:` block of a workflow that grants what that operation needs. */
  readonly permissionYaml: string;
  /** A try/catch that narrows with `isErrorOf`. */
  readonly guardExample: string;
}

export function errorExamples(model: ApiModel, packageName: string): ErrorExamples {
  // A write permission is the one people miss: GITHUB_TOKEN often has read only.
  const byName = [...model.operations].sort((a, b) => a.name.localeCompare(b.name));
  const needing =
    byName.find((op) => op.requiredPermissions.some((p) => p.access === "write")) ?? byName.find((op) => op.requiredPermissions.length);
  const documented = byName.find((op) => op.responses.some((r) => r.status >= 400));
  return {
    permissionMessage: needing ? permissionMessage(needing) : "",
    permissionYaml: needing ? ["permissions:", ...needing.requiredPermissions.map((p) => `  ${p.scope}: ${p.access}`)].join("\n") : "",
    guardExample: documented ? guardExample(documented, packageName) : "",
  };
}

function permissionMessage(op: OperationModel): string {
  const needed = op.requiredPermissions.map((p) => `${p.scope}: ${p.access}`).join(", ");
  // The path comes from the spec: a backtick or a line break would end the README's code fence.
  const path = op.path.replace(/[`\r\n]/g, encodeURIComponent);
  return `${op.method} https://api.github.com${path} → 403: Resource not accessible by integration; missing permission? add "${needed}" to the workflow's permissions:`;
}

function guardExample(op: OperationModel, packageName: string): string {
  const statuses = op.responses.filter((r) => r.status >= 400).map((r) => r.status);
  return [
    `import { isErrorOf, ${op.name} } from "${packageName}";`,
    "",
    "try {",
    `  await ${op.name}(gh, ${exampleArgs(op)});`,
    "} catch (error) {",
    `  if (!isErrorOf(error, ${op.name})) throw error;`,
    `  // error.status is ${statuses.join(" | ")}; error.body is the spec's schema for that status`,
    "  console.error(error.status, error.body);",
    "}",
  ].join("\n");
}
