// README sections for the helpers a package has: downloads (for operations that redirect to what
// they serve), waiting for a run (when the waitForRun helper is emitted) and splitting past a cap.
// Each is Markdown in prettier's layout; names come from the model, and code names only.
import type { ApiModel, OperationModel } from "../model/types.js";

/** The sentence the cap note gains when an operation can be split (`x-pagination.splitBy`). */
export function splitNote(capped: readonly OperationModel[]): string {
  // The most general listing reads best: the one with the shortest path.
  const split = [...capped].sort((a, b) => a.path.length - b.path.length).find((op) => op.pagination?.splitBy);
  if (!split) return "";
  return ` Or let the client do it: \`collect(gh, ${split.name}, params, { splitCapped })\` (and \`paginate\`, \`pages\`), with \`splitCapped\` imported from this package, walks a capped listing as \`${split.pagination!.splitBy}\` date windows halved until each is under the cap, and yields every result once, newest window first, in GitHub's order within each window. A window of one second still over the cap is reported to \`onCapped\`. The caller's own \`created\` range is kept, and \`maxPages\` bounds all the windows together.`;
}

/** `## Downloads` and `## Waiting for a run`, as the package has them. */
export function addonSections(model: ApiModel, helpers: readonly string[]): string[] {
  const sections: string[] = [];
  // A GET (a download, not a POST that may answer 303) with the fewest path parameters reads best.
  const redirecting = model.operations
    .filter((op) => op.method === "GET" && op.responses.some((r) => r.kind === "redirect"))
    .sort((a, b) => a.params.path.length - b.params.path.length)[0];
  if (redirecting) sections.push(downloads(redirecting));
  if (helpers.includes("src/helpers/wait-for-run.ts")) sections.push(WAIT_FOR_RUN);
  return sections;
}

function downloads(op: OperationModel): string {
  const params = op.params.path.map((p) => p.name).join(", ");
  return `## Downloads

\`download(client, fn, params, { to })\` streams what a redirecting operation (such as \`${op.name}\`) points at into a \`WritableStream\`, and \`downloadToFile(client, fn, params, { path })\` into a file (Node, Deno and Bun; \`node:fs\` is loaded only when it is called, so browsers and bundles are not affected).

\`\`\`ts
import { downloadToFile, ${op.name} } from "${"${PACKAGE}"}";

const params = { ${params} };
const path = "logs.zip";
const { bytes } = await downloadToFile(gh, ${op.name}, params, { path });
\`\`\`

- The API call carries your token; the redirect target never does (a new request without \`Authorization\` or cookies). Only \`https:\` targets are followed (up to 5 hops); \`allowInsecureLoopback: true\` also accepts \`http:\` on 127.0.0.1, localhost or [::1], for tests.
- The archive is streamed chunk by chunk, each write awaited: it is never held in memory whole.
- Bounded: \`maxBytes\` (default 1 GiB, counted as it arrives, refused at once from \`content-length\`; \`GitHubSizeLimitError\`) and \`timeoutMs\` for the whole download (default 10 minutes; \`GitHubTimeoutError\`); \`signal\` aborts it.
- \`downloadToFile\` writes to a temporary file beside \`path\` and renames it once complete; on any failure the temporary file is removed, so no partial file is left and an existing file is kept.
- Errors name the target's origin and path, never its query (a signature).`;
}

const WAIT_FOR_RUN = `## Waiting for a run

\`waitForRun(client, { owner, repo, run_id }, options?)\` polls the run until its status is \`completed\` and returns it.

\`\`\`ts
import { waitForRun } from "\${PACKAGE}";

const run = await waitForRun(
  gh,
  { owner, repo, run_id },
  {
    onUpdate: ({ status, queue }) =>
      console.log(
        status,
        queue.map((q) => \`\${q.ahead} ahead in \${q.group}\`),
      ),
  },
);
\`\`\`

- Polls are conditional (\`If-None-Match\` with the last ETag): an unchanged run is a 304, which GitHub does not count against the rate limit (and which a client's \`cache\` answers with the run it holds). Unchanged polls back off from \`intervalMs\` (default 5 s) to \`maxIntervalMs\` (default 60 s), and a \`retry-after\` is waited out.
- \`onUpdate\` is called for the first poll and at each change of status, conclusion or queue place. While the run is \`pending\` or \`waiting\`, \`queue\` says which concurrency group holds it up and how many entries are ahead of it (for at most 10 places per poll: one request each).
- Bounded: \`timeoutMs\` (default 1 hour) is a deadline for the whole wait, its requests, their retries and the queue lookups included. It and \`maxPolls\` (default 1,000) end the wait with a \`WaitForRunTimeoutError\` whose \`lastRun\` is the last state seen (undefined when no poll was answered in time); \`signal\` aborts it. A body that is not a run is a \`GitHubResponseError\`.`;

/** Puts the package's name into a section's import line. */
export function withPackageName(section: string, name: string): string {
  return section.replaceAll("${PACKAGE}", name);
}
