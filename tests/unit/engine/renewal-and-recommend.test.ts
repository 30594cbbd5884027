import { describe, expect, it } from "vitest";
import { evaluateRenewal } from "../../../src/domain/evaluate-renewal.ts";
import { recommend } from "../../../src/domain/recommend.ts";
import { reasonMessage } from "../../../src/domain/report-messages.ts";
import { words } from "./report-words.ts";
import { alliance, categoryOf, imhmProvider, imhsProvider, portfolio } from "./fixtures.ts";

const current = { codeOfEthicsSigned: "2025-06-01", membershipValidUntil: "2026-12-31" };
const course = (id: string, hours: number, topics: string[] = [], date = "2025-04-01") => ({ id, title: id, date, clockHours: hours, topics });
const rsc = (id: string, hours: number, provider: object = imhsProvider, date = "2025-05-01") => ({
  id,
  direction: "received" as const,
  date,
  hours,
  format: "individual" as const,
  provider,
});
const renewal = (categoryId: string, input: Parameters<typeof portfolio>[0], earned: string) =>
  evaluateRenewal(alliance, categoryOf(alliance, categoryId), portfolio({ attestations: current, ...input }), { earned, periodEnd: "2025-12-31" });
const statusOf = (report: ReturnType<typeof renewal>, id: string) => report.requirements.find((requirement) => requirement.id === id)?.status;

describe("annual renewal (Alliance)", () => {
  it("asks an IFS for 15 hours with 1 on DEI and 12 hours of RS/C in the calendar year", () => {
    const report = renewal("ifs", { training: [course("a", 14), course("dei", 1, ["dei"])], reflectiveSupervision: [rsc("r", 12)] }, "2020-01-01");
    expect([report.periodStart, report.periodEnd, report.isExempt, report.status]).toEqual(["2025-01-01", "2025-12-31", false, "met"]);
  });

  it("does not count training from before the period, and wants the DEI hour", () => {
    const report = renewal("ifs", { training: [course("old", 15, [], "2024-12-31"), course("a", 15)], reflectiveSupervision: [rsc("r", 12)] }, "2020-01-01");
    const training = report.requirements.find((requirement) => requirement.id === "renewal-training")!;
    expect(training.excluded).toEqual([{ entryId: "old", reason: "outside-window" }]);
    expect(training.measures.map((m) => [m.id, m.have, m.need])).toEqual([
      ["dei", 0, 1],
      ["other", 14, 14],
    ]);
  });

  it("exempts the first period after earning the endorsement from the training hours", () => {
    const report = renewal("ifs", { reflectiveSupervision: [rsc("r", 12)] }, "2025-03-01");
    expect(report.isExempt).toBe(true);
    expect(statusOf(report, "renewal-training")).toBeUndefined();
    expect(report.status).toBe("met");
  });

  it("credits at most 7 hours of reviewer or advisor work", () => {
    const reviewerHours = [{ id: "rev", date: "2025-06-01", hours: 10, role: "application-reviewer" as const }];
    const report = renewal(
      "ifs",
      { training: [course("a", 7), course("dei", 1, ["dei"])], reviewerHours, reflectiveSupervision: [rsc("r", 12)] },
      "2020-01-01",
    );
    expect(statusOf(report, "renewal-training")).toBe("met");
    const short = renewal("ifs", { training: [course("a", 6), course("dei", 1, ["dei"])], reviewerHours, reflectiveSupervision: [rsc("r", 12)] }, "2020-01-01");
    expect(statusOf(short, "renewal-training")).toBe("partly-met");
  });

  it("asks those who provide RS/C for 3 of the hours on RS/C", () => {
    const report = renewal(
      "ifs",
      { training: [course("a", 14), course("dei", 1, ["dei"])], reflectiveSupervision: [rsc("r", 12)], attestations: { ...current, providesRsc: true } },
      "2020-01-01",
    );
    expect(report.requirements.find((r) => r.id === "renewal-training")!.measures.find((m) => m.id === "rsc")).toMatchObject({ have: 0, need: 3 });
  });

  it("stops asking an IMHM-C for RS/C after 3 years, and never asks an IFA", () => {
    expect(statusOf(renewal("imhm-c", {}, "2021-06-01"), "renewal-rsc")).toBeUndefined();
    expect(statusOf(renewal("imhm-c", { reflectiveSupervision: [rsc("r", 6, imhmProvider)] }, "2023-06-01"), "renewal-rsc")).toBe("partly-met");
    expect(statusOf(renewal("ifa", {}, "2020-01-01"), "renewal-rsc")).toBeUndefined();
  });

  // The category's provider rule applies to renewal RS/C too, checked at each session's date.
  const ifsProvider = { name: "Ms. Park", credentials: [{ framework: "alliance-iecmh-e", category: "ifs", earned: "2010-01-01" }] };
  const imhsSince = (earned: string) => ({ name: "Dr. Lee", credentials: [{ framework: "alliance-iecmh-e", category: "imhs", earned }] });
  it.each([
    { name: "an IMHS", category: "ifs", provider: imhsProvider, status: "met", reason: null },
    { name: "a vetted provider", category: "ifs", provider: { name: "Vetted", vetted: true }, status: "met", reason: null },
    { name: "an IMHS endorsed on the session's date", category: "ifs", provider: imhsSince("2025-05-01"), status: "met", reason: null },
    {
      name: "an IMHS endorsed the day after the session",
      category: "ifs",
      provider: imhsSince("2025-05-02"),
      status: "unmet",
      reason: "provider-not-qualified",
    },
    { name: "an IFS, not a qualifying category", category: "ifs", provider: ifsProvider, status: "unmet", reason: "provider-not-qualified" },
    { name: "someone with no endorsement", category: "imhs", provider: { name: "Anyone" }, status: "unmet", reason: "provider-not-qualified" },
    { name: "an IMHS, for an IMHM-C (a mentor is required)", category: "imhm-c", provider: imhsProvider, status: "unmet", reason: "provider-not-qualified" },
    { name: "an IMHM-C, for an IMHM-C", category: "imhm-c", provider: imhmProvider, status: "met", reason: null },
    { name: "an endorsed peer", category: "ifs", provider: { ...imhsProvider, isPeer: true }, status: "unmet", reason: "peer" },
  ])("counts renewal RS/C from $name -> $status", ({ category, provider, status, reason }) => {
    const report = renewal(category, { reflectiveSupervision: [rsc("r", 12, provider)] }, "2024-03-01");
    const received = report.requirements.find((requirement) => requirement.id === "renewal-rsc")!;
    expect(received.status).toBe(status);
    expect(received.excluded).toEqual(reason ? [{ entryId: "r", reason }] : []);
  });

  it("says in both languages why an unqualified provider's renewal hours do not count", () => {
    const report = renewal("ifs", { reflectiveSupervision: [rsc("r", 12, { name: "Anyone" })] }, "2020-01-01");
    const [excluded] = report.requirements.find((requirement) => requirement.id === "renewal-rsc")!.excluded;
    expect(words(reasonMessage(excluded!.reason), "en")).toBe("the provider did not hold a qualifying endorsement on the session's date");
    expect(words(reasonMessage(excluded!.reason), "es")).toContain("acreditación");
  });

  it.each([
    { hours: 12, date: "2025-01-01", status: "met", excluded: [] },
    { hours: 11.5, date: "2025-01-01", status: "partly-met", excluded: [] },
    { hours: 12, date: "2024-12-31", status: "unmet", excluded: [{ entryId: "r", reason: "outside-window" }] },
    { hours: 12, date: "2025-12-31", status: "met", excluded: [] },
    { hours: 12, date: "2026-01-01", status: "unmet", excluded: [{ entryId: "r", reason: "after-date" }] },
  ])("counts renewal RS/C only in the period: $hours hours on $date -> $status", ({ hours, date, status, excluded }) => {
    const report = renewal("ifs", { reflectiveSupervision: [rsc("r", hours, imhsProvider, date)] }, "2020-01-01");
    const received = report.requirements.find((requirement) => requirement.id === "renewal-rsc")!;
    expect([received.status, received.excluded]).toEqual([status, excluded]);
  });

  it("wants the code of ethics signed again and a current membership", () => {
    const report = evaluateRenewal(alliance, categoryOf(alliance, "ifa"), portfolio({ attestations: { codeOfEthicsSigned: "2024-06-01" } }), {
      earned: "2025-03-01",
      periodEnd: "2025-12-31",
    });
    expect([statusOf(report, "renewal-ethics"), statusOf(report, "renewal-membership")]).toEqual(["unmet", "unmet"]);
  });

  it.each([
    { memberships: [], declared: undefined, status: "unmet" },
    { memberships: [{ id: "m1", organization: "SCIMHA", validUntil: "2025-12-31" }], declared: undefined, status: "met" },
    { memberships: [{ id: "m1", organization: "SCIMHA", validUntil: "2025-12-30" }], declared: undefined, status: "unmet" },
    {
      memberships: [
        { id: "m1", organization: "Old", validUntil: "2024-01-01" },
        { id: "m2", organization: "New", validUntil: "2026-06-30" },
      ],
      declared: undefined,
      status: "met",
    },
    { memberships: [], declared: "2026-01-01", status: "met" },
  ])(
    "counts a membership that runs to the end of the period: $memberships.length listed, declared $declared -> $status",
    ({ memberships, declared, status }) => {
      const attestations = { codeOfEthicsSigned: "2025-06-01", membershipValidUntil: declared };
      const report = evaluateRenewal(alliance, categoryOf(alliance, "ifa"), portfolio({ attestations, memberships }), {
        earned: "2025-03-01",
        periodEnd: "2025-12-31",
      });
      expect(statusOf(report, "renewal-membership")).toBe(status);
    },
  );
});

describe("recommend", () => {
  it("points a newcomer to the associate categories, not to one whose figures are still unset", () => {
    const ranked = recommend(alliance, portfolio({}), "2025-06-30");
    expect(
      ranked
        .slice(0, 2)
        .map((r) => r.category.id)
        .sort(),
    ).toEqual(["ecfa", "ifa"]);
    expect(ranked.every((r) => r.status === "unmet")).toBe(true);
  });

  it("ranks the categories a person meets first, then those with the fewest requirements left", () => {
    const person = portfolio({
      education: [{ id: "aa", level: "associate", completed: "2015-05-01" }],
      training: [course("t", 30)],
      references: [
        { id: "r1", role: "teacher", completed: "2025-05-01", raterCredentials: [{ framework: "alliance-iecmh-e", category: "ifs", earned: "2015-01-01" }] },
        { id: "r2", role: "colleague", completed: "2025-05-01" },
        { id: "r3", role: "supervisor", completed: "2025-05-01" },
      ],
      attestations: current,
    });
    const ranked = recommend(alliance, person, "2025-06-30");
    expect(
      ranked
        .map((r) => r.category.id)
        .slice(0, 2)
        .sort(),
    ).toEqual(["ecfa", "ifa"]);
    expect(ranked[0]!.status).toBe("met");
    expect(ranked.length).toBe(alliance.categories.length);
    for (let index = 1; index < ranked.length; index++) {
      const [before, after] = [ranked[index - 1]!, ranked[index]!];
      if (before.status === after.status) expect(before.remaining).toBeLessThanOrEqual(after.remaining);
    }
  });

  const job = (ages: { fromMonths: number; toMonths: number }, start = "2022-01-01") => ({
    id: `job-${ages.fromMonths}-${start}`,
    kind: "direct-service" as const,
    start,
    paid: true,
    ages,
    familiesServed: 4,
  });
  const associate = { id: "aa", level: "associate" as const, completed: "2015-05-01" };

  it.each([
    ["infant work", [job({ fromMonths: 0, toMonths: 36 })], "ifa", "ecfa"],
    ["early childhood work", [job({ fromMonths: 37, toMonths: 71 })], "ecfa", "ifa"],
    ["mostly infant work (ages 0-60)", [job({ fromMonths: 0, toMonths: 60 })], "ifa", "ecfa"],
  ])("puts the track of the person's work first: %s", (_what, work, first, later) => {
    const ranked = recommend(alliance, portfolio({ education: [associate], work, training: [course("t", 30)], attestations: current }), "2025-06-30").map(
      (r) => r.category.id,
    );
    expect(ranked[0]).toBe(first);
    // The twin of the other track is met just as much, and comes after.
    expect(ranked.indexOf(later)).toBeGreaterThan(ranked.indexOf(first));
  });

  it("without work that says its ages, keeps the framework's order among equals (the infant track is listed first)", () => {
    const ranked = recommend(alliance, portfolio({}), "2025-06-30").map((r) => r.category.id);
    expect(ranked.slice(0, 2)).toEqual(["ifa", "ecfa"]);
  });
});
