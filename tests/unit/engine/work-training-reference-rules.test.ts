import { describe, expect, it } from "vitest";
import { words } from "./report-words.ts";
import { alliance, california, requirementReport } from "./fixtures.ts";
import { en } from "../../../src/i18n/messages-en.ts";
import { es } from "../../../src/i18n/messages-es.ts";

const asOf = "2025-06-30";
const bachelor = { id: "ba", level: "bachelor" as const, completed: "2022-06-30" };
const job = (id: string, start: string, end: string | undefined, extra: Record<string, unknown> = {}) => ({
  id,
  kind: "prevention" as const,
  start,
  end,
  paid: true,
  ages: { fromMonths: 0, toMonths: 36 },
  familiesServed: 10,
  relationshipFocused: true,
  ...extra,
});
const ifsWork = (work: ReturnType<typeof job>[], education = [bachelor]) => requirementReport(alliance, "ifs", "work", { education, work }, asOf);

describe("IFS work: 2 years paid, after the bachelor's, with 10 families of children 0-36 months", () => {
  it("counts only the time after the degree", () => {
    const report = ifsWork([job("long", "2020-06-30", undefined)]);
    expect(report.measures[0]).toMatchObject({ have: 3, need: 2 });
    expect(ifsWork([job("early", "2020-01-01", "2023-06-28")]).measures[0]).toMatchObject({ have: 0.99 });
  });

  it.each([
    ["exactly two calendar years", "2021-07-01", "met"],
    ["one day short", "2021-07-02", "partly-met"],
  ])("%s", (_name, start, status) => {
    const education = [{ ...bachelor, completed: "2019-06-01" }];
    expect(ifsWork([job("j", start, "2023-06-30")], education).status).toBe(status);
  });

  it("counts overlapping jobs once and adds their families", () => {
    const report = ifsWork([job("a", "2023-06-30", asOf, { familiesServed: 4 }), job("b", "2024-01-01", asOf, { familiesServed: 6 })]);
    expect(report.measures.map((m) => m.have)).toEqual([2, 10]);
  });

  it.each([
    ["unpaid", { paid: false }, "not-paid"],
    ["with 3-5 year olds", { ages: { fromMonths: 37, toMonths: 60 } }, "wrong-ages"],
    ["not relationship-focused", { relationshipFocused: false }, "not-relationship-focused"],
    ["in leadership", { kind: "leadership" }, "wrong-kind"],
  ])("does not count work %s", (_name, extra, reason) => {
    expect(ifsWork([job("x", "2022-07-01", asOf, extra)]).excluded).toEqual([{ entryId: "x", reason }]);
  });

  it("does not hold ages left out against the person", () => {
    expect(ifsWork([job("j", "2022-07-01", asOf, { ages: undefined })]).status).toBe("met");
  });

  it("reports 9 families as partly met", () => {
    const report = ifsWork([job("j", "2022-07-01", asOf, { familiesServed: 9 })]);
    expect(report.status).toBe("partly-met");
    expect(words(report.missing, "en")).toContain("Families served: 1 more family needed (9 of 10).");
  });

  it("cannot count post-bachelor work without a bachelor's", () => {
    expect(ifsWork([job("j", "2022-07-01", asOf)], []).excluded).toEqual([{ entryId: "j", reason: "before-education" }]);
  });
});

describe("training minimums and their effective dates", () => {
  const course = (id: string, hours: number, topics: string[] = [], extra: Record<string, unknown> = {}) => ({
    id,
    title: id,
    date: "2023-03-01",
    clockHours: hours,
    topics,
    ...extra,
  });

  it("IMHM-C needs 30 hours before 2024 and 48 (30 + 15 RS/C + 3 DEI) from 1 January 2024", () => {
    const training = [course("general", 30)];
    expect(requirementReport(alliance, "imhm-c", "training", { training }, "2023-12-31").status).toBe("met");
    const after = requirementReport(alliance, "imhm-c", "training", { training }, "2024-01-01");
    expect(after.status).toBe("partly-met");
    expect(after.measures.map((m) => [m.id, m.have, m.need])).toEqual([
      ["rsc", 0, 15],
      ["dei", 0, 3],
      ["general", 30, 30],
    ]);
  });

  it("finds the split that meets every part, counting no hour twice", () => {
    const training = [course("general", 30), course("rsc-and-dei", 15, ["rsc", "dei"]), course("dei-only", 3, ["dei"])];
    const report = requirementReport(alliance, "imhm-c", "training", { training }, asOf);
    expect(report.status).toBe("met");
    expect(report.counted).toEqual([
      { entryId: "dei-only", amount: 3, toward: "dei" },
      { entryId: "general", amount: 30, toward: "general" },
      { entryId: "rsc-and-dei", amount: 15, toward: "rsc" },
    ]);
  });

  it("splits one course over two parts when that is what it takes", () => {
    const report = requirementReport(alliance, "imhm-c", "training", { training: [course("both", 18, ["rsc", "dei"]), course("general", 30)] }, asOf);
    expect(report.status).toBe("met");
    const both = report.counted.filter((item) => item.entryId === "both");
    expect(both.reduce((sum, item) => sum + item.amount, 0)).toBe(18);
  });

  it("counts a training listed twice once", () => {
    const report = requirementReport(alliance, "ifs", "training", { training: [course("a", 20), course("b", 20, [], { title: "a" })] }, asOf);
    expect(report.excluded).toEqual([{ entryId: "b", reason: "duplicate" }]);
    expect(report.measures[0]!.have).toBe(20);
  });

  it("converts academic course hours in California (1.5 per course hour) but not where no factor is published", () => {
    const academic = { id: "course", title: "Infant development", date: "2023-01-15", academicCourseHours: 3, domains: ["B"] };
    const ca = requirementReport(california, "tmhp", "knowledge", { training: [academic] }, asOf);
    expect(ca.measures.find((m) => m.id === "domain-b")!.have).toBe(4.5);
    expect(requirementReport(alliance, "ifs", "training", { training: [academic] }, asOf).excluded).toEqual([
      { entryId: "course", reason: "no-conversion-factor" },
    ]);
  });

  it("never counts California hours in two domains", () => {
    const report = requirementReport(california, "tmhp", "knowledge", { training: [course("ab", 10, [], { domains: ["A", "B"] })] }, asOf);
    const total = report.measures.reduce((sum, measure) => sum + measure.have, 0);
    expect(total).toBe(10);
    expect(report.status).toBe("needs-review");
  });
});

describe("reference ratings", () => {
  const rating = (id: string, role: string, extra: Record<string, unknown> = {}) => ({ id, role: role as "colleague", completed: "2025-05-01", ...extra });
  const endorsed = { raterCredentials: [{ framework: "alliance-iecmh-e", category: "ifs", earned: "2015-01-01" }] };

  it.each([
    [5, "counts"],
    [6, "is void"],
  ])("a rating with %s 'not enough information' answers %s", (count, outcome) => {
    const report = requirementReport(alliance, "ifs", "references", { references: [rating("r", "current-supervisor", { notEnoughInformation: count })] }, asOf);
    expect(report.counted.length).toBe(outcome === "counts" ? 1 : 0);
    if (outcome === "is void") expect(report.excluded).toEqual([{ entryId: "r", reason: "void-rating" }]);
  });

  it("IFA: at most one from a colleague or parent counts", () => {
    const report = requirementReport(
      alliance,
      "ifa",
      "references",
      { references: [rating("a-teacher", "teacher", endorsed), rating("b-colleague", "colleague"), rating("c-parent", "parent")] },
      asOf,
    );
    expect(report.counted.map((item) => item.entryId)).toEqual(["a-teacher", "b-colleague"]);
    expect(report.excluded).toEqual([{ entryId: "c-parent", reason: "over-role-limit" }]);
    expect(report.status).toBe("partly-met");
  });

  it("IFS: three ratings without one from the current supervisor fall short", () => {
    const report = requirementReport(
      alliance,
      "ifs",
      "references",
      { references: [rating("a", "rsc-provider", endorsed), rating("b", "colleague"), rating("c", "mentor")] },
      asOf,
    );
    expect(report.status).toBe("partly-met");
    expect(words(report.missing, "en")).toContain("From your current supervisor: 1 more reference needed (0 of 1).");
  });

  // Alliance ratings are valid for one year (pa-aimh.org): exactly a year old still counts, a day older has expired.
  it.each([
    ["exactly one year old", "2024-06-30", "counts"],
    ["one year and a day old", "2024-06-29", "expired"],
    ["completed on the date checked", "2025-06-30", "counts"],
  ])("a rating %s (completed %s, checked 2025-06-30) %s", (_name, completed, outcome) => {
    const report = requirementReport(alliance, "ifs", "references", { references: [rating("r", "current-supervisor", { completed })] }, asOf);
    expect(report.counted.length).toBe(outcome === "counts" ? 1 : 0);
    if (outcome === "expired") {
      expect(report.excluded).toEqual([{ entryId: "r", reason: "expired" }]);
      expect(report.measures[0]).toMatchObject({ have: 0, need: 3 });
    }
  });

  it("a rating a year old on a leap day is still valid on 28 February, and expired on 1 March", () => {
    const references = [rating("leap", "current-supervisor", { completed: "2024-02-29" })];
    expect(requirementReport(alliance, "ifs", "references", { references }, "2025-02-28").counted.length).toBe(1);
    expect(requirementReport(alliance, "ifs", "references", { references }, "2025-03-01").excluded).toEqual([{ entryId: "leap", reason: "expired" }]);
  });

  it("California letters have no validity period", () => {
    const letter = { id: "old", kind: "letter" as const, role: "supervisor" as const, completed: "2015-01-01" };
    expect(requirementReport(california, "tmhp", "letter", { references: [letter] }, asOf).counted).toEqual([{ entryId: "old", amount: 1 }]);
  });

  it("waits for a rater who has not answered yet", () => {
    const report = requirementReport(alliance, "ifs", "references", { references: [{ id: "pending", role: "current-supervisor" }] }, asOf);
    expect(report.excluded).toEqual([{ entryId: "pending", reason: "not-completed" }]);
  });
});

describe("exam, education and documents", () => {
  it.each([
    [48, "needs-review"],
    [47, "unmet"],
  ])("Part 1 with %s of 60 right (pass mark 80%%) -> %s (Part 2 is scored by people)", (score, status) => {
    const exams = [
      { id: "p1", part: "part-1", date: "2025-03-01", score, outOf: 60 },
      { id: "p2", part: "part-2", date: "2025-03-01", score: 1, outOf: 1 },
    ];
    expect(requirementReport(alliance, "imhs", "exam", { exams }, asOf).status).toBe(status);
  });

  it("a later failed attempt does not undo a pass", () => {
    const exams = [
      { id: "pass", part: "part-1", date: "2024-03-01", score: 50, outOf: 60 },
      { id: "fail", part: "part-1", date: "2025-03-01", score: 10, outOf: 60 },
    ];
    expect(requirementReport(alliance, "imhs", "exam", { exams }, asOf).counted).toEqual([{ entryId: "pass", amount: 1 }]);
  });

  it("TMHP needs a completed bachelor's in a related field", () => {
    const report = requirementReport(
      california,
      "tmhp",
      "education",
      {
        education: [
          { id: "unrelated", level: "master", relatedField: false, completed: "2010-01-01" },
          { id: "studying", level: "bachelor" },
        ],
      },
      asOf,
    );
    expect(report.status).toBe("unmet");
    expect(report.excluded).toEqual([
      { entryId: "studying", reason: "not-completed" },
      { entryId: "unrelated", reason: "unrelated-field" },
    ]);
  });

  it.each([
    [500, "needs-review"],
    [501, "unmet"],
  ])("a personal statement of %s words (limit 500) -> %s", (words, status) => {
    expect(requirementReport(california, "tmhp", "personal-statement", { documents: [{ id: "ps", type: "personal-statement", words }] }, asOf).status).toBe(
      status,
    );
  });
});

describe("California RPF I and II: facilitation received from 2017-01-01 comes from an endorsed facilitator", () => {
  const facilitator = (earned?: string) => ({
    name: "Facilitator",
    credentials: earned ? [{ framework: "california-ifecmh", category: "rpf-1", earned }] : [],
  });
  const session = (date: string, earned?: string) => ({
    id: "s",
    direction: "received" as const,
    date,
    hours: 12,
    format: "individual" as const,
    aboutProvidedRsc: true,
    provider: facilitator(earned),
  });

  it.each([
    ["rpf-1", "2016-12-31", undefined, null],
    ["rpf-1", "2017-01-01", undefined, "provider-not-qualified"],
    ["rpf-1", "2017-01-02", undefined, "provider-not-qualified"],
    ["rpf-1", "2017-01-02", "2016-12-31", null],
    ["rpf-1", "2017-01-02", "2017-01-03", "provider-not-qualified"],
    ["rpf-2", "2016-12-31", undefined, null],
    ["rpf-2", "2017-01-02", undefined, "provider-not-qualified"],
    ["rpf-2", "2017-01-02", "2016-12-31", null],
    ["rpf-2", "2017-01-02", "2017-01-03", "provider-not-qualified"],
  ])("%s: a session on %s from a facilitator endorsed %s -> excluded as %s", (category, date, earned, reason) => {
    const report = requirementReport(california, category, "rpf-received", { reflectiveSupervision: [session(date, earned)] }, asOf);
    expect(report.excluded).toEqual(reason ? [{ entryId: "s", reason }] : []);
    expect(report.status).toBe(reason ? "unmet" : "met");
  });
});

describe("supervised work: IMHS/ECMHS (and IMHM-C/ECMHM-C, whose work is IMHS-level) count only work with a supervisor named", () => {
  const master = { id: "ma", level: "master" as const, completed: "2020-06-30" };
  const clinical = (supervisor: string | undefined, ages = { fromMonths: 0, toMonths: 36 }) =>
    job("clinic", "2022-07-01", asOf, { kind: "treatment", withParents: true, supervisor, ages });

  it.each([
    ["imhs", "Dr. Lee", "met", []],
    ["imhs", undefined, "unmet", [{ entryId: "clinic", reason: "not-supervised" }]],
    ["imhs", "  ", "unmet", [{ entryId: "clinic", reason: "not-supervised" }]],
    ["imhm-c", "Dr. Lee", "met", []],
    ["imhm-c", undefined, "unmet", [{ entryId: "clinic", reason: "not-supervised" }]],
  ])("%s: work supervised by %j -> %s", (category, supervisor, status, excluded) => {
    const report = requirementReport(alliance, category, "work", { education: [master], work: [clinical(supervisor)] }, asOf);
    expect(report.status).toBe(status);
    expect(report.excluded).toEqual(excluded);
  });

  it.each([
    ["Dr. Lee", "met"],
    [undefined, "unmet"],
  ])("ecmhs: work with 3-5 year olds supervised by %j -> %s", (supervisor, status) => {
    const report = requirementReport(alliance, "ecmhs", "work", { education: [master], work: [clinical(supervisor, { fromMonths: 37, toMonths: 71 })] }, asOf);
    expect(report.status).toBe(status);
  });

  it("says why in both languages", () => {
    const report = requirementReport(alliance, "imhs", "work", { education: [master], work: [clinical(undefined)] }, asOf);
    expect(words(report.missing, "en")).toContain("Years of work that count: 2 more years needed (0 of 2).");
    expect(en["engine.reason.not-supervised"]).toBe("no supervisor named: this work must be supervised");
    expect(es["engine.reason.not-supervised"]).toContain("supervisado");
  });

  it("IFS work needs no supervisor named", () => {
    expect(ifsWork([job("j", "2022-07-01", asOf, { supervisor: undefined })]).status).toBe("met");
  });
});

describe("IFA/ECFA: supervised volunteer work (CASA, doula, child life) counts as related paid work when it names its supervisor", () => {
  const volunteer = (changes: object) => job("casa", "2023-06-30", asOf, { kind: "supervised-volunteer", paid: false, supervisor: "Ms. Ortiz", ...changes });
  const workOption = (category: string, entries: ReturnType<typeof volunteer>[]) => {
    const anyOf = requirementReport(alliance, category, "education-or-work", { work: entries }, asOf);
    return anyOf.options!.find((option) => option.id === "paid-work")!;
  };

  it.each([
    ["ifa", {}, "met", []],
    ["ifa", { supervisor: undefined }, "unmet", [{ entryId: "casa", reason: "not-supervised" }]],
    ["ifa", { supervisor: " " }, "unmet", [{ entryId: "casa", reason: "not-supervised" }]],
    ["ifa", { kind: "other" }, "unmet", [{ entryId: "casa", reason: "not-paid" }]],
    ["ifa", { kind: "other", paid: true }, "met", []],
    ["ecfa", { ages: { fromMonths: 37, toMonths: 71 } }, "met", []],
  ])("%s: two years of %j -> %s", (category, changes, status, excluded) => {
    const option = workOption(category, [volunteer(changes)]);
    expect(option.status).toBe(status);
    expect(option.excluded).toEqual(excluded);
  });

  it.each([
    ["2023-07-02", "met"],
    ["2023-07-03", "partly-met"],
  ])("from %s to the date (730 days are two years) -> %s", (start, status) => {
    expect(workOption("ifa", [job("casa", start, asOf, { kind: "supervised-volunteer", paid: false, supervisor: "Ms. Ortiz" })]).status).toBe(status);
  });

  it("paid time and volunteer time add up, overlaps counted once", () => {
    const paid = job("aide", "2023-06-30", "2024-06-29", { kind: "direct-service" });
    const casa = job("casa", "2024-01-01", asOf, { kind: "supervised-volunteer", paid: false, supervisor: "Ms. Ortiz" });
    expect(workOption("ifa", [paid, casa]).status).toBe("met");
  });

  it("IFS still asks for paid work", () => {
    expect(ifsWork([volunteer({ kind: "supervised-volunteer" })]).excluded).toContainEqual({ entryId: "casa", reason: "not-paid" });
  });
});

describe("age bands meet without overlapping: infant 0-36 months, early childhood 37-71 (3 up to 6)", () => {
  const education = [{ ...bachelor, completed: "2019-06-01" }];
  // Four years of work (1,461 days) with 20 families, at the ages given.
  const atAges = (fromMonths: number, toMonths: number, extra: Record<string, unknown> = {}) => [
    job("j", "2021-07-01", asOf, { ages: { fromMonths, toMonths }, familiesServed: 20, ...extra }),
  ];
  const years = (category: string, work: ReturnType<typeof job>[]) => {
    const report = requirementReport(alliance, category, "work", { education, work }, asOf);
    return report.excluded.length > 0 ? report.excluded[0]!.reason : report.measures.map((m) => m.have);
  };

  it.each([
    ["35", 35, 35, [4, 20], "wrong-ages"],
    ["36", 36, 36, [4, 20], "wrong-ages"],
    ["37", 37, 37, "wrong-ages", [4, 20]],
    ["71", 71, 71, "wrong-ages", [4, 20]],
    ["72", 72, 72, "wrong-ages", "wrong-ages"],
    ["0-36", 0, 36, [4, 20], "wrong-ages"],
    ["37-71", 37, 71, "wrong-ages", [4, 20]],
    ["pregnancy to 36", -9, 36, [4, 20], "wrong-ages"],
    // 25 months of ages: 13 in the infant band (24-36), 12 in early childhood (37-48).
    ["24-48", 24, 48, [2.08, 10.4], [1.92, 9.6]],
  ])("children aged %s months: IFS counts %j, ECFS counts %j", (_name, from, to, ifs, ecfs) => {
    expect(years("ifs", atAges(from, to))).toEqual(ifs);
    expect(years("ecfs", atAges(from, to))).toEqual(ecfs);
  });

  // The entry may say how many of its families were in each band: that count is used instead of the share.
  const families = (category: string, familiesByBand: Record<string, number> | undefined, from = 24, to = 48) =>
    years(category, atAges(from, to, familiesByBand ? { familiesByBand } : {}));
  it.each([
    ["12 infant + 8 early childhood", { infant: 12, earlyChildhood: 8 }, [2.08, 12], [1.92, 8]],
    ["not said: each band its share of the 20", undefined, [2.08, 10.4], [1.92, 9.6]],
    ["only the infant band said", { infant: 12 }, [2.08, 12], [1.92, 9.6]],
    ["only early childhood said", { earlyChildhood: 8 }, [2.08, 10.4], [1.92, 8]],
    ["0 in early childhood is a count, not a blank", { infant: 20, earlyChildhood: 0 }, [2.08, 20], [1.92, 0]],
  ])("a 24-48 month job with 20 families, %s: IFS counts %j, ECFS counts %j", (_name, familiesByBand, ifs, ecfs) => {
    expect(families("ifs", familiesByBand)).toEqual(ifs);
    expect(families("ecfs", familiesByBand)).toEqual(ecfs);
  });

  it("families said for a band count only where the job's ages reach it; time still counts at its share", () => {
    // Ages 0-36 are wholly infant: the early childhood count cannot make the job count for ECFS.
    expect(families("ifs", { infant: 9, earlyChildhood: 5 }, 0, 36)).toEqual([4, 9]);
    expect(families("ecfs", { infant: 9, earlyChildhood: 5 }, 0, 36)).toBe("wrong-ages");
    // Pregnancy to 36 months is the infant band too; 37-71 wholly early childhood.
    expect(families("ifs", { infant: 9 }, -9, 36)).toEqual([4, 9]);
    expect(families("ecfs", { earlyChildhood: 5 }, 37, 71)).toEqual([4, 5]);
    // Ten families said for the band meet IFS's 10 with 20 served at a 13/25 share of ages...
    const ifs = (familiesByBand: Record<string, number>) =>
      requirementReport(alliance, "ifs", "work", { education, work: atAges(24, 48, { familiesServed: 20, familiesByBand }) }, asOf);
    expect(ifs({ infant: 10 }).status).toBe("met");
    // ...nine do not, although the proportional share would be 10.4.
    expect(ifs({ infant: 9 }).status).toBe("partly-met");
  });

  it("a job spanning both bands meets each track only with enough of it in that band", () => {
    expect(requirementReport(alliance, "ifs", "work", { education, work: atAges(24, 48) }, asOf).status).toBe("met");
    expect(requirementReport(alliance, "ecfs", "work", { education, work: atAges(24, 48) }, asOf).status).toBe("partly-met");
  });

  it("a job only partly in the band counts at its share even where a full job overlaps it", () => {
    const work = [...atAges(24, 48), job("full", "2023-07-01", asOf, { ages: { fromMonths: 37, toMonths: 71 }, familiesServed: 0 })];
    // 731 days at share 1 plus the other 730 days at 0.48.
    expect(years("ecfs", work)).toEqual([2.96, 9.6]);
  });
});
