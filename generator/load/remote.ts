// Reads a spec from an http(s) URL (--spec https://…, or spec: in the config file) as carefully as
// a spec file: a bounded time for the whole answer, the same size limit as one spec file (counted
// while the body streams in, so a server that lies or says nothing about its length is cut off
// at the limit), a bounded number of redirects that must stay on http(s), and a message that
// names the problem. The URL's query and credentials are never printed: they may hold a token.
// The text is then saved to a private temporary folder and loaded like a file, alone: a remote
// spec must be one bundled document (its relative $refs are refused, see load/index.ts), since
// resolving them would mean fetching more URLs chosen by the spec.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatBytes } from "./limits.js";

/** How long the whole download may take, from the request to the last byte of the body. */
export const DEFAULT_SPEC_TIMEOUT_MS = 30_000;
/** Redirects followed; GitHub's raw links need one, a CDN sometimes two. */
export const MAX_REDIRECTS = 5;

export interface RemoteLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

export type Download = { readonly text: string; readonly url: URL } | { readonly problem: string };

/** True for what is meant as an http(s) URL rather than a path: `https://…`, any case. */
export function isHttpUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

/** `http://host:port/path?…`: the URL as messages show it, without its query, fragment or credentials. */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}${url.search ? "?…" : ""}`;
}

/** Why a text that looks like a URL cannot be read, or the URL to read. */
export function parseSpecUrl(text: string): URL | { problem: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: "it is not a valid URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { problem: "only http and https URLs are read" };
  if (url.username || url.password) return { problem: "a user name or password in the URL is refused (it would be sent and printed)" };
  return url;
}

/** Reads the document at `url`; never throws for what the network or the server does. */
export async function downloadSpec(start: URL, limits: RemoteLimits, fetchImpl: typeof fetch = fetch): Promise<Download> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  let url = start;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetchImpl(url, {
        redirect: "manual",
        signal: controller.signal,
        headers: { accept: "application/yaml, application/json;q=0.9, */*;q=0.1" },
      });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        if (redirects === MAX_REDIRECTS) return { problem: `more than ${MAX_REDIRECTS} redirects` };
        const next = parseSpecUrl(URL.canParse(location, url) ? new URL(location, url).href : location);
        if ("problem" in next) return { problem: `it redirects to a URL that is not read: ${next.problem}` };
        url = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { problem: `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}` };
      }
      const body = await readAtMost(response, limits.maxBytes);
      return body === undefined ? { problem: tooLarge(limits.maxBytes) } : { text: body, url };
    }
  } catch (error) {
    if (controller.signal.aborted) return { problem: `no complete answer within ${formatSeconds(limits.timeoutMs)}` };
    return { problem: networkProblem(error, url) };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, or undefined once it passes `maxBytes` (the rest is not read). */
async function readAtMost(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString("utf8");
}

function tooLarge(maxBytes: number): string {
  return `it is larger than ${formatBytes(maxBytes)}, the limit for one spec file`;
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${+(ms / 1000).toFixed(1)} s`;
}

/** Node's fetch says only "fetch failed"; the reason is in its cause (ECONNREFUSED, ENOTFOUND…). */
function networkProblem(error: unknown, url: URL): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  if (code === "ECONNREFUSED") return `nothing answers at ${url.host} (connection refused)`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `the host ${url.hostname} was not found`;
  if (code) return `the connection to ${url.host} failed (${code})`;
  return `the connection to ${url.host} failed`;
}

/** A downloaded spec saved as a file, and how to show that file's path in messages. */
export interface FetchedSpec {
  readonly file: string;
  /** The URL as messages show it, in place of the temporary file's path. */
  readonly shownAs: string;
  /** Removes the temporary folder. */
  dispose(): Promise<void>;
}

/** Downloads the spec into a new private temporary folder (mode 0700), or says why it cannot. */
export async function fetchSpecToFile(
  url: URL,
  limits: RemoteLimits,
  fetchImpl?: typeof fetch,
): Promise<FetchedSpec | { problem: string }> {
  const shownAs = displayUrl(url);
  const download = await downloadSpec(url, limits, fetchImpl);
  if ("problem" in download) return { problem: `cannot read the spec from ${shownAs}: ${download.problem}` };
  const dir = await mkdtemp(join(tmpdir(), "openapi-client-spec-"));
  // .json keeps JSON's strict reading (and its positions) for a document that says it is JSON.
  const file = join(dir, /\.json$/i.test(download.url.pathname) ? "openapi.json" : "openapi.yaml");
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    await writeFile(file, download.text, { mode: 0o600 });
  } catch (error) {
    await dispose();
    throw error;
  }
  return { file, shownAs, dispose };
}
