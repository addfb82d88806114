// Hostile responses for the client's hardening tests: exact crafted responses, bodies too large to
// hold (streamed, never buffered here), a body that trickles forever, and pagination that never
// ends. server.ts hands a request here when its fault is one of these.
import type { ServerResponse } from "node:http";
import { Readable, pipeline } from "node:stream";
import { createGzip } from "node:zlib";
import { toWire, writeWire } from "./http-io.js";
import type { Fault, HostileFault } from "./types.js";

const CHUNK = Buffer.alloc(64 * 1024, "x");
const JSON_TYPE = "application/json; charset=utf-8";

export function isHostileFault(fault: Fault): fault is HostileFault {
  return "respond" in fault || "largeBody" in fault || "trickleMs" in fault || "endlessPages" in fault;
}

/** Checks a hostile fault that arrived as JSON; undefined when `value` is none of them. */
export function parseHostileFault(fault: Record<string, unknown>): HostileFault | undefined {
  const { respond, largeBody, trickleMs, endlessPages } = fault as Record<string, Record<string, unknown> | undefined>;
  if (respond && typeof respond.status === "number") return fault as HostileFault;
  if (largeBody && Number.isSafeInteger(largeBody.bytes) && (largeBody.bytes as number) >= 0) return fault as HostileFault;
  if (typeof trickleMs === "number" && trickleMs > 0) return fault as HostileFault;
  if (endlessPages && typeof endlessPages.itemsKey === "string") return fault as HostileFault;
  return undefined;
}

/** Writes the hostile response; `requestUrl` is the absolute URL the client asked for. */
export function serveHostile(res: ServerResponse, fault: HostileFault, requestUrl: URL): void {
  if ("respond" in fault) return writeWire(res, toWire(fault.respond, {}));
  if ("largeBody" in fault) return streamLargeBody(res, fault.largeBody);
  if ("trickleMs" in fault) return trickle(res, fault.trickleMs);
  return writeWire(res, toWire(endlessPage(fault.endlessPages, requestUrl), {}));
}

function streamLargeBody(
  res: ServerResponse,
  { bytes, status = 200, contentLength, gzip }: { bytes: number; status?: number; contentLength?: boolean; gzip?: boolean },
): void {
  const headers: Record<string, string> = { "content-type": JSON_TYPE };
  if (gzip) headers["content-encoding"] = "gzip";
  else if (contentLength) headers["content-length"] = String(bytes);
  res.writeHead(status, headers);
  let left = bytes;
  const source = new Readable({
    read() {
      const n = Math.min(left, CHUNK.length);
      left -= n;
      this.push(n ? CHUNK.subarray(0, n) : null);
    },
  });
  // pipeline tears every stage down when the client hangs up, so nothing keeps producing.
  const done = (): void => {};
  if (gzip) pipeline(source, createGzip(), res, done);
  else pipeline(source, res, done);
}

function trickle(res: ServerResponse, everyMs: number): void {
  res.writeHead(200, { "content-type": JSON_TYPE });
  res.write("{");
  // JSON whitespace, one byte at a time: the body is never complete.
  const timer = setInterval(() => res.write(" "), everyMs);
  res.on("close", () => clearInterval(timer));
}

function endlessPage({ itemsKey, totalCount, nonce }: { itemsKey: string; totalCount?: number; nonce?: boolean }, requestUrl: URL) {
  const key = nonce ? "nonce" : "page";
  const n = Number(requestUrl.searchParams.get(key) ?? "1");
  const next = new URL(requestUrl);
  next.searchParams.set(key, String(n + 1));
  return {
    status: 200,
    headers: { link: `<${next.href}>; rel="next"` },
    json: { ...(totalCount === undefined ? {} : { total_count: totalCount }), [itemsKey]: [{ id: n }] },
  };
}
