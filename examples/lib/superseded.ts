// Which active runs are superseded: for each workflow, every run older than its newest active run.
// Pure, so the rule is easy to read and to test apart from the API.

export interface ActiveRun {
  readonly id: number;
  readonly workflow_id: number;
  readonly run_number: number;
  readonly created_at: string;
  readonly name?: string | null;
  readonly status: string | null;
}

export interface Superseded<R extends ActiveRun> {
  readonly run: R;
  readonly by: R;
}

/** Newer first: run_number is per workflow and only grows; created_at breaks a tie (re-runs keep their number). */
function newerFirst(a: ActiveRun, b: ActiveRun): number {
  return b.run_number - a.run_number || Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id;
}

export function findSuperseded<R extends ActiveRun>(runs: Iterable<R>): Superseded<R>[] {
  // The same run can be listed twice when it moves from queued to in_progress between two listings.
  const byId = new Map<number, R>();
  for (const run of runs) byId.set(run.id, run);
  const byWorkflow = new Map<number, R[]>();
  for (const run of byId.values()) byWorkflow.set(run.workflow_id, [...(byWorkflow.get(run.workflow_id) ?? []), run]);

  const superseded: Superseded<R>[] = [];
  for (const group of byWorkflow.values()) {
    const [newest, ...older] = group.sort(newerFirst);
    for (const run of older) superseded.push({ run, by: newest! });
  }
  return superseded.sort((a, b) => a.run.id - b.run.id);
}
