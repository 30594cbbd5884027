import { describe, expect, it } from "vitest";
import { maxSeriesSessions, seriesDates } from "../../../src/domain/session-series.ts";

describe("the dates of a series of sessions", () => {
  it.each([
    ["2025-01-07", "2025-01-07", 1, ["2025-01-07"]],
    ["2025-01-07", "2025-01-28", 1, ["2025-01-07", "2025-01-14", "2025-01-21", "2025-01-28"]],
    ["2025-01-07", "2025-01-27", 1, ["2025-01-07", "2025-01-14", "2025-01-21"]],
    ["2025-01-07", "2025-02-04", 2, ["2025-01-07", "2025-01-21", "2025-02-04"]],
    ["2024-02-20", "2024-03-05", 2, ["2024-02-20", "2024-03-05"]],
    ["2025-01-07", "2025-03-04", 4, ["2025-01-07", "2025-02-04", "2025-03-04"]],
    ["2025-01-07", "2025-01-06", 1, []],
  ])("from %s to %s every %i week(s)", (first, last, every, dates) => {
    expect(seriesDates(first, last, every)).toEqual(dates);
  });

  it("every other Tuesday through 2025 is 26 sessions, all Tuesdays", () => {
    const dates = seriesDates("2025-01-07", "2025-12-31", 2);
    expect(dates).toHaveLength(26);
    expect(new Set(dates.map((date) => new Date(`${date}T00:00:00Z`).getUTCDay()))).toEqual(new Set([2]));
  });

  it("stops counting one past the most a series may add, so a longer one can be refused", () => {
    expect(seriesDates("2020-01-01", "2030-01-01", 1)).toHaveLength(maxSeriesSessions + 1);
  });
});
