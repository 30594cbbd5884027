import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateRenewal, evaluateRenewals } from "../../../src/domain/evaluate-renewal.ts";
import { alliance, categoryOf, portfolio } from "./fixtures.ts";

/** The example IFS holder (examples/ifs-portfolio.json), who also holds IFA, with a year of training added for 2025. */
const example = JSON.parse(readFileSync(new URL("../../../examples/ifs-portfolio.json", import.meta.url), "utf8"));
const with2025 = portfolio({
  ...example,
  training: [
    ...example.training,
    { id: "t2025", title: "Attachment in practice", date: "2025-04-01", clockHours: 14, topics: [] },
    { id: "t2025-dei", title: "Equity in home visiting", date: "2025-05-01", clockHours: 1, topics: ["dei"] },
  ],
});
const held = [
  { categoryId: "ifs", earned: "2021-11-01" },
  { categoryId: "ifa", earned: "2020-05-01" },
];
const training = (report: { requirements: Array<{ id: string; status: string; counted: Array<{ entryId: string }> }> }) =>
  report.requirements.find((requirement) => requirement.id === "renewal-training")!;

describe("renewing several categories with one set of hours", () => {
  it("counts the same hours in full for each category the person holds, each with its own requirements", () => {
    const reports = evaluateRenewals(alliance, with2025, held, "2025-12-31");
    expect(reports.map((report) => report.category.id)).toEqual(["ifs", "ifa"]);
    for (const report of reports) {
      expect(report.periodStart).toBe("2025-01-01");
      expect(report.status).toBe("met");
      expect(training(report).status).toBe("met");
    }
    expect(training(reports[0]!).counted).toEqual(training(reports[1]!).counted);
    expect(training(reports[0]!).counted.map((counted) => counted.entryId)).toEqual(expect.arrayContaining(["t2025", "t2025-dei"]));
    expect(reports[0]!.requirements.map((requirement) => requirement.id)).toContain("renewal-rsc");
    expect(reports[1]!.requirements.map((requirement) => requirement.id)).not.toContain("renewal-rsc");
  });

  it("gives each category what it would get alone: nothing is split between them", () => {
    for (const periodEnd of ["2024-12-31", "2025-12-31"]) {
      const together = evaluateRenewals(alliance, with2025, held, periodEnd);
      const alone = held.map(({ categoryId, earned }) => evaluateRenewal(alliance, categoryOf(alliance, categoryId), with2025, { earned, periodEnd }));
      expect(together).toEqual(alone);
    }
  });

  it("shows the same shortfall in each category when the shared hours fall short", () => {
    const reports = evaluateRenewals(alliance, portfolio(example), held, "2025-12-31");
    for (const report of reports) expect(training(report).status).toBe("unmet");
    expect(reports[0]!.requirements.find((requirement) => requirement.id === "renewal-rsc")!.status).toBe("met");
  });

  it("exempts only the category earned within the period", () => {
    const [ifs, ifa] = evaluateRenewals(alliance, portfolio(example), [{ categoryId: "ifs", earned: "2025-03-01" }, held[1]!], "2025-12-31");
    expect(ifs!.isExempt).toBe(true);
    expect(training(ifs!)).toBeUndefined();
    expect(ifa!.isExempt).toBe(false);
  });

  it("refuses a category the framework lacks, or one held twice", () => {
    expect(() => evaluateRenewals(alliance, with2025, [{ categoryId: "nope", earned: "2020-01-01" }], "2025-12-31")).toThrow(RangeError);
    expect(() => evaluateRenewals(alliance, with2025, [held[0]!, held[0]!], "2025-12-31")).toThrow(RangeError);
  });
});
