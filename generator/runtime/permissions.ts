// What a 403 or 404 says about the permission an operation needs. Only operations whose spec names
// permissions (GitHub's `x-github-permissions`) have any.

/** A permission as a workflow's `permissions:` names it, e.g. `{ scope: "actions", access: "write" }`. */
export interface RequiredPermission {
  readonly scope: string;
  readonly access: "read" | "write";
}

/**
 * The first permission of an operation's `permissions`, which names them as a workflow does:
 * `"actions: write"`, several joined by `", "` (`"actions: read, checks: read"`).
 */
export function permissionOf(needed: string): RequiredPermission {
  const [scope, access] = needed.split(/: |, /);
  return { scope, access } as RequiredPermission;
}
