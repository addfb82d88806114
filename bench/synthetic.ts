// A synthetic description ten times GitHub's: nine renamed copies of every path, operationId and
// component (besides the original), each copy's refs pointing at its own components. Webhooks and
// security schemes are kept once.
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { GITHUB_SPEC, workFile } from "./lib/paths.js";

type Json = Record<string, unknown>;

export function syntheticSpecPath(copies: number): string {
  return workFile(`github-${copies}x.json`);
}

/** Writes the synthetic spec unless an up-to-date one is there; returns its path. */
export function writeSyntheticSpec(copies: number): string {
  const target = syntheticSpecPath(copies);
  if (existsSync(target) && statSync(target).mtimeMs > statSync(GITHUB_SPEC).mtimeMs) return target;
  const spec = JSON.parse(readFileSync(GITHUB_SPEC, "utf8")) as Json;
  const paths = spec.paths as Json;
  const components = spec.components as Record<string, Json>;
  const outPaths: Json = { ...paths };
  const outComponents: Record<string, Json> = {};
  for (const [kind, entries] of Object.entries(components)) outComponents[kind] = { ...entries };
  const pathsText = JSON.stringify(paths);
  const componentTexts = Object.entries(components)
    .filter(([kind]) => kind !== "securitySchemes")
    .map(([kind, entries]) => [kind, JSON.stringify(entries)] as const);
  for (let i = 1; i < copies; i++) {
    const suffix = `-copy-${i}`;
    const rename = (text: string) =>
      text
        .replace(/"(#\/components\/[^/"]+\/)([^/"]+)/g, `"$1$2${suffix}`)
        .replace(/"operationId":"([^"]+)"/g, `"operationId":"$1${suffix}"`);
    for (const [path, item] of Object.entries(JSON.parse(rename(pathsText)) as Json)) outPaths[`/copy-${i}${path}`] = item;
    for (const [kind, text] of componentTexts) {
      for (const [name, value] of Object.entries(JSON.parse(rename(text)) as Json)) outComponents[kind]![`${name}${suffix}`] = value;
    }
  }
  writeFileSync(target, JSON.stringify({ ...spec, paths: outPaths, components: outComponents }));
  return target;
}
