// Reads one spec file. YAML goes through yaml's document API so that positions are kept;
// JSON goes through JSON.parse (fast on 13 MB) and is re-read as YAML only to locate an error.
import { readFile } from "node:fs/promises";
import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node as YamlNode } from "yaml";
import type { Diagnostic } from "../diagnostics.js";

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
  if (looksLikeJson(path, text)) {
    try {
      const value: unknown = JSON.parse(text);
      let positions: YamlPositions | undefined;
      return {
        file: { path, value, locate: (pointer) => (positions ??= yamlPositions(text)).locate(pointer) },
        diagnostics: [],
      };
    } catch {
      // Fall through: the YAML parser gives a positioned message for broken JSON too.
    }
  }
  const positions = yamlPositions(text);
  if (positions.errors.length) {
    return {
      diagnostics: positions.errors.map((e) => ({
        location: { file: path, pointer: [] },
        message: `invalid ${looksLikeJson(path, text) ? "JSON" : "YAML"}: ${firstLine(e.message)}`,
        hint: "fix the syntax at this position; the file could not be read",
        position: e.position,
      })),
    };
  }
  return { file: { path, value: positions.doc.toJS({ maxAliasCount: -1 }), locate: positions.locate }, diagnostics: [] };
}

interface YamlPositions {
  doc: Document;
  errors: { message: string; position: { line: number; col: number } }[];
  locate(pointer: readonly (string | number)[]): { line: number; col: number };
}

function yamlPositions(text: string): YamlPositions {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const pos = (offset: number) => lineCounter.linePos(offset);
  return {
    doc,
    errors: doc.errors.map((e) => ({ message: e.message, position: pos(e.pos[0]) })),
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

function looksLikeJson(path: string, text: string): boolean {
  return path.endsWith(".json") || /^\s*[{[]/.test(text.slice(0, 64));
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}
