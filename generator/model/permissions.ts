// The permission an operation needs, as a workflow's `permissions:` names it, read from GitHub's
// `x-github-permissions` docs text, e.g. `"Actions" repository permissions (write)`.
import type { RequiredPermission } from "../runtime/permissions.js";

// Letters, spaces and hyphens only: the name becomes a YAML key, a README line and part of the
// runtime's `"actions: write, checks: read"` text, whose separators it must not contain.
const REPOSITORY_PERMISSION = /^"([A-Za-z][A-Za-z -]*)" repository permissions \((read|write)\)$/;

/**
 * The permissions of the first listed set (GitHub lists alternatives; the first is the usual
 * one), e.g. `[{ scope: "actions", access: "write" }]`. A set joins permissions with " and ".
 * Empty when a part is not a repository permission (organization, user or account permissions have
 * no `permissions:` key in a workflow) or is not in GitHub's wording: no hint beats a wrong hint.
 */
export function requiredPermissions(docs: readonly string[]): RequiredPermission[] {
  const first = docs[0];
  if (!first) return [];
  const parts = first.split(" and ").map((part) => REPOSITORY_PERMISSION.exec(part.trim()));
  if (parts.some((m) => !m)) return [];
  // Workflow keys are the lower-case names with hyphens: "Pull requests" is `pull-requests`.
  return parts.map((m) => ({ scope: m![1]!.toLowerCase().replace(/ /g, "-"), access: m![2] as RequiredPermission["access"] }));
}
