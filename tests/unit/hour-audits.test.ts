import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawSample, entriesOfPeriod, periodOf, reportedField, sampleSize, strictestAllowance, withoutDisallowed } from "../../src/domain/hour-audits.ts";
import { storedPortfolioSchema } from "../../src/domain/portfolio-schema.ts";

/** A seeded generator of numbers in [0, 1), so a draw can be repeated. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

describe("sampleSize", () => {
  it.each([
    [0, 10, 0],
    [1, 10, 1],
    [10, 10, 1],
    [11, 10, 2],
    [20, 10, 2],
    [3, 100, 3],
    [7, 50, 4],
    [200, 1, 2],
    [5, 0, 0],
    [5, 150, 5],
  ])("of %i people at %i%% is %i", (population, percent, size) => {
    expect(sampleSize(population, percent)).toBe(size);
  });
});

describe("drawSample", () => {
  it("draws ceil(percent × n) people clamped to the population, each once, all from the population", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { maxLength: 300 }), fc.integer({ min: 1, max: 100 }), fc.integer(), (people, percent, seed) => {
        const sample = drawSample(people, percent, seeded(Math.abs(seed)));
        expect(sample).toHaveLength(Math.min(people.length, Math.ceil((percent * people.length) / 100)));
        expect(new Set(sample).size).toBe(sample.length);
        for (const drawn of sample) expect(people).toContain(drawn);
      }),
    );
  });

  it("holds even when the randomness returns its extremes", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(), { maxLength: 50 }),
        fc.integer({ min: 1, max: 100 }),
        fc.constantFrom(0, 0.999_999_999_999, 1),
        (people, percent, value) => {
          const sample = drawSample(people, percent, () => value);
          expect(new Set(sample).size).toBe(sample.length);
          expect(sample.every((drawn) => people.includes(drawn))).toBe(true);
        },
      ),
    );
  });

  it("draws the same sample from the same randomness, and leaves the population as it was", () => {
    const people = ["ana", "bo", "cy", "di", "ed", "fe", "gu", "ha"];
    const copy = [...people];
    expect(drawSample(people, 50, seeded(7))).toEqual(drawSample(people, 50, seeded(7)));
    expect(people).toEqual(copy);
  });

  it("reaches every person over many draws (no one is left out by the method)", () => {
    const people = ["ana", "bo", "cy", "di", "ed"];
    const random = seeded(42);
    const seen = new Set(Array.from({ length: 200 }, () => drawSample(people, 20, random)).flat());
    expect(seen).toEqual(new Set(people));
  });
});

const portfolio = storedPortfolioSchema.parse({
  training: [
    { id: "t-before", title: "Old", date: "2025-12-31", clockHours: 5 },
    { id: "t-first", title: "First day", date: "2026-01-01", clockHours: 6 },
    { id: "t-due", title: "Due day", date: "2026-12-31", clockHours: 7 },
  ],
  reflectiveSupervision: [{ id: "r1", date: "2026-05-01", hours: 2, direction: "received", format: "individual", provider: { name: "Rosa" } }],
});

describe("entriesOfPeriod", () => {
  it("names the self-reported hour entries from the day after the previous due date through the due date", () => {
    expect(periodOf("2026-12-31")).toEqual({ start: "2026-01-01", end: "2026-12-31" });
    expect(entriesOfPeriod(portfolio, "2026-12-31").map(({ list, entry }) => `${list}/${entry.id}`)).toEqual([
      "training/t-first",
      "training/t-due",
      "reflectiveSupervision/r1",
    ]);
  });
});

describe("withoutDisallowed", () => {
  it("leaves out the entries disallowed whole and keeps the rest", () => {
    const judged = withoutDisallowed(
      portfolio,
      new Map([
        ["t-due", null],
        ["r1", null],
      ]),
    );
    expect(judged.training.map((entry) => entry.id)).toEqual(["t-before", "t-first"]);
    expect(judged.reflectiveSupervision).toEqual([]);
    expect(portfolio.training).toHaveLength(3);
  });

  it("gives back the same portfolio when nothing is disallowed", () => {
    expect(withoutDisallowed(portfolio, new Map())).toBe(portfolio);
  });

  it.each([
    { entry: { clockHours: 7 }, allowed: 4, judged: { clockHours: 4 } },
    { entry: { academicCourseHours: 3 }, allowed: 1.5, judged: { academicCourseHours: 1.5 } },
    // Both kinds of hours, cut in the same proportion as the clock hours the audit showed.
    { entry: { clockHours: 10, academicCourseHours: 2 }, allowed: 5, judged: { clockHours: 5, academicCourseHours: 1 } },
    // The person lowered the entry after the audit below what was allowed: it stays as they have it.
    { entry: { clockHours: 3 }, allowed: 4, judged: { clockHours: 3 } },
  ])("keeps only the hours allowed of a training entry disallowed in part: $entry, $allowed allowed", ({ entry, allowed, judged }) => {
    const training = storedPortfolioSchema.parse({ training: [{ id: "t", title: "Course", date: "2026-03-01", ...entry }] });
    const allowance = { hours: allowed, field: reportedField(entry)! };
    expect(withoutDisallowed(training, new Map([["t", allowance]])).training[0]).toMatchObject(judged);
  });

  it.each([
    { audited: "clockHours" as const, now: { academicCourseHours: 5 } },
    { audited: "academicCourseHours" as const, now: { clockHours: 30, academicCourseHours: 2 } },
  ])("leaves out an entry whose hours are now in another field than the audit saw ($audited, now $now)", ({ audited, now }) => {
    const training = storedPortfolioSchema.parse({ training: [{ id: "t", title: "Course", date: "2026-03-01", ...now }] });
    expect(withoutDisallowed(training, new Map([["t", { hours: 6, field: audited }]])).training).toEqual([]);
  });

  it("keeps only the hours allowed of an RS/C entry disallowed in part, with the rest of the entry as it was", () => {
    const judged = withoutDisallowed(portfolio, new Map([["r1", { hours: 1.25, field: "hours" as const }]]));
    expect(judged.reflectiveSupervision).toEqual([{ ...portfolio.reflectiveSupervision[0], hours: 1.25 }]);
  });

  it("never counts more hours than the portfolio reports, nor more than an entry's allowance", () => {
    const hours = fc.integer({ min: 1, max: 4000 }).map((quarters) => quarters / 4);
    fc.assert(
      fc.property(fc.array(hours, { minLength: 1, maxLength: 8 }), fc.array(fc.option(hours), { maxLength: 8 }), (reported, allowances) => {
        const training = storedPortfolioSchema.parse({
          training: reported.map((clockHours, index) => ({ id: `t${index}`, title: "Course", date: "2026-03-01", clockHours })),
        });
        const disallowed = new Map(
          allowances
            .slice(0, reported.length)
            .map((allowed, index) => [`t${index}`, allowed === null ? null : { hours: allowed, field: "clockHours" as const }]),
        );
        const judged = withoutDisallowed(training, disallowed);
        for (const entry of judged.training) {
          const index = Number(entry.id.slice(1));
          expect(entry.clockHours!).toBeLessThanOrEqual(reported[index]!);
          const allowance = disallowed.get(entry.id);
          expect(allowance).not.toBeNull();
          if (allowance) expect(entry.clockHours!).toBeLessThanOrEqual(allowance.hours);
        }
        expect(judged.training.length).toBe(reported.length - [...disallowed.values()].filter((allowed) => allowed === null).length);
      }),
    );
  });
});

describe("strictestAllowance", () => {
  const clock = (hours: number) => ({ hours, field: "clockHours" as const });
  it.each([
    [null, clock(3), null],
    [clock(3), null, null],
    [clock(2), clock(5), clock(2)],
    [clock(5), clock(2), clock(2)],
  ])("of %o and %o is %o", (a, b, expected) => {
    expect(strictestAllowance(a, b)).toEqual(expected);
  });
});
