// What each protective behaviour costs in the one-endpoint bundle (issue 15, point 9): the bundle
// is built unminified, one behaviour is cut out of it by text edits, and the rest is minified and
// gzipped as bundleEntry does. The edits only price a behaviour; none of them is a change to make.
// `npx tsx bench/behaviour-cost.ts`. An edit that no longer matches the runtime's output is an
// error: update the edit with the runtime.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { unminifiedBundle } from "./bundle.js";
import { SEAM_ENTRIES } from "./seams.js";

type Edit = readonly [from: RegExp | string, to: string];

/** Each behaviour as the edits that cut it out of the unminified bundle. */
const BEHAVIOURS: Record<string, readonly Edit[]> = {
  "retries (planRetry and its header parsing, backoff, sleep, onRetry)": [
    [/delay = planRetry\([^;]*;/, "delay = void 0;"],
    [/if \(retriable && attempt <= retries\)\n[^\n]*\n/, ""],
    [/retry\.onRetry\?\.\(\{[\s\S]*?await sleep\(delay, signal\);/, ""],
  ],
  "bounded body reading (readBody, GitHubSizeLimitError)": [
    [/const raw = await readBody\([^)]*\);/, "const raw = new Uint8Array(await res.arrayBuffer());"],
  ],
  "header name and value checks (with their messages)": [
    [/if \(!NAME\.test\(name\)\)\n[^\n]*\n {2}checkHeaderValue[^\n]*\n/, ""],
    [/if \(BAD_VALUE\.test\(value\)\)\n[^\n]*\n/, ""],
  ],
  "cross-copy instanceof (brand)": [["brand(GitHubError);", ""]],
  "the seam's plumbing in the request core": [
    [/if \(seam\)\n[^\n]*\n/, ""],
    [/const seam = [^\n]*\n/, "const seam = void 0;\n"],
    [/if \(callHooks && !seamed\)\n[^\n]*\n/, ""],
  ],
  "baseUrl validation": [[/if \(!url \|\| [^\n]*\n[^\n]*\n {2}\}/, ""]],
  "per-attempt timeout": [
    [/if \(timed\) \{[\s\S]*?init\.signal = ac\.signal;\n {4}\}/, ""],
    [/own\?\.signal\.aborted \? requestError\(GitHubTimeoutError[\s\S]*?\}\) : /, ""],
  ],
  "token scrub of fetch errors (leaks)": [[/const token = sent\.authorization[^\n]*\n[^\n]*\n[^\n]*\n/, "const leaked = false;\n"]],
  "rateLimit field of API errors": [["rateLimit: rateLimitOf(headers),", ""]],
  "createClient's refusal of the pre-seams options": [[/for \(const name of \["hooks"[^\n]*\n[^\n]*\n[^\n]*\n/, ""]],
  "per-call hooks without seams: the check": [[/if \(callHooks && !seamed\)\n[^\n]*\n/, ""]],
  "toJSON of errors": [[/ {2}toJSON\(\) \{\n[^\n]*\n {2}\}/, ""]],
  "permission hint (message and requiredPermission)": [[/const needed = [^\n]*\n/, "const needed = false;\n"]],
};

async function sizes(code: string): Promise<{ minified: number; gzip: number }> {
  const out = await build({
    stdin: { contents: code, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const bytes = out.outputFiles[0]!.contents;
  return { minified: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
}

const entry = SEAM_ENTRIES[0]!;
const source = await unminifiedBundle(entry);
const base = await sizes(source);
console.log(`${entry.name}: ${base.minified} B min, ${base.gzip} B gzip; without`);
for (const [behaviour, edits] of Object.entries(BEHAVIOURS)) {
  let code = source;
  for (const [from, to] of edits) {
    const next = code.replace(from, to);
    if (next === code) throw new Error(`${behaviour}: the edit ${String(from)} matches nothing in the bundle; update it`);
    code = next;
  }
  const cut = await sizes(code);
  console.log(`  ${behaviour}: −${base.minified - cut.minified} B min, −${base.gzip - cut.gzip} B gzip`);
}
// All at once: what the core would weigh with none of them (an edit that overlaps another's is skipped).
let all = source;
for (const [from, to] of Object.values(BEHAVIOURS).flat()) all = all.replace(from, to);
const rest = await sizes(all);
console.log(`  all of the above: −${base.minified - rest.minified} B min, −${base.gzip - rest.gzip} B gzip (${rest.gzip} B gzip left)`);
