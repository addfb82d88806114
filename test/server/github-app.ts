// The GitHub App behind deployments that workflow jobs create: GitHub Actions. The docs' examples
// do not show `performed_via_github_app`; GitHub's published description has it (spec/: x-source).
import type { JsonObject } from "./docs-examples.js";
import { rewriteStrings } from "./render.js";

/** GitHub Actions as a `github-app`, owned by the `github` organization (built from a docs user). */
export function githubActionsApp(docsUser: JsonObject): JsonObject {
  return {
    id: 15368,
    slug: "github-actions",
    node_id: "MDM6QXBwMTUzNjg=",
    owner: {
      ...rewriteStrings(docsUser, [[`/${String(docsUser.login)}`, "/github"]]),
      login: "github",
      id: 9919,
      node_id: "MDEyOk9yZ2FuaXphdGlvbjk5MTk=",
      type: "Organization",
    },
    name: "GitHub Actions",
    description: "Automate your workflow from idea to production",
    external_url: "https://help.github.com/en/actions",
    html_url: "https://github.com/apps/github-actions",
    created_at: "2018-07-30T09:30:17Z",
    updated_at: "2019-12-10T19:04:12Z",
    permissions: { actions: "write", checks: "write", contents: "write", deployments: "write", metadata: "read" },
    events: ["check_run", "check_suite", "deployment", "workflow_run"],
  };
}
