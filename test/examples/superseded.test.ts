// The rule of cancel-superseded on its own: per workflow, every active run older than the newest.
import { describe, expect, it } from "vitest";
import { findSuperseded, type ActiveRun } from "../../examples/lib/superseded.js";

const run = (id: number, workflow_id: number, run_number: number, created_at = "2026-01-01T00:00:00Z"): ActiveRun => ({
  id,
  workflow_id,
  run_number,
  created_at,
  status: "queued",
});
const pairs = (runs: ActiveRun[]) => findSuperseded(runs).map(({ run, by }) => [run.id, by.id]);

describe("findSuperseded", () => {
  it.each([
    ["nothing when each workflow has one active run", [run(1, 10, 5), run(2, 20, 5)], []],
    [
      "every older run of a workflow, superseded by the newest",
      [run(1, 10, 5), run(3, 10, 7), run(2, 10, 6)],
      [
        [1, 3],
        [2, 3],
      ],
    ],
    ["workflows apart: run numbers of different workflows are not compared", [run(1, 10, 9), run(2, 20, 1), run(3, 20, 2)], [[2, 3]]],
    ["created_at breaks a run-number tie", [run(1, 10, 5, "2026-01-01T10:00:00Z"), run(2, 10, 5, "2026-01-01T09:00:00Z")], [[2, 1]]],
    ["a run listed twice (queued, then in_progress) counts once", [run(1, 10, 5), run(1, 10, 5), run(2, 10, 6)], [[1, 2]]],
  ])("%s", (_name, runs, expected) => {
    expect(pairs(runs)).toEqual(expected);
  });
});
