import { describe, expect, it } from "vitest";
import { parseLink } from "../../generator/runtime/link.js";
import type { Links } from "../../generator/runtime/link.js";

describe("parseLink", () => {
  const gh =
    '<https://api.github.com/repositories/1296269/actions/runs?per_page=100&page=2>; rel="next", ' +
    '<https://api.github.com/repositories/1296269/actions/runs?per_page=100&page=34>; rel="last"';
  const cases: Array<[name: string, header: string | null | undefined, want: Links]> = [
    ["undefined", undefined, {}],
    ["null", null, {}],
    ["empty", "", {}],
    [
      "GitHub page style",
      gh,
      {
        next: "https://api.github.com/repositories/1296269/actions/runs?per_page=100&page=2",
        last: "https://api.github.com/repositories/1296269/actions/runs?per_page=100&page=34",
      },
    ],
    [
      "GitHub cursor style",
      '<https://api.github.com/repos/o/r/actions/concurrency_groups?per_page=2&after=Y3Vyc29yOnYyOpK0>; rel="next", <https://api.github.com/repos/o/r/actions/concurrency_groups?per_page=2&before=Y3Vyc29yOnYyOpK1>; rel="prev"',
      {
        next: "https://api.github.com/repos/o/r/actions/concurrency_groups?per_page=2&after=Y3Vyc29yOnYyOpK0",
        prev: "https://api.github.com/repos/o/r/actions/concurrency_groups?per_page=2&before=Y3Vyc29yOnYyOpK1",
      },
    ],
    ["several rels in one", '<https://x/2>; rel="next last"', { next: "https://x/2", last: "https://x/2" }],
    [
      "all four",
      '<https://x/1>; rel="first", <https://x/1>; rel="prev", <https://x/3>; rel="next", <https://x/9>; rel="last"',
      { first: "https://x/1", prev: "https://x/1", next: "https://x/3", last: "https://x/9" },
    ],
    ["unquoted rel", "<https://x/2>; rel=next", { next: "https://x/2" }],
    ["case-insensitive rel and name", '<https://x/2>; REL="Next"', { next: "https://x/2" }],
    ["commas inside the URL", '<https://x/?labels=a,b&page=2>; rel="next"', { next: "https://x/?labels=a,b&page=2" }],
    [
      "commas and angle brackets inside quoted params",
      '<https://x/1>; title="a, <b>; rel=next"; rel="prev", <https://x/2>; rel="next"',
      { prev: "https://x/1", next: "https://x/2" },
    ],
    [
      "escaped quotes in a quoted param",
      '<https://x/1>; title="say \\"hi\\", ok"; rel="last", <https://x/2>; rel="next"',
      { last: "https://x/1", next: "https://x/2" },
    ],
    ["only the first rel parameter counts", '<https://x/1>; rel="next"; rel="last"', { next: "https://x/1" }],
    ["the first link for a relation wins", '<https://x/1>; rel="next", <https://x/2>; rel="next"', { next: "https://x/1" }],
    ["odd whitespace", '  <https://x/2>  ;  rel = "next"  ,<https://x/3>;rel="last"', { next: "https://x/2", last: "https://x/3" }],
    ["other relations ignored", '<https://x/a>; rel="alternate", <https://x/2>; rel="next"', { next: "https://x/2" }],
    ["link without rel", "<https://x/a>; type=text/html", {}],
    ["unterminated", '<https://x/a; rel="next"', {}],
    [
      "URL exactly as given, not normalised",
      '<HTTPS://API.github.com/a/../b?x=%7e>; rel="next"',
      { next: "HTTPS://API.github.com/a/../b?x=%7e" },
    ],
  ];
  it.each(cases)("%s", (_name, header, want) => {
    expect(parseLink(header)).toEqual(want);
  });
});
