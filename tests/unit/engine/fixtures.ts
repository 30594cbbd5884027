import { expect } from "vitest";
import { evaluate } from "../../../src/domain/evaluate.ts";
import { type PortfolioInput, portfolioSchema } from "../../../src/domain/portfolio-schema.ts";
import { summarizeCategory } from "../../../src/domain/summary/summarize.ts";
import { loadFrameworks } from "../../../src/frameworks/load-frameworks.ts";

export const frameworks = loadFrameworks();
export const alliance = frameworks.find((framework) => framework.id === "alliance-iecmh-e")!;
export const california = frameworks.find((framework) => framework.id === "california-ifecmh")!;

export const portfolio = (input: PortfolioInput) => portfolioSchema.parse(input);

export function categoryOf(framework: typeof alliance, id: string) {
  const category = framework.categories.find((candidate) => candidate.id === id);
  if (!category) throw new Error(`no category ${id}`);
  return category;
}

/**
 * The report of one requirement of a category for a portfolio. Every rule table reads its cases
 * through here, so each case also checks that the summary path judges the requirement alike.
 */
export function requirementReport(framework: typeof alliance, categoryId: string, requirementId: string, input: PortfolioInput, asOf: string) {
  const parsed = portfolio(input);
  const report = evaluate(framework, categoryOf(framework, categoryId), parsed, asOf);
  const found = report.requirements.find((requirement) => requirement.id === requirementId);
  if (!found) throw new Error(`${categoryId} has no requirement ${requirementId} on ${asOf}`);
  const summary = summarizeCategory(framework, categoryId, parsed, asOf).requirements.find((requirement) => requirement.id === requirementId);
  expect({ status: summary?.status, progress: summary?.progress.toFixed(9) }, `the summary of ${categoryId}/${requirementId}`).toEqual({
    status: found.status,
    progress: found.progress.toFixed(9),
  });
  return found;
}

export const imhsProvider = { name: "Dr. Lee", credentials: [{ framework: "alliance-iecmh-e", category: "imhs", earned: "2010-01-01" }] };
export const imhmProvider = { name: "Dr. Ruiz", credentials: [{ framework: "alliance-iecmh-e", category: "imhm-c", earned: "2010-01-01" }] };
