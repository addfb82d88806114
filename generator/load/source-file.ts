// Reads one spec file. YAML goes through yaml's document API so that positions are kept;
// JSON goes through JSON.parse (fast on 13 MB) and is re-read as YAML only to locate a value.
import { readFile } from "node:fs/promises";
import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node as YamlNode } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import { jsonSyntaxProblem } from "./json-syntax.js";
import { describeYamlErrors, type PositionedError } from "./yaml-errors.js";

export interface SourceFile {
  readonly path: string;
  readonly value: unknown;
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
      let positions: YamlPositions | undefined;
      return {
        file: { path, value, locate: (pointer) => (positions ??= yamlPositions(text)).locate(pointer) },
        diagnostics: [],
      };
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
  return { file: { path, value: positions.doc.toJS({ maxAliasCount: -1 }), locate: positions.locate }, diagnostics: [] };
}

function jsonDiagnostic(path: string, text: string, parseError: Error): Diagnostic {
  const problem = jsonSyntaxProblem(text);
  return {
    location: { file: path, pointer: [] },
    message: `invalid JSON: ${problem ? problem.message : parseError.message}`,
    hint: "fix the syntax at this position; the file could not be read",
    position: problem ? positionOf(text, problem.offset) : { line: 1, col: 1 },
  };
}

function positionOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, col: offset - lineStart + 1 };
}

interface YamlPositions {
  doc: Document;
  errors: PositionedError[];
  locate(pointer: readonly (string | number)[]): { line: number; col: number };
}

function yamlPositions(text: string): YamlPositions {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const pos = (offset: number) => lineCounter.linePos(offset);
  return {
    doc,
    errors: describeYamlErrors(doc, text, lineCounter),
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
