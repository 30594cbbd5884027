import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawSample, entriesOfPeriod, periodOf, sampleSize, withoutDisallowed } from "../../src/domain/hour-audits.ts";
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
  it("leaves out the disallowed entries and keeps the rest", () => {
    const judged = withoutDisallowed(portfolio, new Set(["t-due", "r1"]));
    expect(judged.training.map((entry) => entry.id)).toEqual(["t-before", "t-first"]);
    expect(judged.reflectiveSupervision).toEqual([]);
    expect(portfolio.training).toHaveLength(3);
  });

  it("gives back the same portfolio when nothing is disallowed", () => {
    expect(withoutDisallowed(portfolio, new Set())).toBe(portfolio);
  });
});
