// The reviewed deviations file (spec/deviations.yaml): differences from the published
// description that spec/ keeps on purpose, each with its reason. Reading it checks every entry
// (known keys, an aspect, both values, a reason) and keeps each entry's position for errors.
import { readFileSync } from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import { ASPECTS, type Aspect } from "./operation-facts.js";
import type { Json } from "./schema-shape.js";

export interface Deviation {
  /** The anchors it covers (one difference each, at least). */
  readonly at: readonly { anchor: string; position: Position }[];
  readonly aspect: Aspect;
  readonly spec: Json;
  readonly upstream: Json;
  readonly reason: string;
  readonly position: Position;
}

export interface Position {
  readonly line: number;
  readonly col: number;
}

const KEYS = ["at", "aspect", "spec", "upstream", "reason"];
/** Far more than a curated spec needs; a file beyond it is not a reviewed list. */
export const MAX_ENTRIES = 1000;
const MAX_BYTES = 1_000_000;

export function readDeviations(file: string): { deviations: Deviation[]; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      file,
      { line: 1, col: 1 },
      code === "ENOENT" ? "the deviations file does not exist" : `the deviations file cannot be read (${code})`,
      "create it with `deviations: []`, or pass --deviations <file>",
    );
  }
  if (text.length > MAX_BYTES)
    return fail(
      file,
      { line: 1, col: 1 },
      `the deviations file is larger than ${MAX_BYTES} bytes`,
      "it lists reviewed differences one by one; this is not such a list",
    );
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at = (node: YamlNode | null | undefined): Position => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lines.linePos(offset);
    return { line, col };
  };
  if (doc.errors.length) {
    return {
      deviations: [],
      diagnostics: doc.errors.map((e) => ({
        location: { file, pointer: [] },
        message: `invalid YAML: ${e.message.split("\n")[0]}`,
        hint: "fix the syntax; the file could not be read",
        position: positionOf(lines, e.pos[0]),
      })),
    };
  }
  const list = isMap(doc.contents) ? doc.contents.get("deviations", true) : undefined;
  if (!isSeq(list))
    return fail(
      file,
      at(doc.contents),
      "the deviations file needs a `deviations:` list",
      "write `deviations:` followed by `- at: …` entries (or `deviations: []`)",
    );
  if (list.items.length > MAX_ENTRIES)
    return fail(
      file,
      at(list),
      `more than ${MAX_ENTRIES} deviations`,
      "group differences with the same reason under one entry (`at:` takes a list)",
    );

  const deviations: Deviation[] = [];
  const diagnostics: Diagnostic[] = [];
  const problem = (node: YamlNode | null | undefined, message: string, hint: string) =>
    diagnostics.push({ location: { file, pointer: [] }, message, hint, position: at(node) });
  for (const item of list.items as YamlNode[]) {
    if (!isMap(item)) {
      problem(item, "a deviation must be a map", `give it the keys ${KEYS.join(", ")}`);
      continue;
    }
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (!KEYS.includes(key)) problem(pair.key as YamlNode, `unknown key \`${key}\` in a deviation`, `the keys are ${KEYS.join(", ")}`);
    }
    const atNode = item.get("at", true) as YamlNode | undefined;
    const anchors = (isSeq(atNode) ? (atNode.items as YamlNode[]) : atNode ? [atNode] : []).flatMap((node) =>
      isScalar(node) && typeof node.value === "string" && node.value.trim()
        ? [{ anchor: node.value.trim(), position: at(node) }]
        : (problem(
            node,
            "`at` names a schema field, parameter or operation location as text",
            "for example `at: workflow-run.pull_requests`",
          ),
          []),
    );
    if (!atNode || (isSeq(atNode) && !atNode.items.length))
      problem(item, "a deviation without `at`", "say where: for example `at: workflow-run.pull_requests`, or a list of such");
    const aspectNode = item.get("aspect", true) as YamlNode | undefined;
    const aspect = isScalar(aspectNode) ? String(aspectNode.value) : "";
    if (!ASPECTS.includes(aspect as Aspect))
      problem(
        aspectNode ?? item,
        `\`aspect\` must be one of ${ASPECTS.join(", ")}`,
        "it names what differs, as the drift report prints it",
      );
    for (const side of ["spec", "upstream"]) {
      if (!item.has(side))
        problem(item, `a deviation without \`${side}\``, `copy the ${side} value from the drift report (null when it has none)`);
    }
    const reasonNode = item.get("reason", true) as YamlNode | undefined;
    const reason = isScalar(reasonNode) && typeof reasonNode.value === "string" ? reasonNode.value.trim() : "";
    if (!reason)
      problem(
        reasonNode ?? item,
        "a deviation without a reason",
        "say why spec/ differs: what the docs say, what the API returns, why upstream is not followed",
      );
    let js: Record<string, Json>;
    try {
      js = item.toJS(doc, { maxAliasCount: 0 }) as Record<string, Json>;
    } catch {
      problem(item, "a deviation uses a YAML alias", "write its values out: each entry is read on its own");
      continue;
    }
    deviations.push({
      at: anchors,
      aspect: aspect as Aspect,
      spec: js.spec ?? null,
      upstream: js.upstream ?? null,
      reason,
      position: at(item),
    });
  }
  return { deviations: diagnostics.length ? [] : deviations, diagnostics };
}

function positionOf(lines: LineCounter, offset: number): Position {
  const { line, col } = lines.linePos(offset);
  return { line, col };
}

function fail(file: string, position: Position, message: string, hint: string) {
  return { deviations: [], diagnostics: [{ location: { file, pointer: [] }, message, hint, position }] };
}
