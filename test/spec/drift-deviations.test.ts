// The deviations file read and matched in-process: every way an entry can be wrong, with its
// position, and how differences are sorted into accepted and not listed.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Difference } from "../../generator/drift/compare.js";
import { readDeviations } from "../../generator/drift/deviations.js";
import { matchDeviations } from "../../generator/drift/match.js";

const dir = mkdtempSync(join(tmpdir(), "deviations-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
function read(text: string) {
  const file = join(dir, `d${++files}.yaml`);
  writeFileSync(file, text);
  return { file, ...readDeviations(file) };
}
const messages = (ds: { message: string; position?: { line: number; col: number } }[]) =>
  ds.map((d) => `${d.position?.line}:${d.position?.col} ${d.message}`);

const emailFormat: Difference = {
  operationId: "actions/get-workflow-run",
  key: "response 200 body.head_commit.author.email",
  anchor: "git-user.email",
  aspect: "format",
  spec: null,
  upstream: "email",
};
const entry = (extra = "") =>
  `  - at: git-user.email\n    aspect: format\n    spec: null\n    upstream: email\n    reason: Git does not validate emails.\n${extra}`;

describe("reading the deviations file", () => {
  it("reads a valid entry, with `at` as text or a list", () => {
    const { deviations, diagnostics } = read(
      `deviations:\n${entry()}  - at: [a.b, c.d]\n    aspect: required\n    spec: true\n    upstream: false\n    reason: Always sent.\n`,
    );
    expect(diagnostics).toEqual([]);
    expect(deviations.map((d) => [d.at.map((a) => a.anchor), d.aspect, d.spec, d.upstream])).toEqual([
      [["git-user.email"], "format", null, "email"],
      [["a.b", "c.d"], "required", true, false],
    ]);
  });

  it("reports each broken entry at its position, all in one pass", () => {
    const { diagnostics } = read(
      "deviations:\n" +
        "  - at: x.y\n    aspect: format\n    spec: null\n    upstream: int64\n    reason: '  '\n" + // lines 2-6
        "  - at: x.z\n    aspect: size\n    spec: 1\n    upstream: 2\n    reasons: typo\n" + // lines 7-11
        "  - aspect: format\n    upstream: email\n    reason: no place, no spec\n" + // lines 12-14
        "  - plain text\n", // line 15
    );
    expect(messages(diagnostics)).toEqual([
      "6:13 a deviation without a reason",
      "11:5 unknown key `reasons` in a deviation",
      "8:13 `aspect` must be one of presence, path, in, required, type, nullable, format, enum, default, media",
      "7:5 a deviation without a reason",
      "12:5 a deviation without `at`",
      "12:5 a deviation without `spec`",
      "15:5 a deviation must be a map",
    ]);
  });

  it("refuses what is not a reviewed list: no list, YAML errors, aliases, a missing file", () => {
    expect(messages(read("deviations: {}\n").diagnostics)).toEqual(["1:1 the deviations file needs a `deviations:` list"]);
    expect(messages(read("deviations:\n  - at: [unclosed\n").diagnostics)[0]).toMatch(/^\d+:\d+ invalid YAML: /);
    const aliased = read(
      `deviations:\n  - at: &a git-user.email\n    aspect: format\n    spec: null\n    upstream: email\n    reason: *a\n`,
    );
    expect(messages(aliased.diagnostics)).toEqual(["6:13 a deviation without a reason", "2:5 a deviation uses a YAML alias"]);
    expect(messages(readDeviations(join(dir, "missing.yaml")).diagnostics)).toEqual(["1:1 the deviations file does not exist"]);
    const many = read(`deviations:\n${"  - {}\n".repeat(1001)}`);
    expect(messages(many.diagnostics)).toEqual(["2:3 more than 1000 deviations"]);
  });
});

describe("matching differences against deviations", () => {
  it("accepts a difference whose place, aspect and both values match", () => {
    const { file, deviations } = read(`deviations:\n${entry()}`);
    expect(matchDeviations([emailFormat], deviations, file)).toMatchObject({ listed: [emailFormat], unlisted: [], diagnostics: [] });
  });

  it("does not accept it when upstream's value changed, and reports the entry as stale with the new values", () => {
    const { file, deviations } = read(`deviations:\n${entry()}`);
    const changed = { ...emailFormat, upstream: "idn-email" };
    const matched = matchDeviations([changed], deviations, file);
    expect(matched.unlisted).toEqual([changed]);
    expect(messages(matched.diagnostics)).toEqual([
      '2:9 stale deviation: git-user.email (format) is listed with spec null, upstream "email", but now spec has null, upstream "idn-email"',
    ]);
  });

  it("reports a place listed twice, and a place that matches nothing", () => {
    const { file, deviations } = read(`deviations:\n${entry()}${entry().replace("git-user.email", "[git-user.email, gone.field]")}`);
    const matched = matchDeviations([emailFormat], deviations, file);
    expect(matched.listed).toEqual([emailFormat]);
    expect(messages(matched.diagnostics)).toEqual([
      "7:10 git-user.email (format) is listed twice",
      "7:26 stale deviation: gone.field (format) no longer differs from upstream",
    ]);
  });
});
