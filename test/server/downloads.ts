// The log-archive origin (GitHub redirects log downloads to blob storage on another host). URLs are
// signed and expire like the real ones; the storage host answers with XML errors, and it refuses —
// recording a violation — any request carrying an Authorization header, because a client that
// forwards its GitHub token across origins on a redirect leaks it.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { ApiResponse, RecordedRequest } from "./types.js";
import { buildZip } from "./zip.js";

export interface LogSigner {
  url(owner: string, repo: string, runId: number, attempt?: number): string;
}

export interface DownloadResult {
  response: ApiResponse;
  violation?: string;
}

const LOG_PATH = /^\/actions-logs\/([^/]+)\/([^/]+)\/runs\/(\d+)(?:\/attempts\/(\d+))?\/logs\.zip$/;

function storageError(status: number, code: string, message: string): ApiResponse {
  const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return { status, headers: { "content-type": "application/xml" }, raw: Buffer.from(xml, "utf8") };
}

export interface Downloads {
  signer: LogSigner;
  handle(request: RecordedRequest): DownloadResult;
}

export function createDownloads(origin: string, ttlSeconds: number, now: () => number = Date.now): Downloads {
  const secret = randomBytes(16);
  const sign = (path: string, expires: string): string => createHmac("sha256", secret).update(`${path}\n${expires}`).digest("hex");

  const signer: LogSigner = {
    url(owner, repo, runId, attempt) {
      const path = `/actions-logs/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/runs/${runId}${
        attempt === undefined ? "" : `/attempts/${attempt}`
      }/logs.zip`;
      const expires = String(Math.floor(now() / 1000) + ttlSeconds);
      return `${origin}${path}?expires=${expires}&sig=${sign(path, expires)}`;
    },
  };

  function handle(request: RecordedRequest): DownloadResult {
    if (request.headers.authorization !== undefined) {
      return {
        response: storageError(
          400,
          "InvalidAuthenticationInfo",
          "Authentication information is not given in the correct format. Check the value of Authorization header.",
        ),
        violation: `Authorization header sent to the downloads origin (${request.method} ${request.url})`,
      };
    }
    const match = LOG_PATH.exec(request.path);
    if (request.method !== "GET" || !match)
      return { response: storageError(404, "ResourceNotFound", "The specified resource does not exist.") };

    const expires = request.query.expires ?? "";
    const given = Buffer.from(request.query.sig ?? "", "utf8");
    const expected = Buffer.from(sign(request.path, expires), "utf8");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { response: storageError(403, "AuthenticationFailed", "Signature did not match.") };
    }
    if (Number(expires) * 1000 < now()) return { response: storageError(403, "AuthenticationFailed", "Signed expiry time has passed.") };

    const [, , , runId, attempt] = match;
    const label = attempt === undefined ? `run ${runId}` : `run ${runId} attempt ${attempt}`;
    const zip = buildZip([
      { name: "build/1_Set up job.txt", content: `2020-01-22T19:33:08.0000000Z Set up job for ${label}\n` },
      { name: "build/2_Run tests.txt", content: `2020-01-22T19:33:09.0000000Z All tests passed (${label})\n` },
      { name: "1_build.txt", content: `2020-01-22T19:33:10.0000000Z Job finished (${label})\n` },
    ]);
    return {
      response: {
        status: 200,
        headers: { "content-type": "application/zip", "content-disposition": `attachment; filename=logs_${runId}.zip` },
        raw: zip,
      },
    };
  }

  return { signer, handle };
}
