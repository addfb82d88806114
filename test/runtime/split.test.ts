// splitCapped's reading of GitHub's `created` syntax into inclusive windows of epoch seconds.
import { describe, expect, it } from "vitest";
import { dateRange } from "../../generator/runtime/split.js";

const s = (iso: string) => Date.parse(iso) / 1000;
const EARLIEST = s("2008-01-01T00:00:00Z");

describe("dateRange", () => {
  it("reads a day, a range and the four comparisons, days as whole UTC days", () => {
    expect(dateRange("2026-01-02", "created")).toEqual([s("2026-01-02T00:00:00Z"), s("2026-01-02T23:59:59Z")]);
    expect(dateRange("2026-01-02..2026-01-03", "created")).toEqual([s("2026-01-02T00:00:00Z"), s("2026-01-03T23:59:59Z")]);
    expect(dateRange("2026-01-02T10:00:00Z..2026-01-02T11:00:00Z", "created")).toEqual([
      s("2026-01-02T10:00:00Z"),
      s("2026-01-02T11:00:00Z"),
    ]);
    expect(dateRange(">=2026-01-02", "created")[0]).toBe(s("2026-01-02T00:00:00Z"));
    expect(dateRange(">2026-01-02", "created")[0]).toBe(s("2026-01-03T00:00:00Z"));
    expect(dateRange("<=2026-01-02", "created")).toEqual([EARLIEST, s("2026-01-02T23:59:59Z")]);
    expect(dateRange("<2026-01-02", "created")).toEqual([EARLIEST, s("2026-01-01T23:59:59Z")]);
    expect(dateRange("*..2026-01-02T10:30", "created")).toEqual([EARLIEST, s("2026-01-02T10:30:59Z")]);
  });

  it("reads offsets, with or without a colon, and an open end as a day past now", () => {
    expect(dateRange("2026-01-02T10:00:00+02:00..2026-01-02T10:00:00+0200", "created")).toEqual([
      s("2026-01-02T08:00:00Z"),
      s("2026-01-02T08:00:00Z"),
    ]);
    const [, hi] = dateRange("2026-01-02..*", "created");
    expect(hi).toBeGreaterThan(Date.now() / 1000);
    expect(hi).toBeLessThan(Date.now() / 1000 + 2 * 86_400);
    expect(dateRange(undefined, "created")[0]).toBe(EARLIEST);
  });

  it("refuses what it cannot read, and an empty range, naming the filter", () => {
    expect(() => dateRange("yesterday", "created")).toThrow('splitCapped: cannot read created "yesterday"');
    expect(() => dateRange("2026-13-45", "created")).toThrow(/cannot read/);
    expect(() => dateRange("2026-01-02..", "created")).toThrow(/cannot read/);
    expect(() => dateRange(">2026-01-02..2026-01-03", "created")).toThrow(/cannot read/);
    expect(() => dateRange("2026-02-01..2026-01-01", "created")).toThrow(/empty range/);
  });
});
