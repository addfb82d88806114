import { describe, expect, expectTypeOf, it } from "vitest";
import * as runtime from "../../generator/runtime/index.js";
import { createClient } from "../../generator/runtime/client.js";
import { operation } from "../../generator/runtime/operation.js";
import type { ApiResponse, Operation, RedirectResponse, RequestOptions } from "../../generator/runtime/types.js";
import { downloadLogs, getRun, json, recorder, sequence } from "./helpers.js";

interface GetRunParams {
  owner: string;
  repo: string;
  run_id: number;
  exclude_pull_requests?: boolean;
}
const getWorkflowRun: Operation<GetRunParams, ApiResponse<200, { id: number }>> = /* @__PURE__ */ operation(getRun);
const downloadWorkflowRunLogs: Operation<GetRunParams, RedirectResponse<302>> = operation(downloadLogs);

describe("operation", () => {
  it("returns a callable with its spec attached", async () => {
    expect(getWorkflowRun.spec).toBe(getRun);
    const { fetch, calls } = recorder(sequence(json({ id: 7 })));
    const { data, status, headers } = await getWorkflowRun(createClient({ fetch }), {
      owner: "o",
      repo: "r",
      run_id: 7,
      exclude_pull_requests: true,
    });
    expectTypeOf(data).toEqualTypeOf<{ id: number }>();
    expectTypeOf(status).toEqualTypeOf<200>();
    expect(data).toEqual({ id: 7 });
    expect(status).toBe(200);
    expect(headers["content-type"]).toContain("json");
    expect(calls[0]!.url).toBe("https://api.github.com/repos/o/r/actions/runs/7?exclude_pull_requests=true");
  });

  it("passes request options through", async () => {
    const { fetch, calls } = recorder(sequence(json({ id: 7 })));
    const options: RequestOptions = { headers: { "x-extra": "1" } };
    await getWorkflowRun(createClient({ fetch }), { owner: "o", repo: "r", run_id: 7 }, options);
    expect(calls[0]!.headers.get("x-extra")).toBe("1");
  });

  it("types a redirect operation's result", async () => {
    const location = "https://example.blob.core.windows.net/logs.zip";
    const { fetch } = recorder(sequence(new Response(null, { status: 302, headers: { location } })));
    const res = await downloadWorkflowRunLogs(createClient({ fetch }), { owner: "o", repo: "r", run_id: 1 });
    expectTypeOf(res.location).toEqualTypeOf<string>();
    expect(res.location).toBe(location);
  });

  it("defaults to a loosely typed operation when unannotated", () => {
    const op = operation(getRun);
    expectTypeOf(op).toEqualTypeOf<Operation<Record<string, unknown>, ApiResponse>>();
  });
});

describe("index", () => {
  it("re-exports the public API and keeps operation internal", () => {
    expect(Object.keys(runtime).sort()).toEqual([
      "GitHubApiError",
      "GitHubError",
      "GitHubNetworkError",
      "GitHubPageLimitError",
      "GitHubRateLimitError",
      "GitHubResponseError",
      "GitHubSizeLimitError",
      "GitHubTimeoutError",
      "collect",
      "createClient",
      "download",
      "downloadToFile",
      "isErrorOf",
      "memoryCache",
      "pages",
      "paginate",
      "parseLink",
      "responseCache",
      "seams",
      "splitCapped",
      "throttle",
    ]);
  });
});
