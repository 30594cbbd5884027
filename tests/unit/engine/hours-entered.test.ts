import { describe, expect, it } from "vitest";
import { hoursEntered, sectionTotals, withHoursEntered } from "../../../src/domain/hours-entered.ts";
import type { PortfolioInput } from "../../../src/domain/portfolio-schema.ts";
import { alliance, california, imhsProvider, portfolio, requirementReport } from "./fixtures.ts";

const asOf = "2025-06-30";
const training = (id: string, hours: number, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Course ${id}`,
  date: "2025-01-15",
  clockHours: hours,
  ...extra,
});
const session = (id: string, direction: "received" | "provided", hours: number, extra: Record<string, unknown> = {}) => ({
  id,
  direction,
  date: "2025-01-15",
  hours,
  format: "individual" as const,
  provider: imhsProvider,
  recipients: direction === "provided" ? ["Ana"] : [],
  ...extra,
});

/** A requirement's report with its hours entered, as My progress shows them. */
function entered(framework: typeof alliance, category: string, requirement: string, input: PortfolioInput) {
  const report = requirementReport(framework, category, requirement, input, asOf);
  return { report, ...withHoursEntered(report, portfolio(input), framework.academicCourseHourFactor) };
}

describe("hours entered beside hours counted, for IFS training (30 hours)", () => {
  it.each([
    ["34 hours, all counted up to the 30 needed", [training("a", 20), training("b", 14)], 34, 30],
    ["12 hours, all counting", [training("a", 12)], 12, 12],
    ["a training dated after the date is entered, not counted", [training("a", 12), training("b", 5, { date: "2025-07-01" })], 17, 12],
    ["a training typed twice is entered twice, counted once", [training("a", 8), training("b", 8, { title: "Course a" })], 16, 8],
    ["nothing", [], 0, 0],
  ])("%s", (_name, entries, hours, counted) => {
    const { measures, total } = entered(alliance, "ifs", "training", { training: entries });
    expect(total).toBeNull();
    expect(measures).toMatchObject([{ entered: hours, have: counted, need: 30 }]);
  });
});

describe("hours entered for RS/C", () => {
  it.each([
    [
      "received: every session received, a peer's included",
      "rsc-received",
      [session("a", "received", 10), session("b", "received", 4, { provider: { ...imhsProvider, isPeer: true } })],
      14,
      10,
    ],
    ["received: sessions provided are not received", "rsc-received", [session("a", "received", 10), session("b", "provided", 6)], 10, 10],
  ])("%s", (_name, requirement, sessions, hours, counted) => {
    const { measures } = entered(alliance, "ifs", requirement, { reflectiveSupervision: sessions });
    expect(measures[0]).toMatchObject({ id: "hours", entered: hours, have: counted });
  });

  it("shows the hours provided beside the first measure only, not beside the people or the period", () => {
    const { measures } = entered(california, "rpf-1", "rpf-provided", {
      reflectiveSupervision: [session("a", "provided", 6), session("b", "provided", 3), session("c", "received", 9)],
    });
    expect(measures[0]).toMatchObject({ entered: 9, have: 9, need: 24 });
    expect(measures.slice(1).every((measure) => !("entered" in measure))).toBe(true);
  });

  it("counts the about-provided part of RS/C received nowhere else than the hours", () => {
    const { measures } = entered(alliance, "imhm-c", "rsc-received", {
      reflectiveSupervision: [session("a", "received", 10, { aboutProvidedRsc: true })],
    });
    expect(measures.map((measure) => measure.entered)).toEqual([10, undefined]);
  });
});

describe("hours entered for reading and video (RPF I)", () => {
  it.each([
    [
      "reading",
      {
        reading: [
          { id: "r1", title: "Book", date: "2025-01-01", hours: 6, topics: ["reflective-facilitation"] },
          { id: "r2", title: "Other", date: "2025-01-01", hours: 4 },
        ],
      },
      10,
      6,
    ],
    [
      "video",
      {
        video: [{ id: "v1", title: "Film", date: "2025-01-01", hours: 1.5, topics: ["reflective-facilitation"] }],
        reading: [{ id: "r1", title: "Book", date: "2025-01-01", hours: 6 }],
      },
      1.5,
      1.5,
    ],
  ])("%s", (requirement, input, hours, counted) => {
    const { measures } = entered(california, "rpf-1", requirement, input);
    expect(measures[0]).toMatchObject({ entered: hours, have: counted });
  });
});

describe("training split over several buckets (IFRS: 15 on RS/C, 3 on DEI, 30 general)", () => {
  it("shows the hours entered on a total line, with the hours counted and needed in all", () => {
    const { measures, total } = entered(alliance, "ifrs", "training", {
      training: [training("a", 40), training("b", 10, { topics: ["rsc"] }), training("c", 2, { date: "2025-08-01" })],
    });
    expect(total).toEqual({ entered: 52, have: 40, need: 48 });
    expect(measures.every((measure) => !("entered" in measure))).toBe(true);
  });

  it("has no figure to need when a bucket's is unset (California TMHP)", () => {
    const { total } = entered(california, "tmhp", "knowledge", { training: [training("a", 5, { domains: ["A"] }), training("b", 3)] });
    expect(total).toMatchObject({ entered: 8, need: null });
  });
});

describe("academic course hours", () => {
  it.each([
    ["converted by the framework's factor (California: 1.5)", california, "rpf-1", 3 * 1.5],
    ["left out where the framework gives no factor (Alliance)", alliance, "ifs", 0],
  ])("%s", (_name, framework, category, hours) => {
    const input = { training: [{ id: "a", title: "Course", date: "2025-01-15", academicCourseHours: 3, topics: ["reflective-facilitation"] }] };
    const report = requirementReport(framework, category, "training", input, asOf);
    expect(hoursEntered(report, portfolio(input), framework.academicCourseHourFactor)).toBe(hours);
  });
});

describe("requirements not counted in hours", () => {
  it.each([
    ["education", alliance, "ifs", "education"],
    ["work", alliance, "ifs", "work"],
    ["any-of education or work", alliance, "ifa", "education-or-work"],
  ])("%s has no hours entered", (_name, framework, category, requirement) => {
    const input = { training: [training("a", 12)] };
    const report = requirementReport(framework, category, requirement, input, asOf);
    expect(hoursEntered(report, portfolio(input), null)).toBeNull();
    expect(withHoursEntered(report, portfolio(input), null).measures.every((measure) => !("entered" in measure))).toBe(true);
  });
});

describe("a section's totals on My portfolio", () => {
  it.each([
    ["empty", {}, { training: { entries: 0, hours: 0, academicHours: 0 }, received: { entries: 0, hours: 0 }, provided: { entries: 0, hours: 0 } }],
    [
      "training in clock hours, academic course hours apart, duplicates and later dates as typed",
      {
        training: [
          training("a", 20),
          training("b", 14, { date: "2030-01-01" }),
          training("c", 14, { title: "Course b", date: "2030-01-01" }),
          { id: "d", title: "Course", date: "2025-01-15", academicCourseHours: 3 },
        ],
      },
      { training: { entries: 4, hours: 48, academicHours: 3 } },
    ],
    [
      "RS/C received and provided apart, decimals summed as people expect",
      { reflectiveSupervision: [session("a", "received", 1.1), session("b", "received", 2.2), session("c", "provided", 0.5)] },
      { received: { entries: 2, hours: 3.3 }, provided: { entries: 1, hours: 0.5 } },
    ],
    [
      "reading and video",
      { reading: [{ id: "r", title: "Book", date: "2025-01-01", hours: 6 }], video: [{ id: "v", title: "Film", date: "2025-01-01", hours: 2 }] },
      { reading: { entries: 1, hours: 6 }, video: { entries: 1, hours: 2 } },
    ],
  ])("%s", (_name, input, expected) => {
    expect(sectionTotals(portfolio(input as PortfolioInput))).toMatchObject(expected);
  });
});
