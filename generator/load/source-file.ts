// Reads one spec file. YAML goes through yaml's document API so that positions are kept;
// JSON goes through JSON.parse (fast on 13 MB), and its text is scanned along a pointer only
// when a position is asked for.
import { readFile } from "node:fs/promises";
import { LineCounter, parseDocument, isMap, isSeq, visit, type Document, type Node as YamlNode } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import { jsonPointerOffset, lineColumn, lineStartsOf } from "./json-locate.js";
import { jsonSyntaxProblem } from "./json-syntax.js";
import { describeYamlErrors, type PositionedError } from "./yaml-errors.js";

export interface SourceFile {
  readonly path: string;
  readonly value: unknown;
  /** The file's text when it was read with JSON.parse: the value is exactly what JSON.parse gives for it. */
  readonly jsonText?: string;
  /** 1-based line and column of the value at `pointer`, or of its nearest existing parent. */
  locate(pointer: readonly (string | number)[]): { line: number; col: number };
}

export type ParseResult = { file: SourceFile; diagnostics: [] } | { file?: undefined; diagnostics: Diagnostic[] };

export async function readSourceFile(path: string): Promise<ParseResult> {
  const text = await readFile(path, "utf8");
  return parseSource(path, text);
}

export function parseSource(path: string, text: string): ParseResult {
  const strictJson = path.endsWith(".json");
  if (strictJson || looksLikeJson(text)) {
    try {
      const value: unknown = JSON.parse(text);
      let lineStarts: number[] | undefined;
      const locate = (pointer: readonly (string | number)[]) => lineColumn((lineStarts ??= lineStartsOf(text)), jsonPointerOffset(text, pointer));
      return { file: { path, value, locate, jsonText: text }, diagnostics: [] };
    } catch (error) {
      // A .json file must be JSON: YAML would accept what JSON does not (trailing commas,
      // single quotes), so its own scanner names the first problem. Other text that merely
      // starts with `{` may be YAML in flow style, and falls through to the YAML parser.
      if (strictJson) return { diagnostics: [jsonDiagnostic(path, text, error as Error)] };
    }
  }
  const positions = yamlPositions(text);
  if (positions.errors.length) {
    return {
      diagnostics: positions.errors.map((e) => ({
        location: { file: path, pointer: [] },
        message: `invalid YAML: ${e.message}`,
        hint: "fix the syntax at this position; the file could not be read",
        position: e.position,
      })),
    };
  }
  let value: unknown;
  try {
    value = positions.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return {
      diagnostics: [{
        location: { file: path, pointer: [] },
        message: "invalid YAML: its aliases expand to too much data (aliases of aliases, nested)",
        hint: "write the repeated parts out, or refer to them with $ref",
        position: firstAliasPosition(positions),
      }],
    };
  }
  return { file: { path, value, locate: positions.locate }, diagnostics: [] };
}

/**
 * Aliases of aliases can expand a small file exponentially ("billion laughs"); yaml stops
 * expanding past this count (uses of an anchor times the aliases inside it), which a real spec
 * does not come near.
 */
const MAX_ALIAS_COUNT = 10_000;

function firstAliasPosition(positions: YamlPositions): { line: number; col: number } {
  let offset = 0;
  visit(positions.doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return positions.position(offset);
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

interface YamlPositions {
  doc: Document;
  errors: PositionedError[];
  position(offset: number): { line: number; col: number };
  locate(pointer: readonly (string | number)[]): { line: number; col: number };
}

function yamlPositions(text: string): YamlPositions {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const pos = (offset: number) => lineCounter.linePos(offset);
  return {
    doc,
    errors: describeYamlErrors(doc, text, lineCounter),
    position: pos,
    locate(pointer) {
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
    },
  };
}

function keyOf(key: unknown): string {
  return key && typeof key === "object" && "value" in key ? String((key as { value: unknown }).value) : String(key);
}

function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text.slice(0, 64));
}
