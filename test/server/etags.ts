// Conditional GETs as GitHub answers them: every 200 to a GET carries a weak ETag of its body,
// and a GET whose If-None-Match names the current ETag gets 304 Not Modified with no body.
import { createHash } from "node:crypto";
import type { WireResponse } from "./http-io.js";

export function withEtag(wire: WireResponse, method: string, requestHeaders: Readonly<Record<string, string>>): WireResponse {
  if (method !== "GET" || wire.status !== 200) return wire;
  const etag = `W/"${createHash("sha256").update(wire.body).digest("hex").slice(0, 32)}"`;
  const headers: Record<string, string> = { ...wire.headers, etag };
  const asked = requestHeaders["if-none-match"]?.split(",").map((tag) => tag.trim());
  if (!asked?.includes(etag)) return { ...wire, headers };
  delete headers["content-type"];
  return { status: 304, headers: { ...headers, "content-length": "0" }, body: Buffer.alloc(0) };
}
