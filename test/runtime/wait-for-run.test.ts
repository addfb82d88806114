// waitForRun against the forms a poll's answer can take, with getWorkflowRun faked and the clock
// fake: a 304 thrown as a GitHubApiError (the request core without a cache), resolved as
// `{ status: 304, data: undefined }` (a core that resolves the 304s its cache does not answer), or
// replayed from a cache (`fromCache`). Each is "unchanged", so the waits back off.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GitHubApiError, GitHubResponseError } from "../../generated/src/runtime/errors.js";
import type { ApiResponse, Client, RequestOptions } from "../../generated/src/runtime/types.js";
import { waitForRun, type WaitedRun } from "../../generator/helpers/github/wait-for-run.js";

const { getWorkflowRun } = vi.hoisted(() => ({ getWorkflowRun: vi.fn() }));
vi.mock("../../generated/src/operations/workflow-runs.js", async (original) => ({
  ...(await original<object>()),
  getWorkflowRun,
}));

const client = { baseUrl: "https://api.test" } as Client;
const PARAMS = { owner: "o", repo: "r", run_id: 7 };
const RUN = { id: 7, status: "queued", conclusion: null } as unknown as WaitedRun;
const ETAG = '"v1"';
const fresh: ApiResponse = { status: 200, data: RUN, headers: { etag: ETAG } };

/** The answers to the polls after the first, by how a 304 reaches waitForRun. */
const UNCHANGED: Record<string, () => ApiResponse> = {
  "thrown GitHubApiError(304)": () => {
    throw new GitHubApiError("GET … → 304", { status: 304, headers: { etag: ETAG } });
  },
  "resolved { status: 304, data: undefined }": () => ({ status: 304, data: undefined, headers: { etag: ETAG } }),
  "replayed from the cache (fromCache)": () => ({ ...fresh, fromCache: true }),
};

/** When each poll was made (fake time), and the If-None-Match it sent. */
let polls: { at: number; ifNoneMatch: string | undefined }[];
beforeEach(() => {
  vi.useFakeTimers();
  polls = [];
});
afterEach(() => {
  vi.useRealTimers();
  getWorkflowRun.mockReset();
});

/** Fakes getWorkflowRun: the first poll answers `first`, the others `then`. */
function answer(first: () => ApiResponse, then: () => ApiResponse): void {
  getWorkflowRun.mockImplementation(async (_client: Client, _params: unknown, options: RequestOptions) => {
    polls.push({ at: Date.now(), ifNoneMatch: options.headers?.["if-none-match"] });
    return (polls.length === 1 ? first : then)();
  });
}

/** Runs a wait to its end on the fake clock: what it rejected with. */
async function settle(wait: Promise<unknown>): Promise<unknown> {
  const outcome = wait.then(
    () => expect.unreachable("expected a rejection"),
    (e: unknown) => e,
  );
  await vi.runAllTimersAsync();
  return outcome;
}

const backingOff = { intervalMs: 10, maxIntervalMs: 80, maxPolls: 7, timeoutMs: Infinity };
const gaps = () => polls.slice(1).map((p, i) => p.at - polls[i]!.at);

describe("waitForRun: a 304 in any form is an unchanged run", () => {
  it.each(Object.keys(UNCHANGED))("%s: the waits double up to maxIntervalMs", async (form) => {
    answer(() => fresh, UNCHANGED[form]!);
    const error = await settle(waitForRun(client, PARAMS, backingOff));
    expect(error).toMatchObject({ name: "WaitForRunTimeoutError", polls: 7, lastRun: RUN });
    expect(gaps()).toEqual([10, 20, 40, 80, 80, 80]);
    expect(polls.map((p) => p.ifNoneMatch)).toEqual([undefined, ETAG, ETAG, ETAG, ETAG, ETAG, ETAG]);
  });

  it("a new 200 each poll is a change: the waits stay at intervalMs", async () => {
    answer(
      () => fresh,
      () => fresh,
    );
    await settle(waitForRun(client, PARAMS, backingOff));
    expect(gaps()).toEqual([10, 10, 10, 10, 10, 10]);
  });

  it("a resolved 304 to the first poll, with no run seen, is a GitHubResponseError that says so", async () => {
    answer(UNCHANGED["resolved { status: 304, data: undefined }"]!, () => fresh);
    const error = (await settle(waitForRun(client, PARAMS, backingOff))) as GitHubResponseError;
    expect(error).toBeInstanceOf(GitHubResponseError);
    expect(error.message).toBe(
      "GET https://api.test/repos/o/r/actions/runs/7: waitForRun: 304 Not Modified before any run was seen, so there is no run to go on",
    );
    expect(polls).toHaveLength(1);
  });

  it("a thrown 304 to the first poll, with no run seen, is rethrown as it is", async () => {
    answer(UNCHANGED["thrown GitHubApiError(304)"]!, () => fresh);
    const error = await settle(waitForRun(client, PARAMS, backingOff));
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({ status: 304 });
  });
});
