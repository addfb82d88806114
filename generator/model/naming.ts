// Names the generated code uses: function names from operationIds (as Octokit names them),
// type names, and module file names. All of them must be valid, unique identifiers.
import { PACKAGE_NAMES } from "./reserved-names.js";

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with yield let static " +
    "implements interface package private protected public await arguments eval constructor __proto__ prototype " +
    "toString valueOf hasOwnProperty"
  ).split(" "),
);

/** The suffixes of an operation's own type names (emit/operation-types.ts `typeNames`). */
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
  return words(text.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1-$2"))
    .join("-")
    .toLowerCase();
}

/** Makes any camelCase candidate a safe identifier that shadows nothing. */
export function safeIdentifier(candidate: string, fallback: string): string {
  let name = candidate || fallback;
  if (/^\p{N}/u.test(name)) name = `op${name[0]!.toUpperCase()}${name.slice(1)}`;
  if (RESERVED.has(name) || reservedNameOf(name) !== undefined) name = `${name}Operation`;
  return name;
}

/** The first name the package already uses that an operation called `name` would take: its own, or one of its types'. */
export function reservedNameOf(name: string, typeName = name[0]!.toUpperCase() + name.slice(1)): string | undefined {
  return [name, ...TYPE_SUFFIXES.map((suffix) => typeName + suffix)].find((n) => PACKAGE_NAMES.has(n));
}

/** `GET /repos/{owner}/{repo}` → `getReposByOwnerByRepo`, for operations without an operationId. */
export function nameFromRoute(method: string, path: string): string {
  const segments = path
    .split("/")
    .filter(Boolean)
    .map((s) => s.replace(/\{([^}]*)\}/g, " by $1 "));
  return camelCase([method.toLowerCase(), ...segments].join(" "));
}

/** The short name: the operationId after its namespace (`actions/get-workflow-run` → `getWorkflowRun`). */
export function shortName(operationId: string): string {
  return camelCase(operationId.slice(operationId.lastIndexOf("/") + 1));
}

/** Module name of a tag, for `src/operations/<group>.ts`. */
export function groupName(tag: string | undefined): string {
  // Letters of any script stay: a tag in Japanese names its own module rather than "default".
  return (
    (tag &&
      kebabCase(tag)
        .replace(/[^\p{L}\p{N}-]/gu, "")
        .replace(/^-+|-+$/g, "")) ||
    "default"
  );
}
