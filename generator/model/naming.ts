// Names the generated code uses: function names from operationIds (as Octokit names them),
// type names, and module file names. All of them must be valid, unique identifiers.
import * as serializers from "../runtime/serializers.js";

const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with yield let static " +
    "implements interface package private protected public await arguments eval constructor __proto__ prototype " +
    "toString valueOf hasOwnProperty").split(" "),
);

/**
 * Exports of the runtime and of src/types.ts that an operation function must not shadow, and the
 * serializers an operations module may import.
 */
export const RUNTIME_EXPORTS: ReadonlySet<string> = new Set([
  "createClient", "paginate", "collect", "pages", "operation", "parseLink", ...Object.keys(serializers),
  "GitHubError", "GitHubApiError", "GitHubNetworkError", "GitHubTimeoutError", "GitHubResponseError", "GitHubRateLimitError",
  "paths", "components", "operations", "webhooks",
]);

/**
 * Type names every operation module imports or the package exports, which an operation's own
 * type names (`<Type>Params`, `<Type>Response`, …) must not take.
 */
export const PACKAGE_TYPE_NAMES: ReadonlySet<string> = new Set([
  "ApiResponse", "Operation", "PaginatedOperation", "RedirectResponse", "GitHubApiError", "GitHubErrorBody",
  "GitHubError", "GitHubNetworkError", "GitHubTimeoutError", "GitHubResponseError", "GitHubRateLimitError",
]);
export const TYPE_SUFFIXES: readonly string[] = ["Params", "Response", "Error", "Item", "Operation"];

/** Words of an identifier: runs of letters and digits, without characters no identifier may hold (`²`). */
function words(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .map((w) => w.replace(/[^\p{ID_Continue}]/gu, ""))
    .filter(Boolean);
}

export function camelCase(text: string): string {
  const parts = words(text);
  const joined = parts.map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1))).join("");
  return joined;
}

export function pascalCase(text: string): string {
  const camel = camelCase(text);
  return camel ? camel[0]!.toUpperCase() + camel.slice(1) : camel;
}

export function kebabCase(text: string): string {
  return words(text.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1-$2")).join("-").toLowerCase();
}

/** Makes any camelCase candidate a safe identifier that shadows nothing. */
export function safeIdentifier(candidate: string, fallback: string): string {
  let name = candidate || fallback;
  if (/^\p{N}/u.test(name)) name = `op${name[0]!.toUpperCase()}${name.slice(1)}`;
  const typeName = name[0]!.toUpperCase() + name.slice(1);
  const typeClash = TYPE_SUFFIXES.some((suffix) => PACKAGE_TYPE_NAMES.has(typeName + suffix));
  if (RESERVED.has(name) || RUNTIME_EXPORTS.has(name) || typeClash) name = `${name}Operation`;
  return name;
}

/** `GET /repos/{owner}/{repo}` → `getReposByOwnerByRepo`, for operations without an operationId. */
export function nameFromRoute(method: string, path: string): string {
  const segments = path.split("/").filter(Boolean).map((s) => s.replace(/\{([^}]*)\}/g, " by $1 "));
  return camelCase([method.toLowerCase(), ...segments].join(" "));
}

/** The short name: the operationId after its namespace (`actions/get-workflow-run` → `getWorkflowRun`). */
export function shortName(operationId: string): string {
  return camelCase(operationId.slice(operationId.lastIndexOf("/") + 1));
}

/** Module name of a tag, for `src/operations/<group>.ts`. */
export function groupName(tag: string | undefined): string {
  // Letters of any script stay: a tag in Japanese names its own module rather than "default".
  return (tag && kebabCase(tag).replace(/[^\p{L}\p{N}-]/gu, "").replace(/^-+|-+$/g, "")) || "default";
}
