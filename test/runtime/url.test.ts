import { describe, expect, it } from "vitest";
import { buildQuery, buildUrl, encodePathParam, linkTarget } from "../../generator/runtime/url.js";
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
    ["an array of an empty string", { owner: "o", repo: "r", run_id: [""] }],
    ["an empty array", { owner: "o", repo: "r", run_id: [] }],
    ["an object of null members", { owner: "o", repo: "r", run_id: { a: null } }],
    ["an empty object", { owner: "o", repo: "r", run_id: {} }],
  ])("throws a TypeError for a %s required path parameter: it would write an empty segment", (_case, params) => {
    expect(() => buildUrl(BASE, getRun, params)).toThrow(
      new TypeError('actions/get-workflow-run: missing path parameter "run_id" (unset, or empty once written)'),
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
    ["order follows queryParams", { actor: "me", status: "queued", per_page: 5 }, "?status=queued&per_page=5&actor=me"],
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

describe("linkTarget: which Link URLs pagination may follow", () => {
  const GHES = "https://ghe.example.com/api/v3";
  const PAGE = `${GHES}/repos/o/r/actions/runs?per_page=100`;

  it.each([
    ["an absolute URL under the base path", `${GHES}/repositories/1/actions/runs?page=2`, `${GHES}/repositories/1/actions/runs?page=2`],
    ["the base path itself", GHES, GHES],
    ["a query-only relative link, against the page URL", "?per_page=100&page=2", `${GHES}/repos/o/r/actions/runs?per_page=100&page=2`],
    ["a root-relative link under the base path", "/api/v3/repos/o/r/actions/runs?page=2", `${GHES}/repos/o/r/actions/runs?page=2`],
    ["dot segments that stay inside", `${GHES}/repos/../repositories/1?page=2`, `${GHES}/repositories/1?page=2`],
    ["an upper-case host (URLs compare normalised)", "https://GHE.example.com/api/v3/x", `${GHES}/x`],
  ])("follows %s", (_name, link, want) => {
    expect(linkTarget(GHES, PAGE, link)).toBe(want);
  });

  it.each([
    ["another path on the same origin", "/evil/collect"],
    ["dot segments that climb out", "/api/v3/../../evil"],
    ["percent-encoded dot segments that climb out", "/api/v3/%2e%2e/%2E%2E/evil"],
    ["a sibling prefix", "/api/v30/repos"],
    ["another host", "https://evil.example/api/v3/repos"],
    ["another scheme", "http://ghe.example.com/api/v3/repos"],
    ["another port", "https://ghe.example.com:8443/api/v3/repos"],
    ["a look-alike host", "https://ghe.example.com.evil.example/api/v3/repos"],
    ["credentials", "https://user:pw@ghe.example.com/api/v3/repos"],
    ["not a URL", "http://[bad"],
    ["a scheme-relative link to another host", "//evil.example/api/v3/repos"],
  ])("refuses %s", (_name, link) => {
    expect(linkTarget(GHES, PAGE, link)).toBeUndefined();
  });

  it("allows any path on the origin of a base URL without a path", () => {
    expect(
      linkTarget("https://api.github.com", "https://api.github.com/repos/o/r/actions/runs", "/repositories/1/actions/runs?page=2"),
    ).toBe("https://api.github.com/repositories/1/actions/runs?page=2");
    expect(
      linkTarget("https://api.github.com", "https://api.github.com/repos/o/r/actions/runs", "https://api.github.com.evil.example/"),
    ).toBeUndefined();
  });
});
