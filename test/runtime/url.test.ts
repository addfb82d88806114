import { describe, expect, it } from "vitest";
import { buildQuery, buildUrl, encodePathParam } from "../../generator/runtime/url.js";
import type { OperationSpec } from "../../generator/runtime/types.js";
import { getGroup, getRun, listRunsSpec } from "./helpers.js";

const BASE = "https://api.github.com";

describe("path parameters", () => {
  // Each value must arrive as exactly one path segment and decode back to itself.
  const roundTrip: Array<[name: string, value: string]> = [
    ["slash, space, query and fragment marks", "deploy/prod eu?#.."],
    ["unicode", "déploiement/Ωmega 🚀"],
    ["percent sign and an encoded-looking value", "100% a%2Fb %2E%2E"],
    ["plus and ampersand", "a+b&c=d"],
    ["three dots (not a dot segment)", "..."],
    ["dots inside", "a/../b"],
    ["backslash", "a\\b"],
  ];
  it.each(roundTrip)("%s: round-trips as one segment", (_name, group) => {
    const url = buildUrl(BASE, getGroup, { owner: "o", repo: "r", group });
    const parsed = new URL(url); // what fetch does with it
    const segments = parsed.pathname.split("/");
    expect(segments.slice(0, 6)).toEqual(["", "repos", "o", "r", "actions", "concurrency_groups"]);
    expect(segments).toHaveLength(7);
    expect(decodeURIComponent(segments[6]!)).toBe(group);
    expect(parsed.search).toBe("");
    expect(parsed.hash).toBe("");
  });

  it("encodes the example group exactly", () => {
    expect(buildUrl(BASE, getGroup, { owner: "o", repo: "r", group: "deploy/prod eu?#.." })).toBe(
      "https://api.github.com/repos/o/r/actions/concurrency_groups/deploy%2Fprod%20eu%3F%23..",
    );
  });

  it("writes numbers as-is", () => {
    expect(buildUrl(BASE, getRun, { owner: "octo-org", repo: "hello.world", run_id: 30433642 })).toBe(
      "https://api.github.com/repos/octo-org/hello.world/actions/runs/30433642",
    );
  });

  // `%2E` and `%2E%2E` are dot segments to the WHATWG URL parser, which every fetch uses, so the
  // request would silently go to the parent resource. The runtime refuses such values instead.
  it("shows that percent-encoded dots do not survive URL parsing", () => {
    expect(new URL("https://api.github.com/a/b/%2E%2E").pathname).toBe("/a/");
    expect(new URL("https://api.github.com/a/b/%2E/c").pathname).toBe("/a/b/c");
  });

  it.each([".", ".."])("refuses the dot segment %j with a TypeError naming param and operation", (group) => {
    expect(() => buildUrl(BASE, getGroup, { owner: "o", repo: "r", group })).toThrow(TypeError);
    expect(() => buildUrl(BASE, getGroup, { owner: "o", repo: "r", group })).toThrow(
      /actions\/get-concurrency-group: path parameter "group"/,
    );
  });

  it.each([
    ["missing", { owner: "o", repo: "r" }],
    ["undefined", { owner: "o", repo: "r", run_id: undefined }],
    ["null", { owner: "o", repo: "r", run_id: null }],
    ["empty", { owner: "o", repo: "r", run_id: "" }],
  ])("throws a TypeError for a %s required path parameter", (_case, params) => {
    expect(() => buildUrl(BASE, getRun, params)).toThrow(
      new TypeError('actions/get-workflow-run: missing path parameter "run_id"'),
    );
  });

  it("encodes via encodePathParam", () => {
    expect(encodePathParam("a b", "x", getRun)).toBe("a%20b");
    expect(encodePathParam(0, "x", getRun)).toBe("0");
  });
});

describe("query string", () => {
  const spec: OperationSpec = {
    id: "q",
    method: "GET",
    path: "/q",
    queryParams: ["status", "per_page", "exclude_pull_requests", "labels", "created", "actor", "none", "empty"],
  };
  const cases: Array<[name: string, params: Record<string, unknown>, want: string]> = [
    ["nothing set", {}, ""],
    ["skips undefined and null", { status: undefined, actor: null }, ""],
    ["string", { status: "failure" }, "?status=failure"],
    ["number as-is", { per_page: 100 }, "?per_page=100"],
    ["booleans", { exclude_pull_requests: true }, "?exclude_pull_requests=true"],
    ["false is sent", { exclude_pull_requests: false }, "?exclude_pull_requests=false"],
    ["arrays comma-joined, elements encoded", { labels: ["a b", "c,d", "e"] }, "?labels=a%20b,c%2Cd,e"],
    ["empty array skipped", { empty: [] }, ""],
    ["reserved characters encoded", { created: ">=2024-01-01 & <x#y" }, "?created=%3E%3D2024-01-01%20%26%20%3Cx%23y"],
    ["unicode", { actor: "jürgen" }, "?actor=j%C3%BCrgen"],
    [
      "order follows queryParams",
      { actor: "me", status: "queued", per_page: 5 },
      "?status=queued&per_page=5&actor=me",
    ],
    ["ignores keys that are not query params", { owner: "o", body: "x" }, ""],
  ];
  it.each(cases)("%s", (_name, params, want) => {
    expect(buildQuery(spec, params)).toBe(want);
  });

  it("round-trips through URLSearchParams", () => {
    const created = "2024-01-01..2024-02-01 +x&y=z";
    const url = new URL(buildUrl(BASE, listRunsSpec, { owner: "o", repo: "r", created, per_page: 100 }));
    expect(url.searchParams.get("created")).toBe(created);
    expect(url.searchParams.get("per_page")).toBe("100");
  });

  it("returns an empty string for a spec without query params", () => {
    expect(buildQuery(getGroup, { per_page: 1 })).toBe("");
  });
});
