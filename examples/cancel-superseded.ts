// cancel-superseded <owner>/<repo> --branch <b> [--dry-run]: cancels the queued and in-progress
// runs of a branch that a newer run of the same workflow makes pointless.
// Usage: node --import tsx examples/cancel-superseded.ts --help
import {
  cancelWorkflowRun,
  GitHubApiError,
  listWorkflowRunsForRepo,
  pages,
  seams,
  throttle,
  type Client,
  type ListWorkflowRunsForRepoItem,
} from "../generated/dist/index.js";
import { clientFromEnv, parseCommandLine, parseRepo, runCli, UsageError, type Repo } from "./lib/cli.js";
import { findSuperseded, type Superseded } from "./lib/superseded.js";
import { plural } from "./lib/table.js";

const USAGE = `Usage: cancel-superseded <owner>/<repo> --branch <branch> [--dry-run] [--per-page <n>]

Finds the queued and in-progress workflow runs of a branch that a newer run of the same
workflow supersedes (same workflow, higher run number), and cancels them.

Options:
  --branch <branch>  the branch whose runs to look at (required)
  --dry-run          only print what would be cancelled
  --per-page <n>     runs per listed page, 1-100 (default 100)
  -h, --help         show this help

Environment:
  GITHUB_TOKEN    a token with "Actions" write permission (read is enough for --dry-run) (required)
  GITHUB_API_URL  the API's base URL (default https://api.github.com)

Cancels go out one at a time, at least a second apart (GitHub's guidance for mutating requests,
which avoids its secondary rate limits), in the order they are listed.

Exit codes: 0 done, 1 GitHub answered with an error or could not be reached, 2 usage.`;

/** The statuses of runs that still hold or wait for a runner; GitHub filters by one at a time. */
const ACTIVE = ["queued", "in_progress"] as const;

type Run = ListWorkflowRunsForRepoItem;

/** Lists the branch's active runs page by page (pages() rather than paginate() to report progress). */
async function activeRuns(gh: Client, where: Repo, branch: string, perPage: number): Promise<Run[]> {
  const runs: Run[] = [];
  for (const status of ACTIVE) {
    let page = 0;
    const onCapped = ({ totalCount, cap }: { totalCount: number; cap: number }) =>
      console.log(`  warning: ${totalCount} ${status} runs, but GitHub lists only the first ${cap}`);
    for await (const { items, totalCount } of pages(
      gh,
      listWorkflowRunsForRepo,
      { ...where, branch, status, per_page: perPage },
      { onCapped },
    )) {
      page += 1;
      console.log(`  ${status}: page ${page}: ${plural(items.length, "run")} (${totalCount ?? "?"} in total)`);
      runs.push(...items);
    }
  }
  return runs;
}

const label = (run: Run) => `${run.id} ${run.name ?? run.display_title} #${run.run_number}`;

/**
 * Cancels one run; a run that finished in the meantime (409) is reported, not fatal. Any other
 * failure aborts `stop`: the cancels still waiting in the throttle's queue leave it unsent.
 */
async function cancel(gh: Client, where: Repo, { run, by }: Superseded<Run>, dryRun: boolean, stop: AbortController): Promise<boolean> {
  const what = `${label(run)} (${run.status}): superseded by ${label(by)}`;
  if (dryRun) {
    console.log(`Would cancel ${what}`);
    return true;
  }
  try {
    await cancelWorkflowRun(gh, { ...where, run_id: run.id }, { signal: stop.signal });
    console.log(`Cancelled ${what}`);
    return true;
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 409) {
      console.log(`Skipped ${label(run)}: it finished before it could be cancelled`);
      return false;
    }
    stop.abort(error);
    throw error;
  }
}

/** What the command is about, for the one-line 404 message. */
let subject = "the repository";

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, {
    branch: { type: "string" },
    "dry-run": { type: "boolean" },
    "per-page": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) throw new UsageError("expected one <owner>/<repo>");
  const where = parseRepo(positionals[0]);
  const branch = values.branch;
  if (!branch) throw new UsageError("--branch <branch> is required");
  const perPage = Number(values["per-page"] ?? 100);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) throw new UsageError("--per-page must be a whole number from 1 to 100");
  const dryRun = values["dry-run"] === true;
  subject = `repository ${where.owner}/${where.repo}`;
  // GitHub's guidance for mutating requests: one at a time, at least 1 s apart. The throttle is
  // shared by every call of this client, so the cancels below may be started all at once.
  const gh = clientFromEnv(process.env, { seams: seams({ throttle: throttle({ mutationSpacingMs: 1000 }) }) });

  console.log(`Active runs on ${branch} in ${where.owner}/${where.repo}:`);
  const runs = await activeRuns(gh, where, branch, perPage);
  const superseded = findSuperseded(runs);
  const workflows = new Set(runs.map((run) => run.workflow_id)).size;
  console.log(
    `${plural(new Set(runs.map((r) => r.id)).size, "active run")} in ${plural(workflows, "workflow")}; ${superseded.length} superseded.`,
  );

  // Started together; the throttle sends them in this order, spaced. The first failure stops the rest.
  const stop = new AbortController();
  const outcomes = await Promise.allSettled(superseded.map((entry) => cancel(gh, where, entry, dryRun, stop)));
  if (stop.signal.aborted) throw stop.signal.reason;
  const done = outcomes.filter((o) => o.status === "fulfilled" && o.value).length;
  if (superseded.length === 0) console.log("Nothing to cancel.");
  else if (dryRun) console.log(`Dry run: ${plural(done, "run")} would be cancelled; nothing was changed.`);
  else console.log(`Cancelled ${plural(done, "run")}.`);
}

await runCli({ name: "cancel-superseded", notFound: () => subject }, () => main(process.argv.slice(2)));
