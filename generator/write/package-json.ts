// package.json is shared: the generator owns the fields it generates (name, exports, files, ...),
// the user may add their own (scripts, publishConfig, repository, ...). A run replaces the
// generated fields and keeps the others, after the generated ones and in the user's order, so the
// result is the same on every run and a package.json with no field of the user's is exactly the
// generated text.
import type { EmittedFile } from "../emit/file.js";
import { OutputRefusal } from "./refusal.js";

export const PACKAGE_JSON_PATH = "package.json";

/**
 * The generated package.json with the user's own fields of `existing` (the file on disk) added.
 * `where` names the file in a refusal: one that is not a JSON object is refused rather than
 * replaced, since the user's fields in it would be lost.
 */
export function mergePackageJson(generated: EmittedFile, existing: string | undefined, where: string): EmittedFile {
  if (existing === undefined) return generated;
  const previous = parseObject(existing, where);
  const ours = parseObject(generated.contents, "the generated package.json");
  const theirs = Object.keys(previous).filter((key) => !Object.hasOwn(ours, key));
  if (!theirs.length) return generated;
  const close = generated.contents.lastIndexOf("}");
  const added = theirs.map((key) => `  ${JSON.stringify(key)}: ${JSON.stringify(previous[key], null, 2).replaceAll("\n", "\n  ")}`);
  const contents = `${generated.contents.slice(0, close).trimEnd()},\n${added.join(",\n")}\n}\n`;
  return { path: generated.path, contents };
}

function parseObject(text: string, where: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new OutputRefusal(
      `${where} is not valid JSON (${(error as Error).message}); fix it, or delete it to start from the generated one`,
    );
  }
  if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  throw new OutputRefusal(`${where} is not a JSON object; fix it, or delete it to start from the generated one`);
}
