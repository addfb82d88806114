// Shared fixtures for the runtime tests: a recording fetch stub, response builders and sample specs.
import { jsonBody, manualRedirect } from "../../generator/runtime/serializers.js";
import type { OperationSpec } from "../../generator/runtime/types.js";

export interface RecordedCall {
  readonly url: string;
  readonly init: RequestInit;
  readonly headers: Headers;
  readonly body: string | undefined;
}

export type Handler = (url: string, init: RequestInit, n: number) => Response | Promise<Response>;

/** The URL fetch was given, whichever of its three forms it came in. */
export function urlOf(input: RequestInfo | URL): string {
  return typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
}

/** A fetch that records each call and answers with `handler` (n is 1 for the first call). */
export function recorder(handler: Handler): { fetch: typeof fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = urlOf(input);
    calls.push({ url, init, headers: new Headers(init.headers), body: init.body as string | undefined });
    return handler(url, init, calls.length);
  };
  return { fetch: fetch, calls };
}

/** A urlencoded body's text; a body of another kind reads as what it is instead, so the expectation on it fails. */
export function formText(body: RequestInit["body"]): string {
  return body instanceof URLSearchParams ? body.toString() : `not URLSearchParams but ${Object.prototype.toString.call(body)}`;
}

/** Answers the n-th call with the n-th entry; an Error entry makes fetch reject (a network failure). */
export function sequence(...answers: Array<Response | Error | (() => Response)>): Handler {
  return (_url, _init, n) => {
    const a = answers[Math.min(n, answers.length) - 1]!;
    if (a instanceof Error) throw a;
    return typeof a === "function" ? a() : a.clone();
  };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}, statusText = ""): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/** A fetch that never answers but honours its signal, like a stalled server. */
export function stalled(): Handler {
  return async (_url, init) => {
    const signal = init.signal!;
    await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
    // The signal's reason as it is, whatever it is: what fetch rejects with on an abort.
    throw signal.reason;
  };
}

export const TOKEN = "ghp_S3cr3tT0kenValue0123456789abcdef";

export const getRun: OperationSpec = {
  id: "actions/get-workflow-run",
  method: "GET",
  path: "/repos/{owner}/{repo}/actions/runs/{run_id}",
  queryParams: ["exclude_pull_requests"],
  apiVersion: "2022-11-28",
};

export const getGroup: OperationSpec = {
  id: "actions/get-concurrency-group",
  method: "GET",
  path: "/repos/{owner}/{repo}/actions/concurrency_groups/{group}",
  apiVersion: "2022-11-28",
};

export const listRunsSpec = {
  id: "actions/list-workflow-runs-for-repo",
  method: "GET",
  path: "/repos/{owner}/{repo}/actions/runs",
  queryParams: ["actor", "branch", "event", "status", "per_page", "page", "created", "exclude_pull_requests", "check_suite_id", "head_sha"],
  apiVersion: "2022-11-28",
  pagination: {
    style: "page",
    itemsKey: "workflow_runs",
    resultCap: 1000,
    cappedBy: ["actor", "branch", "event", "status", "created", "head_sha", "check_suite_id"],
  },
} as const satisfies OperationSpec;

export const listGroupsSpec = {
  id: "actions/list-concurrency-groups-for-repository",
  method: "GET",
  path: "/repos/{owner}/{repo}/actions/concurrency_groups",
  queryParams: ["per_page", "before", "after"],
  apiVersion: "2022-11-28",
  pagination: { style: "cursor", itemsKey: "concurrency_groups", backward: true },
} as const satisfies OperationSpec;

export const downloadLogs: OperationSpec = {
  id: "actions/download-workflow-run-logs",
  method: "GET",
  path: "/repos/{owner}/{repo}/actions/runs/{run_id}/logs",
  apiVersion: "2022-11-28",
  redirect: manualRedirect,
};

export const reRun: OperationSpec = {
  id: "actions/re-run-workflow",
  method: "POST",
  path: "/repos/{owner}/{repo}/actions/runs/{run_id}/rerun",
  bodyParams: ["enable_debug_logging"],
  writeBody: jsonBody,
  apiVersion: "2022-11-28",
};

export const deleteRun: OperationSpec = {
  id: "actions/delete-workflow-run",
  method: "DELETE",
  path: "/repos/{owner}/{repo}/actions/runs/{run_id}",
  apiVersion: "2022-11-28",
};
