import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toDay, toIso } from "../../src/domain/dates.ts";
import { evaluateRenewal } from "../../src/domain/evaluate-renewal.ts";
import { portfolioSchema } from "../../src/domain/portfolio-schema.ts";
import { defaultRenewalCycle, lateDateAfter, renewalPhases, standingOn, type RenewalCycle } from "../../src/domain/renewal-cycle.ts";
import { currentRenewalPeriod, newRatingsReport, reinstatedDueDate, renewalRefusal, renewalShortfall } from "../../src/domain/renewal-decision.ts";
import { loadFrameworks } from "../../src/frameworks/load-frameworks.ts";

const scimha = defaultRenewalCycle;
const midYear: RenewalCycle = { ...scimha, due: { month: 6, day: 30 }, late: { month: 7, day: 31 }, removalDaysAfterLate: 30 };
const alliance = loadFrameworks().find((framework) => framework.id === "alliance-iecmh-e")!;
const ifs = alliance.categories.find((category) => category.id === "ifs")!;

describe("why a renewal is refused", () => {
  it.each([
    ["active", "due-soon", false, null],
    ["lapsed", "late", false, null],
    ["active", "active", false, "renewal.notOpenYet"],
    ["active", "active", true, "renewal.alreadyRenewed"],
    ["lapsed", "lapsed", false, "renewal.pastLateDate"],
    ["active", "removed", false, "renewal.pastLateDate"],
    ["removed", "removed", false, "renewal.removed"],
    ["revoked", "due-soon", false, "renewal.notRenewable"],
    ["suspended", "due-soon", false, "renewal.notRenewable"],
    ["transferred", "due-soon", false, "renewal.notRenewable"],
  ] as const)("%s in phase %s (renewed already: %s): %s", (status, phase, renewed, refusal) => {
    expect(renewalRefusal(status, { phase }, renewed)).toBe(refusal);
  });

  it("takes a renewal exactly from the first reminder through the late date, for any due date and day", () => {
    const day = fc.integer({ min: toDay("2020-01-01"), max: toDay("2040-12-31") });
    fc.assert(
      fc.property(day, day, (due, today) => {
        const standing = standingOn(scimha, toIso(due), toIso(today));
        expect(renewalRefusal("active", standing, false) === null).toBe(standing.mayRenew);
        expect(renewalPhases).toContain(standing.phase);
      }),
    );
  });
});

describe("the period staff look at", () => {
  it.each([
    [scimha, "2026-12-07", "2026-12-31"],
    [scimha, "2027-01-31", "2026-12-31"],
    [scimha, "2027-02-01", "2027-12-31"],
    [midYear, "2026-07-31", "2026-06-30"],
    [midYear, "2026-08-01", "2027-06-30"],
    [midYear, "2026-03-01", "2026-06-30"],
  ])("%o on %s: %s", (cycle, today, period) => {
    expect(currentRenewalPeriod(cycle, today)).toBe(period);
  });

  it("is a due date whose renewals are still taken, and the earliest such", () => {
    fc.assert(
      fc.property(fc.integer({ min: toDay("2020-01-01"), max: toDay("2040-12-31") }), (day) => {
        const today = toIso(day);
        for (const cycle of [scimha, midYear]) {
          const period = currentRenewalPeriod(cycle, today);
          expect(lateDateAfter(cycle, period) >= today).toBe(true);
          const before = `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
          expect(lateDateAfter(cycle, before) < today).toBe(true);
        }
      }),
    );
  });
});

describe("a reinstated credential's due date", () => {
  it.each([
    ["2027-03-10", "2027-12-31"],
    ["2027-12-31", "2028-12-31"],
  ])("reinstated on %s: due %s", (today, due) => {
    expect(reinstatedDueDate(scimha, today)).toBe(due);
  });
});

const base = portfolioSchema.parse({ format: "cradle-portfolio", version: 1 });
const rating = (id: string, completed: string, role: "current-supervisor" | "rsc-provider" | "supervisor", endorsed = false) => ({
  id,
  kind: "rating" as const,
  role,
  raterCredentials: endorsed ? [{ framework: "alliance-iecmh-e", category: "imhs", earned: "2015-01-01", status: "active" as const }] : [],
  raterVetted: false,
  completed,
  notEnoughInformation: 0,
});

describe("the new ratings of a reinstatement", () => {
  const three = (completed: string) => [
    rating(`a-${completed}`, completed, "current-supervisor"),
    rating(`b-${completed}`, completed, "rsc-provider"),
    rating(`c-${completed}`, completed, "supervisor", true),
  ];

  it("counts only ratings completed since the request, by the category's rules", () => {
    const old = { ...base, references: three("2026-01-10") };
    expect(newRatingsReport(alliance, ifs, old, "2027-03-01", "2027-04-01").status).not.toBe("met");
    const fresh = { ...base, references: [...three("2026-01-10"), ...three("2027-03-15")] };
    const report = newRatingsReport(alliance, ifs, fresh, "2027-03-01", "2027-04-01");
    expect(report.status).toBe("met");
    expect(report.counted.map((entry) => entry.entryId).sort()).toEqual(["a-2027-03-15", "b-2027-03-15", "c-2027-03-15"]);
  });

  it("is not met by three ratings that miss a rule (no current supervisor)", () => {
    const references = [rating("a", "2027-03-15", "supervisor"), rating("b", "2027-03-15", "rsc-provider"), rating("c", "2027-03-15", "supervisor", true)];
    expect(newRatingsReport(alliance, ifs, { ...base, references }, "2027-03-01", "2027-04-01").status).not.toBe("met");
  });
});

describe("what a renewal still lacks", () => {
  it("leaves out the code of ethics the form signs, and tells the hours from the rest", () => {
    const report = evaluateRenewal(alliance, ifs, base, { earned: "2020-01-01", periodEnd: "2026-12-31" });
    const shortfall = renewalShortfall(report);
    expect(shortfall.hours.map((requirement) => requirement.id).sort()).toEqual(["renewal-rsc", "renewal-training"]);
    expect(shortfall.other.map((requirement) => requirement.id)).toEqual(["renewal-membership"]);
  });

  it("is empty for every requirement met but the code of ethics", () => {
    const portfolio = { ...base, memberships: [{ id: "m", organization: "Association", validUntil: "2027-12-31" }] };
    const report = evaluateRenewal(
      alliance,
      alliance.categories.find((category) => category.id === "ifa")!,
      portfolio,
      { earned: "2026-06-15", periodEnd: "2026-12-31" },
    );
    expect(renewalShortfall(report)).toEqual({ hours: [], other: [] });
  });
});
