// The npm package name a client gets when neither the config nor an earlier output names one: its
// API's title, so that a client for another API is never published as GitHub's.

/** npm's limit is 214 characters; "-client" is added after the cut. */
const MAX_SLUG = 200;

/** `"Train Travel API"` → `"train-travel-api-client"`; a title with no letters or digits → `"api-client"`. */
export function packageNameOf(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, "");
  return `${slug || "api"}-client`;
}
