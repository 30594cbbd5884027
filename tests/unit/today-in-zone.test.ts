import { describe, expect, it } from "vitest";
import { today } from "../../src/domain/dates.ts";

describe("today in a time zone", () => {
  it.each([
    // An evening in California is already tomorrow in UTC.
    ["2026-12-02T04:30:00Z", "America/Los_Angeles", "2026-12-01"],
    ["2026-12-02T04:30:00Z", "UTC", "2026-12-02"],
    ["2026-12-02T08:00:00Z", "America/Los_Angeles", "2026-12-02"],
    // The first minute of the year in Detroit is still last year in Honolulu.
    ["2027-01-01T05:00:00Z", "America/Detroit", "2027-01-01"],
    ["2027-01-01T05:00:00Z", "Pacific/Honolulu", "2026-12-31"],
    ["2027-01-01T04:59:59Z", "America/Detroit", "2026-12-31"],
    // Kiritimati is 14 hours ahead: the latest today there is.
    ["2026-12-01T10:00:00Z", "Pacific/Kiritimati", "2026-12-02"],
    // Daylight saving: New York's spring-forward morning.
    ["2027-03-14T06:59:00Z", "America/New_York", "2027-03-14"],
    ["2027-03-14T04:59:00Z", "America/New_York", "2027-03-13"],
  ])("at %s in %s it is %s", (instant, zone, expected) => {
    expect(today(zone, new Date(instant))).toBe(expected);
  });

  it("throws for a zone that does not exist, rather than guessing UTC", () => {
    expect(() => today("Mars/Olympus_Mons", new Date())).toThrow(RangeError);
  });
});
