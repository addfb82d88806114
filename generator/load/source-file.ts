// Parses one spec file's text. YAML goes through yaml's parser and composer so that positions
// are kept; JSON goes through JSON.parse (fast on 13 MB), and its text is scanned along a pointer
// only when a position is asked for. Both are held to the nesting and expansion limits before
// anything walks them recursively.
import { Composer, LineCounter, Parser, YAMLParseError, isMap, isSeq, type CST, type Document, type Node as YamlNode } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import { jsonPointerOffset, jsonTooDeepOffset, lineColumn, lineStartsOf } from "./json-locate.js";
import { jsonSyntaxProblem } from "./json-syntax.js";
import { formatCount, type LoadLimits } from "./limits.js";
import { nestsDeeperThan } from "./measure.js";
import { firstTooDeep, inlineAliases, type AliasProblem } from "./yaml-bounds.js";
import { duplicateKeyErrors } from "./yaml-duplicate-keys.js";
import { describeYamlErrors } from "./yaml-errors.js";

export interface SourceFile {
  readonly path: string;
  readonly value: unknown;
  /** The file's text when it was read with JSON.parse: the value is exactly what JSON.parse gives for it. */
  readonly jsonText?: string;
  /** Set when YAML aliases made some objects appear in more than one place of the value. */
  readonly hasAliases?: true;
  /** 1-based line and column of the value at `pointer`, or of its nearest existing parent. */
  locate(pointer: readonly (string | number)[]): { line: number; col: number };
}

export type ParseResult = { file: SourceFile; diagnostics: [] } | { file?: undefined; diagnostics: Diagnostic[] };

export function parseSource(path: string, text: string, limits: LoadLimits): ParseResult {
  const strictJson = path.endsWith(".json");
  if (strictJson || looksLikeJson(text)) {
    let value: unknown;
    let parsed = false;
    try {
      value = JSON.parse(text); // V8's JSON.parse does not recurse: any depth parses
      parsed = true;
    } catch (error) {
      // A .json file must be JSON: YAML would accept what JSON does not (trailing commas,
      // single quotes), so its own scanner names the first problem. Other text that merely
      // starts with `{` may be YAML in flow style, and falls through to the YAML parser.
      if (strictJson) return { diagnostics: [jsonDiagnostic(path, text, error as Error)] };
    }
    if (parsed) {
      let lineStarts: number[] | undefined;
      const locate = (pointer: readonly (string | number)[]) =>
        lineColumn((lineStarts ??= lineStartsOf(text)), jsonPointerOffset(text, pointer));
      // Values need no count here: without aliases, a file holds no more than its size allows.
      if (nestsDeeperThan(value, limits.maxDepth)) {
        return { diagnostics: [tooDeep(path, lineColumn(lineStartsOf(text), jsonTooDeepOffset(text, limits.maxDepth) ?? 0), limits)] };
      }
      return { file: { path, value, locate, jsonText: text }, diagnostics: [] };
    }
  }
  // What yaml's parseDocument does, in two steps, so that the tokens are measured before the
  // composer, which recurses once per level, sees them.
  const lineCounter = new LineCounter();
  const position = (offset: number) => lineCounter.linePos(offset);
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = firstTooDeep(tokens, limits.maxDepth);
  if (deep !== undefined) return { diagnostics: [tooDeep(path, position(deep), limits)] };
  const doc = compose(tokens, text.length);
  const errors = describeYamlErrors(doc, text, lineCounter);
  if (errors.length) {
    return {
      diagnostics: errors.map((e) => ({
        location: { file: path, pointer: [] },
        message: `invalid YAML: ${e.message}`,
        hint: "fix the syntax at this position; the file could not be read",
        position: e.position,
      })),
    };
  }
  const { problem, aliases } = inlineAliases(doc, limits);
  if (problem) return { diagnostics: [aliasDiagnostic(path, problem, position(problem.offset), limits)] };
  // No alias is left, and the expansion was measured: yaml's own guess (a count of alias uses) is not needed.
  const value: unknown = doc.toJS({ maxAliasCount: -1 });
  return { file: { path, value, locate: locator(doc, position), ...(aliases ? { hasAliases: true as const } : {}) }, diagnostics: [] };
}

function tooDeep(path: string, position: { line: number; col: number }, limits: LoadLimits): Diagnostic {
  return {
    location: { file: path, pointer: [] },
    message: `nested too deep: more than ${limits.maxDepth} levels of objects and lists`,
    hint: "a spec needs far fewer; give the inner schemas names under components/schemas and refer to them with $ref",
    position,
  };
}

function aliasDiagnostic(path: string, problem: AliasProblem, position: { line: number; col: number }, limits: LoadLimits): Diagnostic {
  const location = { file: path, pointer: [] };
  if (problem.kind === "cycle") {
    return {
      location,
      position,
      message: "invalid YAML: this alias is inside the node its anchor names, so the document would never end",
      hint: "a recursive schema refers to itself with $ref, not with an alias",
    };
  }
  if (problem.kind === "depth") return tooDeep(path, position, limits);
  if (problem.kind === "unresolved") {
    return {
      location,
      position,
      message: `invalid YAML: the alias *${problem.name} has no anchor &${problem.name} before it`,
      hint: "define the anchor first, or refer to the value with $ref",
    };
  }
  const limit = `more than ${formatCount(limits.maxValues)} values, the limit`;
  return problem.alias
    ? {
        location,
        position,
        message: `invalid YAML: its aliases expand the document to ${limit}; this alias passes it`,
        hint: "an alias copies its anchor's whole content at every use; name the shared part under components and refer to it with $ref, which is not copied",
      }
    : {
        location,
        position,
        message: `the file holds ${limit}; this value passes it`,
        hint: "split the spec into files joined by $ref, or remove what the client does not need",
      };
}

function jsonDiagnostic(path: string, text: string, parseError: Error): Diagnostic {
  const problem = jsonSyntaxProblem(text);
  return {
    location: { file: path, pointer: [] },
    message: `invalid JSON: ${problem ? problem.message : parseError.message}`,
    hint: "fix the syntax at this position; the file could not be read",
    position: problem ? lineColumn(lineStartsOf(text), problem.offset) : { line: 1, col: 1 },
  };
}

function compose(tokens: CST.Token[], length: number): Document {
  let doc: Document | undefined;
  // Duplicate keys are found by duplicateKeyErrors, in one pass (yaml's check is quadratic).
  for (const next of new Composer({ uniqueKeys: false, prettyErrors: false }).compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents"));
      break;
    }
  }
  doc!.errors.push(...duplicateKeyErrors(doc!));
  doc!.errors.sort((a, b) => a.pos[0] - b.pos[0]);
  return doc!;
}

function locator(doc: Document, pos: (offset: number) => { line: number; col: number }): SourceFile["locate"] {
  return (pointer) => {
    // Walk as deep as the pointer goes; report the key of the last segment found, which is
    // where a reader looks (`operationId:` rather than its value).
    let node: unknown = doc.contents;
    let at = node && (node as YamlNode).range ? (node as YamlNode).range![0] : 0;
    for (const segment of pointer) {
      if (isMap(node)) {
        const pair = node.items.find((p) => keyOf(p.key) === String(segment));
        if (!pair) break;
        const keyRange = (pair.key as YamlNode | null)?.range;
        if (keyRange) at = keyRange[0];
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as YamlNode | undefined;
        if (!item) break;
        if (item.range) at = item.range[0];
        node = item;
      } else break;
    }
    return pos(at);
  };
}

function keyOf(key: unknown): string {
  return key && typeof key === "object" && "value" in key ? String(key.value) : String(key);
}

function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text.slice(0, 64));
}
