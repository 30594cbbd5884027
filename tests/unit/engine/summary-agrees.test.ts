import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generatePortfolio } from "../../../bench/generate-portfolios.ts";
import { evaluate, isInForce, type Stage } from "../../../src/domain/evaluate.ts";
import { addMonths, toDay, toIso } from "../../../src/domain/dates.ts";
import type { Framework, Requirement } from "../../../src/domain/framework-schema.ts";
import type { Portfolio } from "../../../src/domain/portfolio-schema.ts";
import { compilePortfolio } from "../../../src/domain/summary/compile-portfolio.ts";
import { summarizeCategory, summarizeFramework } from "../../../src/domain/summary/summarize.ts";
import { arbitraryPortfolio } from "./arbitrary-portfolio.ts";
import { frameworks } from "./fixtures.ts";
import { hasThreshold, synthesize } from "./synthesize-portfolio.ts";

const runs = { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) };
const stages: Stage[] = ["application", "all"];

/** The summary of every category says what the full report says: the same status and progress, overall and per requirement. */
function expectAgreement(framework: Framework, portfolio: Portfolio, asOf: string) {
  const compiled = compilePortfolio(portfolio);
  for (const stage of stages) {
    const summaries = summarizeFramework(framework, compiled, asOf, stage);
    framework.categories.forEach((category, index) => {
      const report = evaluate(framework, category, portfolio, asOf, stage);
      const summary = summaries[index]!;
      const where = `${framework.id}/${category.id} (${stage}) on ${asOf}`;
      expect(summary.category.id, where).toBe(category.id);
      expect(summary.status, where).toBe(report.status);
      expect(summary.progress, where).toBeCloseTo(report.progress, 9);
      expect(
        summary.requirements.map((requirement) => requirement.id),
        where,
      ).toEqual(report.requirements.map((requirement) => requirement.id));
      report.requirements.forEach((requirement, at) => {
        expect(summary.requirements[at]!.status, `${where}: ${requirement.id}`).toBe(requirement.status);
        expect(summary.requirements[at]!.progress, `${where}: ${requirement.id}`).toBeCloseTo(requirement.progress, 9);
      });
    });
  }
}

/** A framework asking for recent training and RS/C only, as an association may (`withinMonths`). */
function withRecency(framework: Framework, months: number): Framework {
  const recent = (requirement: Requirement): Requirement =>
    requirement.kind === "training" || requirement.kind === "rsc-received" || requirement.kind === "rsc-provided"
      ? { ...requirement, withinMonths: months }
      : requirement.kind === "any-of"
        ? { ...requirement, options: requirement.options.map(recent) }
        : requirement;
  return {
    ...framework,
    id: `${framework.id}-recent`,
    categories: framework.categories.map((category) => ({ ...category, requirements: category.requirements.map(recent) })),
  };
}

describe("the summary path agrees with the full report", () => {
  it("for generated portfolios, every category of every framework, on several dates", () => {
    fc.assert(
      fc.property(arbitraryPortfolio, fc.constantFrom("2019-03-31", "2022-02-28", "2025-06-30", "2026-12-31"), (portfolio, asOf) => {
        for (const framework of frameworks) expectAgreement(framework, portfolio, asOf);
      }),
      runs,
    );
  });

  it("for long portfolios like the benchmark's (years of training and sessions)", () => {
    for (let seed = 1; seed <= 60; seed++) {
      for (const framework of frameworks) expectAgreement(framework, generatePortfolio(seed), "2025-06-30");
    }
  });

  it("at each category's thresholds: met exactly, and just under on each requirement", () => {
    const asOf = "2025-06-30";
    for (const framework of frameworks) {
      for (const category of framework.categories) {
        const inForce = (requirement: Parameters<typeof isInForce>[0]) => isInForce(requirement, 20_269);
        expectAgreement(framework, synthesize(category, asOf, inForce), asOf);
        for (const requirement of category.requirements.filter(inForce).filter(hasThreshold)) {
          expectAgreement(framework, synthesize(category, asOf, inForce, requirement.id), asOf);
        }
      }
    }
  });

  it("on the days a dated entry turns a year old (ratings, the code of ethics, recency an association may ask for), and the day before", () => {
    const recent = withRecency(
      frameworks.find((framework) => framework.id === "alliance-iecmh-e")!,
      12,
    );
    fc.assert(
      fc.property(arbitraryPortfolio, fc.nat(), fc.constantFrom(0, -1, 1), (portfolio, pick, shift) => {
        const dates = [
          ...portfolio.training.map((entry) => entry.date),
          ...portfolio.reflectiveSupervision.map((entry) => entry.date),
          ...portfolio.references.flatMap((entry) => (entry.completed ? [entry.completed] : [])),
          ...(portfolio.attestations.codeOfEthicsSigned ? [portfolio.attestations.codeOfEthicsSigned] : []),
        ];
        if (dates.length === 0) return;
        const asOf = toIso(addMonths(toDay(dates[pick % dates.length]!), 12) + shift);
        for (const framework of [...frameworks, recent]) expectAgreement(framework, portfolio, asOf);
      }),
      runs,
    );
  });

  it("summarises one category as the framework's summary does", () => {
    const portfolio = generatePortfolio(7);
    for (const framework of frameworks) {
      const all = summarizeFramework(framework, portfolio, "2025-06-30");
      for (const summary of all) {
        const one = summarizeCategory(framework, summary.category.id, portfolio, "2025-06-30");
        expect({ ...one, requirements: one.requirements }).toEqual({ ...summary, requirements: summary.requirements });
      }
    }
  });
});
