// GitHub's published OpenAPI description, as pinned by the @octokit/openapi devDependency.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { isObject, type JsonObject } from "./schema-shape.js";

export interface Upstream {
  readonly document: JsonObject;
  /** How the report names it: `@octokit/openapi 23.0.2`, or the file given. */
  readonly label: string;
}

const require = createRequire(import.meta.url);

/** The description of api.github.com in the installed package (refs kept: the file is 13 MB, its dereferenced twin 73 MB). */
export function pinnedDescriptionFile(): { file: string; label: string } {
  const manifest = require.resolve("@octokit/openapi/package.json");
  const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
  return { file: join(dirname(manifest), "generated", "api.github.com.json"), label: `@octokit/openapi ${version}` };
}

export function readUpstream(file: string, label: string): Upstream {
  const document: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!isObject(document) || !isObject(document.paths)) throw new Error(`${file} is not an OpenAPI description (no \`paths\`)`);
  return { document, label };
}
