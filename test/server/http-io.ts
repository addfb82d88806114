// Reading requests into RecordedRequest and writing ApiResponses to the wire — normally, or broken
// in the ways the socket-level faults need (half a body then a dead socket).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiResponse, Origin, RecordedRequest } from "./types.js";
import { parseForRecord } from "./validation.js";

export async function readRequest(req: IncomingMessage, origin: Origin): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks).toString("utf8");
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const rawQuery = queryAt < 0 ? "" : url.slice(queryAt + 1);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return {
    origin,
    method: req.method ?? "GET",
    path: queryAt < 0 ? url : url.slice(0, queryAt),
    url,
    query: Object.fromEntries(new URLSearchParams(rawQuery)),
    rawQuery,
    headers,
    body: parseForRecord(rawBody),
    rawBody,
    receivedAt: Date.now(),
  };
}

/** A response ready to write: final status, headers and bytes. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export function toWire(response: ApiResponse, baseHeaders: Record<string, string>): WireResponse {
  const body = response.raw ?? (response.json === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(response.json), "utf8"));
  const headers: Record<string, string> = { ...baseHeaders };
  if (response.json !== undefined) headers["content-type"] = "application/json; charset=utf-8";
  Object.assign(headers, response.headers);
  headers["content-length"] = String(body.length);
  return { status: response.status, headers, body };
}

export function writeWire(res: ServerResponse, wire: WireResponse): void {
  if (res.destroyed) return;
  res.writeHead(wire.status, wire.headers);
  res.end(wire.body);
}

/** Headers (with the full content-length) and half the body, then the connection is destroyed. */
export function writeHalfThenDestroy(res: ServerResponse, wire: WireResponse): void {
  if (res.destroyed) return;
  res.writeHead(wire.status, wire.headers);
  res.write(wire.body.subarray(0, Math.floor(wire.body.length / 2)), () => res.destroy());
}
