import { describe, expect, it } from "vitest";
import { frameworkSchema } from "../../../src/domain/framework-schema.ts";
import { reasonMessage } from "../../../src/domain/report-messages.ts";
import { words } from "./report-words.ts";
import { california, imhmProvider, imhsProvider, requirementReport, alliance } from "./fixtures.ts";

const asOf = "2025-06-30";
const received = (id: string, date: string, hours: number, extra: Record<string, unknown> = {}) => ({
  id,
  direction: "received" as const,
  date,
  hours,
  format: "individual" as const,
  provider: imhsProvider,
  ...extra,
});
const ifsRsc = (sessions: ReturnType<typeof received>[]) => requirementReport(alliance, "ifs", "rsc-received", { reflectiveSupervision: sessions }, asOf);

describe("RS/C received for IFS: 24 hours within 12-24 months from a qualified provider", () => {
  it.each([
    ["24 hours over 12 months", [received("a", "2024-06-30", 12), received("b", "2025-06-30", 12)], "met", 24],
    ["23.5 hours over 12 months", [received("a", "2024-06-30", 11.5), received("b", "2025-06-30", 12)], "partly-met", 23.5],
    ["24 hours, all within 6 months", [received("a", "2025-01-01", 12), received("b", "2025-06-30", 12)], "partly-met", 24],
    ["no hours", [], "unmet", 0],
  ])("%s", (_name, sessions, status, hours) => {
    const report = ifsRsc(sessions);
    expect(report.status).toBe(status);
    expect(report.measures[0]).toMatchObject({ have: hours, need: 24 });
  });

  it("says what is missing in both languages", () => {
    const report = ifsRsc([received("a", "2024-06-30", 11.5), received("b", "2025-06-30", 12)]);
    expect(words(report.missing, "en")).toContain("0.5 more hours needed (23.5 of 24)");
    expect(words(report.missing, "es")).toContain("faltan 0.5 horas (23.5 de 24)");
    expect(words(ifsRsc([received("a", "2025-01-01", 12), received("b", "2025-06-30", 12)]).missing, "en")).toContain("spread over at least 12 months");
  });

  it.each([
    ["with a peer, even an endorsed one", received("peer", "2025-01-01", 30, { provider: { ...imhsProvider, isPeer: true } }), "peer"],
    [
      "with a provider endorsed only after the session",
      received("early", "2024-01-01", 30, { provider: { credentials: [{ framework: "alliance-iecmh-e", category: "imhs", earned: "2024-02-01" }] } }),
      "provider-not-qualified",
    ],
    [
      "with a provider of a category that does not qualify",
      received("ifa", "2025-01-01", 30, { provider: { credentials: [{ framework: "alliance-iecmh-e", category: "ifa", earned: "2010-01-01" }] } }),
      "provider-not-qualified",
    ],
    ["dated after the date checked", received("future", "2025-07-01", 30), "after-date"],
  ])("does not count a session %s", (_name, session, reason) => {
    const report = ifsRsc([session]);
    expect(report.excluded).toEqual([{ entryId: session.id, reason }]);
    expect(report.measures[0]!.have).toBe(0);
  });

  // "within 1-2 years" (12-24 months) bounds how long the hours took, not how long ago they were:
  // the best window whose first and last sessions are at most 24 months apart, ending on or before the date.
  it.each([
    ["exactly 24 months apart: one window", [received("a", "2023-06-30", 12), received("b", "2025-06-30", 12)], "met", 24, ["a", "b"]],
    ["24 months and a day apart: two windows, the later counts", [received("a", "2023-06-29", 12), received("b", "2025-06-30", 12)], "partly-met", 12, ["b"]],
    ["exactly 12 months apart: spread over the minimum", [received("a", "2024-06-30", 12), received("b", "2025-06-30", 12)], "met", 24, ["a", "b"]],
    ["a day short of 12 months apart: not spread enough", [received("a", "2024-07-01", 12), received("b", "2025-06-30", 12)], "partly-met", 24, ["a", "b"]],
    [
      "a complete window years before the date, later hours outside it",
      [received("a", "2019-01-10", 12), received("b", "2020-01-10", 12), received("c", "2024-06-01", 6)],
      "met",
      24,
      ["a", "b"],
    ],
    [
      "the window with the most hours, not the most recent",
      [received("a", "2020-01-10", 20), received("b", "2021-03-10", 20), received("c", "2024-01-01", 10), received("d", "2025-06-30", 10)],
      "met",
      40,
      ["a", "b"],
    ],
    [
      "at the threshold inside one window, one hour outside it",
      [received("x", "2021-06-29", 1), received("a", "2023-06-30", 11), received("b", "2025-06-30", 12)],
      "partly-met",
      23,
      ["a", "b"],
    ],
  ])("%s", (_name, sessions, status, hours, countedIds) => {
    const report = ifsRsc(sessions);
    expect(report.status).toBe(status);
    expect(report.measures[0]).toMatchObject({ have: hours, need: 24 });
    expect(report.counted.map((item) => item.entryId)).toEqual(countedIds);
    const outside = sessions.map((session) => session.id).filter((id) => !countedIds.includes(id));
    expect(report.excluded).toEqual(outside.map((entryId) => ({ entryId, reason: "other-window" })));
  });

  it("says why a session outside the window counted does not count, in both languages", () => {
    expect(words(reasonMessage("other-window"), "en")).toContain("not in the period counted");
    expect(words(reasonMessage("other-window"), "es")).toContain("no está en el periodo contado");
  });

  it.each([
    ["on the day it was complete", "2024-06-30"],
    ["a year later", "2025-06-30"],
    ["six years later", "2030-06-30"],
  ])("a complete file stays complete with nothing changed: checked %s", (_name, date) => {
    const sessions = [received("a", "2023-06-30", 12), received("b", "2024-06-30", 12)];
    const report = requirementReport(alliance, "ifs", "rsc-received", { reflectiveSupervision: sessions }, date);
    expect(report.status).toBe("met");
    expect(report.counted.map((item) => item.entryId)).toEqual(["a", "b"]);
  });

  it("counts a provider the association has vetted", () => {
    const report = ifsRsc([received("v1", "2024-06-30", 12, { provider: { vetted: true } }), received("v2", "2025-06-30", 12, { provider: { vetted: true } })]);
    expect(report.status).toBe("met");
  });
});

describe("recency, only where a framework asks for it (withinMonths)", () => {
  const ifs = alliance.categories.find((category) => category.id === "ifs")!;
  const withRecency = (withinMonths: number | undefined) => ({
    ...alliance,
    categories: [
      {
        ...ifs,
        requirements: ifs.requirements.map((requirement) => (requirement.kind === "rsc-received" ? { ...requirement, withinMonths } : requirement)),
      },
    ],
  });
  const sessions = [received("a", "2022-06-30", 12), received("b", "2023-06-30", 12)];

  it.each([
    ["no recency (the Alliance)", undefined, "2025-06-30", "met", []],
    ["36 months: the first session a day inside", 36, "2025-06-29", "met", []],
    ["36 months: the first session exactly 36 months before is too old", 36, "2025-06-30", "partly-met", [{ entryId: "a", reason: "outside-window" }]],
    [
      "24 months: both too old",
      24,
      "2025-06-30",
      "unmet",
      [
        { entryId: "a", reason: "outside-window" },
        { entryId: "b", reason: "outside-window" },
      ],
    ],
  ] as const)("%s", (_name, withinMonths, date, status, excluded) => {
    const report = requirementReport(withRecency(withinMonths), "ifs", "rsc-received", { reflectiveSupervision: sessions }, date);
    expect([report.status, report.excluded]).toEqual([status, excluded]);
  });

  it("is validated by the framework schema: a whole number of months, more than 0", () => {
    for (const [value, ok] of [
      [12, true],
      [0, false],
      [1.5, false],
    ] as const) {
      expect(frameworkSchema.safeParse(withRecency(value)).success, String(value)).toBe(ok);
    }
  });
});

describe("RS/C received for IMHM-C: 50 hours, 25 of them about the RS/C the applicant provides, from an IMHM-C", () => {
  it.each([
    [25, 25, "met"],
    [30, 20, "partly-met"],
  ])("%s general + %s about provided hours -> %s", (general, about, status) => {
    const report = requirementReport(
      alliance,
      "imhm-c",
      "rsc-received",
      {
        reflectiveSupervision: [
          received("g", "2024-06-01", general, { provider: imhmProvider }),
          received("p", "2025-06-01", about, { provider: imhmProvider, aboutProvidedRsc: true }),
        ],
      },
      asOf,
    );
    expect(report.status).toBe(status);
    expect(report.measures.map((measure) => [measure.id, measure.have, measure.need])).toEqual([
      ["hours", 50, 50],
      ["about-provided", about, 25],
    ]);
  });

  // The 25 hours about the RS/C the applicant provides count only inside the window whose 50 hours count.
  it.each([
    ["inside the window (exactly 24 months before the last session)", "2023-06-01", "met", [50, 25], []],
    ["a day outside it: the best window has it but not the last session", "2023-05-31", "partly-met", [37.5, 25], ["g2"]],
  ])("about-provided hours %s", (_name, aboutDate, status, [hours, about], outside) => {
    const report = requirementReport(
      alliance,
      "imhm-c",
      "rsc-received",
      {
        reflectiveSupervision: [
          received("p", aboutDate, 25, { provider: imhmProvider, aboutProvidedRsc: true }),
          received("g1", "2024-06-01", 12.5, { provider: imhmProvider }),
          received("g2", "2025-06-01", 12.5, { provider: imhmProvider }),
        ],
      },
      asOf,
    );
    expect(report.status).toBe(status);
    expect(report.measures.map((measure) => [measure.id, measure.have])).toEqual([
      ["hours", hours],
      ["about-provided", about],
    ]);
    expect(report.excluded).toEqual(outside.map((entryId) => ({ entryId, reason: "other-window" })));
  });

  it("does not count hours from an IMHS: the provider must be a mentor", () => {
    const report = requirementReport(alliance, "imhm-c", "rsc-received", { reflectiveSupervision: [received("s", "2025-01-01", 50)] }, asOf);
    expect(report.excluded).toEqual([{ entryId: "s", reason: "provider-not-qualified" }]);
  });
});

describe("California reflective practice facilitation received (TMHP)", () => {
  const unendorsed = { name: "Supervisor" };
  const report = (sessions: object[]) => requirementReport(california, "tmhp", "rpf-received", { reflectiveSupervision: sessions as never }, asOf);

  it("counts hours before 2017 from any supervisor, and from then on only from an endorsed facilitator", () => {
    const result = report([
      received("before", "2016-12-31", 5, { provider: unendorsed }),
      received("after", "2017-01-01", 5, { provider: unendorsed }),
      received("endorsed", "2018-01-01", 5, { provider: { credentials: [{ framework: "california-ifecmh", category: "rpf-1", earned: "2017-05-01" }] } }),
    ]);
    expect(result.counted.map((item) => item.entryId)).toEqual(["before", "endorsed"]);
    expect(result.excluded).toEqual([{ entryId: "after", reason: "provider-not-qualified" }]);
  });

  it("counts groups of up to 8 participants", () => {
    const result = report([
      received("eight", "2016-01-01", 2, { provider: unendorsed, format: "group", groupSize: 8 }),
      received("nine", "2016-01-01", 2, { provider: unendorsed, format: "group", groupSize: 9 }),
    ]);
    expect(result.counted.map((item) => item.entryId)).toEqual(["eight"]);
    expect(result.excluded).toEqual([{ entryId: "nine", reason: "group-too-large" }]);
  });

  it("needs review: the number of hours is set by the association", () => {
    const result = report([received("a", "2016-01-01", 2, { provider: unendorsed })]);
    expect(result.status).toBe("needs-review");
    expect(result.measures[0]).toMatchObject({ have: 2, need: null });
    expect(words(result.missing, "en")).toContain("set by the association");
  });
});

describe("California RPF I: facilitation provided", () => {
  const provided = (id: string, date: string, hours: number, recipients: string[]) => ({
    id,
    direction: "provided" as const,
    date,
    hours,
    format: "individual" as const,
    recipients,
  });
  it.each([
    ["24 hours to 3 people over a year", [provided("a", "2024-06-01", 12, ["Ana", "Ben"]), provided("b", "2025-06-01", 12, ["Cleo"])], "met"],
    ["24 hours to 2 people", [provided("a", "2024-06-01", 12, ["Ana"]), provided("b", "2025-06-01", 12, ["ana ", "Ben"])], "partly-met"],
    ["24 hours in 11 months", [provided("a", "2024-07-02", 12, ["Ana", "Ben"]), provided("b", "2025-06-01", 12, ["Cleo"])], "partly-met"],
  ])("%s", (_name, sessions, status) => {
    expect(requirementReport(california, "rpf-1", "rpf-provided", { reflectiveSupervision: sessions }, asOf).status).toBe(status);
  });
});

describe("California RP Mentor: 500 hours of facilitation provided over 2-5 years, after the RPF endorsement", () => {
  const credentials = [{ framework: "california-ifecmh", category: "rpf-1", earned: "2015-01-01" }];
  const given = (id: string, date: string, hours: number, format: "individual" | "group" = "individual") => ({
    id,
    direction: "provided" as const,
    date,
    hours,
    format,
    ...(format === "group" ? { groupSize: 6 } : {}),
    recipients: [`R-${id}`],
  });
  const mentor = (sessions: ReturnType<typeof given>[], date = asOf, framework = california) =>
    requirementReport(framework, "rp-mentor", "rpf-provided", { credentials, reflectiveSupervision: sessions }, date);
  const span = (report: ReturnType<typeof mentor>) => report.measures.find((measure) => measure.id === "span")?.have;

  it.each([
    ["first to last exactly 60 months: one window", "2019-06-30", "2024-06-30", "met", 500, 60, []],
    ["a day more than 60 months: not one window", "2019-06-29", "2024-06-30", "partly-met", 250, 0, [{ entryId: "first", reason: "other-window" }]],
    ["exactly 24 months: spread enough", "2022-06-30", "2024-06-30", "met", 500, 24, []],
    ["a day less than 24 months", "2022-07-01", "2024-06-30", "partly-met", 500, 23, []],
  ] as const)("%s", (_name, first, last, status, hours, months, excluded) => {
    const report = mentor([given("first", first, 250), given("last", last, 250, "group")]);
    expect([report.status, report.measures[0]!.have, span(report), report.excluded]).toEqual([status, hours, months, excluded]);
  });

  it.each([
    ["the day it was complete", "2024-06-30"],
    ["a year later", "2025-06-30"],
    ["six years later", "2030-06-30"],
  ])("a complete file stays complete with nothing changed: checked %s", (_name, date) => {
    const report = mentor([given("first", "2019-06-30", 250), given("last", "2024-06-30", 250, "group")], date);
    expect(report.status).toBe("met");
    expect(report.counted.map((item) => item.entryId)).toEqual(["first", "last"]);
  });

  it("judges both formats inside the counted window", () => {
    // The individual session is more than 60 months before the last group session: 500 group hours count, alone.
    const report = mentor([given("ind", "2017-12-31", 10), given("g1", "2020-01-01", 250, "group"), given("g2", "2023-01-01", 250, "group")]);
    expect(report.status).toBe("partly-met");
    expect(report.counted.map((item) => item.entryId)).toEqual(["g1", "g2"]);
    expect(report.excluded).toEqual([{ entryId: "ind", reason: "other-window" }]);
    expect(words(report.missing, "en")).toContain("Must include both individual and group sessions.");
    // A day later the individual session is within 60 months of the last: all of it counts.
    const within = mentor([given("ind", "2018-01-01", 10), given("g1", "2020-01-01", 250, "group"), given("g2", "2023-01-01", 250, "group")]);
    expect([within.status, within.measures[0]!.have]).toEqual(["met", 510]);
  });

  it("still counts only facilitation after the RPF endorsement", () => {
    const report = mentor([given("before", "2014-12-31", 250), given("a", "2019-06-30", 250), given("b", "2021-06-30", 250, "group")]);
    expect(report.excluded).toEqual([{ entryId: "before", reason: "before-credential" }]);
    expect(report.status).toBe("met");
  });

  it("asks for recency only where the framework says so (withinMonths)", () => {
    const category = california.categories.find((candidate) => candidate.id === "rp-mentor")!;
    const recent = {
      ...california,
      categories: [
        {
          ...category,
          requirements: category.requirements.map((requirement) => (requirement.id === "rpf-provided" ? { ...requirement, withinMonths: 60 } : requirement)),
        },
      ],
    };
    // Recency is "after the date N months before": a session exactly 60 months before the date is too old.
    const sessions = [given("first", "2019-07-01", 250), given("last", "2024-06-30", 250, "group")];
    expect(mentor(sessions, "2024-06-30", recent).status).toBe("met");
    expect(mentor(sessions, "2024-07-01", recent).excluded).toEqual([{ entryId: "first", reason: "outside-window" }]);
    expect(mentor(sessions, "2024-07-01").status).toBe("met");
    expect(frameworkSchema.safeParse(recent).success).toBe(true);
  });
});
