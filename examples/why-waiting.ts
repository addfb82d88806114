// why-waiting <owner>/<repo> <run_id>: which concurrency groups a workflow run belongs to, and for
// each, what is ahead of it in the queue. Usage: node --import tsx examples/why-waiting.ts --help
import {
  getConcurrencyGroupForRepository,
  getWorkflowRun,
  GitHubApiError,
  listConcurrencyGroupsForWorkflowRun,
  paginate,
  type Client,
  type ListConcurrencyGroupsForWorkflowRunItem,
} from "../generated/dist/index.js";
import { clientFromEnv, parseCommandLine, parseRunTarget, runCli, type Repo } from "./lib/cli.js";
import { formatTable, plural } from "./lib/table.js";

const USAGE = `Usage: why-waiting <owner>/<repo> <run_id>

Lists the concurrency groups a workflow run belongs to and, for each, what is ahead of
the run (or of its job) in the group's queue.

Environment:
  GITHUB_TOKEN    a token that can read the repository's Actions (required)
  GITHUB_API_URL  the API's base URL (default https://api.github.com)

Exit codes: 0 done, 1 GitHub answered with an error or could not be reached, 2 usage.`;

type Member = ListConcurrencyGroupsForWorkflowRunItem["group_members"][number];

interface Ahead {
  readonly runId: number;
  readonly name: string;
  readonly status: string;
}

/** A queue item of the run in one group, and the items ahead of it (empty when it holds the group). */
interface Place {
  readonly group: string;
  readonly member?: Member;
  readonly ahead: readonly Ahead[];
  /** Why there is no queue to show: the run holds nothing in the group, or the group went away. */
  readonly note?: string;
}

/**
 * What is ahead of one queue item. A job-level item is asked about with `ahead_of_job`: with
 * `ahead_of_run`, GitHub looks only at workflow-level leases and answers 422 for a run whose
 * place in the group is held by one of its jobs.
 */
async function aheadOf(gh: Client, { owner, repo }: Repo, group: string, member: Member): Promise<Place> {
  // `job_id` may be null as well as absent (GitHub's published description).
  const filter = typeof member.job_id === "number" ? { ahead_of_job: member.job_id } : { ahead_of_run: member.run_id };
  try {
    const { data } = await getConcurrencyGroupForRepository(gh, {
      owner,
      repo,
      concurrency_group_name: group,
      ...filter,
    });
    // The item itself comes last; everything before it is ahead.
    const ahead = data.group_members.slice(0, -1).map((m) => ({ runId: m.run_id, name: m.run_name, status: m.status }));
    return { group, member, ahead };
  } catch (error) {
    // The queue moves while we read it: the group may have emptied (404) or the item left it (422).
    if (error instanceof GitHubApiError && (error.status === 404 || error.status === 422)) {
      return { group, member, ahead: [], note: "no longer queued here" };
    }
    throw error;
  }
}

async function placesOf(gh: Client, where: Repo, runId: number): Promise<Place[]> {
  const places: Place[] = [];
  const groups = paginate(gh, listConcurrencyGroupsForWorkflowRun, { ...where, run_id: runId });
  for await (const group of groups) {
    // A group comes from the run's configuration; the run may hold or wait for nothing in it.
    if (group.group_members.length === 0) places.push({ group: group.group_name, ahead: [], note: "nothing queued here" });
    for (const member of group.group_members) places.push(await aheadOf(gh, where, group.group_name, member));
  }
  return places;
}

function render(places: readonly Place[]): string[] {
  const rows: string[][] = [];
  for (const { group, member, ahead, note } of places) {
    const item = member === undefined ? "-" : typeof member.job_id === "number" ? `job ${member.job_name ?? member.job_id}` : "run";
    const where = [group, item, member ? String(member.position) : "-", member?.status ?? "-"];
    const idle = member?.status === "in_progress" ? "nothing: it holds the group" : "nothing: next in line";
    const first = note ?? (ahead.length === 0 ? idle : undefined);
    if (first !== undefined) rows.push([...where, first]);
    ahead.forEach((a, i) => rows.push([...(i === 0 ? where : ["", "", "", ""]), `${a.runId} ${a.name} (${a.status})`]));
  }
  return formatTable(["GROUP", "ITEM", "POSITION", "STATUS", "AHEAD OF IT"], rows);
}

function summary(places: readonly Place[]): string {
  const blocking = places.filter((p) => p.ahead.length > 0);
  if (blocking.length === 0) return "Nothing is ahead of this run in any of its concurrency groups.";
  const items = blocking.reduce((sum, p) => sum + p.ahead.length, 0);
  return `Waiting behind ${plural(items, "item")} in ${plural(new Set(blocking.map((p) => p.group)).size, "group")}.`;
}

/** What the command is about, for the one-line 404 message. */
let subject = "the run";

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, { help: { type: "boolean", short: "h" } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const { where, runId } = parseRunTarget(positionals);
  subject = `run ${runId} in ${where.owner}/${where.repo}`;
  const gh = clientFromEnv();

  const { data: run } = await getWorkflowRun(gh, { ...where, run_id: runId });
  const places = await placesOf(gh, where, runId);
  const groupCount = new Set(places.map((p) => p.group)).size;
  console.log(
    `Run ${run.id} "${run.name ?? run.display_title}" (${run.status ?? "unknown status"}) in ${where.owner}/${where.repo}: ${plural(groupCount, "concurrency group")}.`,
  );
  if (places.length === 0) return;
  console.log("");
  for (const line of render(places)) console.log(line);
  console.log("");
  console.log(summary(places));
}

await runCli({ name: "why-waiting", notFound: () => subject }, () => main(process.argv.slice(2)));
