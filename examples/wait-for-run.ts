// wait-for-run <owner>/<repo> <run_id>: waits until a workflow run completes, printing each change
// of status and, while the run is pending, its place in its concurrency queue.
// Usage: node --import tsx examples/wait-for-run.ts --help
import { waitForRun, WaitForRunTimeoutError, type RunUpdate } from "../generated/dist/index.js";
import { clientFromEnv, parseCommandLine, parseRunTarget, runCli, UsageError } from "./lib/cli.js";

const USAGE = `Usage: wait-for-run <owner>/<repo> <run_id> [--timeout <minutes>] [--interval <seconds>]

Waits until a workflow run completes. Prints a line at each change of status; while the run
is pending, says which concurrency group holds it up and how many entries are ahead of it.
Polls are conditional requests: an unchanged run costs a 304, which GitHub does not count
against the rate limit.

Options:
  --timeout <minutes>   give up after this long (default 60)
  --interval <seconds>  first wait between polls; unchanged polls back off to 60 s (default 5)

Environment:
  GITHUB_TOKEN    a token that can read the repository's Actions (required)
  GITHUB_API_URL  the API's base URL (default https://api.github.com)

Exit codes: 0 the run succeeded, 3 it completed otherwise (failure, cancelled, …),
1 GitHub answered with an error, could not be reached, or the wait timed out, 2 usage.`;

function describe({ status, conclusion, queue }: RunUpdate): string {
  if (status === "completed") return `completed: ${conclusion ?? "no conclusion"}`;
  const places = queue.map((q) => `${q.ahead} ahead in group ${q.group}${q.jobId ? ` (job ${q.jobId})` : ""}`);
  return places.length ? `${status}: ${places.join("; ")}` : String(status);
}

function positiveNumber(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!(value > 0) || !Number.isFinite(value)) throw new UsageError(`--${name} must be a positive number, not "${text}"`);
  return value;
}

/** What the command is about, for the one-line 404 message. */
let subject = "the run";

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, {
    help: { type: "boolean", short: "h" },
    timeout: { type: "string" },
    interval: { type: "string" },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const { where, runId } = parseRunTarget(positionals);
  subject = `run ${runId} in ${where.owner}/${where.repo}`;
  const timeoutMs = positiveNumber(values.timeout, "timeout", 60) * 60_000;
  const intervalMs = positiveNumber(values.interval, "interval", 5) * 1000;
  const gh = clientFromEnv();

  try {
    const run = await waitForRun(
      gh,
      { ...where, run_id: runId },
      {
        timeoutMs,
        intervalMs,
        maxIntervalMs: Math.max(intervalMs, 60_000),
        onUpdate: (update) => console.log(describe(update)),
      },
    );
    if (run.conclusion !== "success") process.exitCode = 3;
  } catch (error) {
    if (!(error instanceof WaitForRunTimeoutError)) throw error;
    process.stderr.write(`wait-for-run: gave up: ${error.message}\n`);
    process.exitCode = 1;
  }
}

await runCli({ name: "wait-for-run", notFound: () => subject }, () => main(process.argv.slice(2)));
