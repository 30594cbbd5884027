import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../../src/domain/evaluate.ts";
import type { Portfolio } from "../../../src/domain/portfolio-schema.ts";
import { arbitraryEntry, arbitraryPortfolio, withEntry } from "./arbitrary-portfolio.ts";
import { frameworks } from "./fixtures.ts";

const asOf = "2025-06-30";
// Categories are drawn by name, so a failure prints "alliance-iecmh-e/ifs", not the whole framework.
const pairs = new Map(
  frameworks.flatMap((framework) => framework.categories.map((category) => [`${framework.id}/${category.id}`, { framework, category }] as const)),
);
const arbitraryPair = fc.constantFrom(...pairs.keys()).map((name) => pairs.get(name)!);
const runs = { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) };

function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = (seed * (index + 7)) % (index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

describe("engine properties, over every category of every framework", () => {
  it("adding an entry never lowers progress", () => {
    fc.assert(
      fc.property(arbitraryPair, arbitraryPortfolio, arbitraryEntry, ({ framework, category }, portfolio, added) => {
        const before = evaluate(framework, category, portfolio, asOf);
        const after = evaluate(framework, category, withEntry(portfolio, added), asOf);
        expect(after.progress).toBeGreaterThanOrEqual(before.progress - 1e-9);
        before.requirements.forEach((requirement, index) => {
          expect(after.requirements[index]!.progress, requirement.id).toBeGreaterThanOrEqual(requirement.progress - 1e-9);
        });
      }),
      runs,
    );
  });

  it("the order of entries does not change the result", () => {
    fc.assert(
      fc.property(arbitraryPair, arbitraryPortfolio, fc.integer({ min: 1, max: 1000 }), ({ framework, category }, portfolio, seed) => {
        const reordered: Portfolio = {
          ...portfolio,
          education: shuffled(portfolio.education, seed),
          work: shuffled(portfolio.work, seed),
          training: shuffled(portfolio.training, seed),
          reflectiveSupervision: shuffled(portfolio.reflectiveSupervision, seed),
          references: shuffled(portfolio.references, seed),
        };
        expect(evaluate(framework, category, reordered, asOf)).toEqual(evaluate(framework, category, portfolio, asOf));
      }),
      runs,
    );
  });

  it("never counts an hour twice", () => {
    fc.assert(
      fc.property(arbitraryPair, arbitraryPortfolio, ({ framework, category }, portfolio) => {
        const report = evaluate(framework, category, portfolio, asOf);
        const hoursOf = new Map([
          ...portfolio.training.map((t) => [t.id, t.clockHours ?? 0] as const),
          ...portfolio.reflectiveSupervision.map((s) => [s.id, s.hours] as const),
        ]);
        for (const requirement of report.requirements) {
          const totals = new Map<string, number>();
          for (const item of requirement.counted) totals.set(item.entryId, (totals.get(item.entryId) ?? 0) + item.amount);
          for (const [entryId, total] of totals) {
            if (hoursOf.has(entryId)) expect(total, `${requirement.id}/${entryId}`).toBeLessThanOrEqual(hoursOf.get(entryId)! + 1e-9);
          }
          if (requirement.kind !== "training") expect(new Set(requirement.counted.map((item) => item.entryId)).size).toBe(requirement.counted.length);
          const excluded = new Set(requirement.excluded.map((item) => item.entryId));
          for (const item of requirement.counted) expect(excluded.has(item.entryId)).toBe(false);
        }
      }),
      runs,
    );
  });

  it("is idempotent and leaves its input untouched", () => {
    fc.assert(
      fc.property(arbitraryPair, arbitraryPortfolio, ({ framework, category }, portfolio) => {
        const frozen = deepFreeze(structuredClone(portfolio));
        const first = evaluate(framework, category, frozen, asOf);
        expect(evaluate(framework, category, frozen, asOf)).toEqual(first);
        expect(frozen).toEqual(portfolio);
      }),
      runs,
    );
  });
});
