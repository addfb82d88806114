// The names a generic API's package uses instead of GitHub's: `GitHubError` → `ApiClientError` (the
// base class), `GitHubApiError` → `ApiError`, `GitHubErrorBody` → `ApiErrorBody`, and every other
// `GitHub<X>Error` → `<X>Error`. Applied to the runtime's sources and the printed modules of a
// generic package, so that class names, `.name`, exports and doc comments all agree.

const GITHUB_NAME = /\bGitHub(\w*?)Error(Body)?\b/g;

/** `text` with every GitHub error name replaced by its neutral name. */
export function withNeutralNames(text: string): string {
  return text.replace(GITHUB_NAME, (_, middle: string, body: string | undefined) =>
    body ? "ApiErrorBody" : middle === "" ? "ApiClientError" : middle === "Api" ? "ApiError" : `${middle}Error`,
  );
}
