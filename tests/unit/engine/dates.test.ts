import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, monthsBetween, toDay, toIso } from "../../../src/domain/dates.ts";

// The calendar by `Date`, the obvious way: the oracle the arithmetic must agree with.
const byDate = {
  toDay: (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000,
  toIso: (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10),
  addMonths(day: number, months: number) {
    const date = new Date(day * 86_400_000);
    const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
    return target.getTime() / 86_400_000;
  },
};

// 1900-01-01 to 2199-12-31: Date reads years below 100 as 19xx, so the oracle stops there.
const anyDay = fc.integer({ min: -25_567, max: 83_966 });
const runs = { numRuns: 2000 };

describe("calendar arithmetic", () => {
  it("reads and writes dates as Date does", () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const iso = byDate.toIso(day);
        expect(toIso(day)).toBe(iso);
        expect(toDay(iso)).toBe(day);
      }),
      runs,
    );
  });

  it("adds months as Date does, clamping to the month's end", () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -120, max: 120 }), (day, months) => {
        const later = addMonths(day, months);
        expect(later).toBe(byDate.addMonths(day, months));
        if (months >= 0) expect(monthsBetween(day, later)).toBeLessThanOrEqual(months);
      }),
      runs,
    );
  });

  it.each([
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2025-03-31", -1, "2025-02-28"],
    ["2025-12-15", 1, "2026-01-15"],
    ["2026-01-15", -1, "2025-12-15"],
  ])("%s plus %i months is %s", (from, months, to) => {
    expect(toIso(addMonths(toDay(from), months))).toBe(to);
  });

  it.each([
    ["2025-01-15", "2025-02-14", 0],
    ["2025-01-15", "2025-02-15", 1],
    ["2024-02-29", "2025-02-28", 11],
    ["2023-06-30", "2025-06-30", 24],
  ])("from %s to %s is %i whole months", (from, to, months) => {
    expect(monthsBetween(toDay(from), toDay(to))).toBe(months);
  });

  it.each(["2025-13-01", "2025-00-10", "2025-1-01", "20250101", "2025-01-32", "abcd-ef-gh", ""])("refuses %j", (text) => {
    expect(() => toDay(text)).toThrow(RangeError);
  });
});
