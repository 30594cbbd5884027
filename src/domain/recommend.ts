import type { Framework } from "./framework-schema.ts";
import type { Portfolio } from "./portfolio-schema.ts";
import { evaluate } from "./evaluate.ts";
import { preparePortfolio } from "./prepare-portfolio.ts";
import type { EligibilityReport, Status } from "./report.ts";

export type Recommendation = {
  category: EligibilityReport["category"];
  status: Status;
  progress: number;
  /** Requirements still unmet or partly met, to apply. */
  remaining: number;
  report: EligibilityReport;
};

const statusRank: Record<Status, number> = { met: 3, "needs-review": 2, "partly-met": 1, unmet: 0 };

/**
 * Every category of the framework, closest first: met, then most progress on the requirements
 * that have numbers (one waiting for a person's review, or for a figure the association sets,
 * says nothing of closeness), then fewest requirements left.
 */
export function recommend(framework: Framework, portfolio: Portfolio, asOf: string): Recommendation[] {
  const prepared = preparePortfolio(portfolio);
  return framework.categories
    .map((category) => {
      const report = evaluate(framework, category, prepared, asOf);
      const toApply = report.requirements.filter((r) => r.stage === "application");
      const remaining = toApply.filter((r) => r.status === "unmet" || r.status === "partly-met").length;
      const judged = toApply.filter((r) => r.status !== "needs-review");
      const closeness = judged.length === 0 ? 1 : judged.reduce((sum, r) => sum + r.progress, 0) / judged.length;
      return { category: report.category, status: report.status, progress: report.progress, remaining, closeness, report };
    })
    .sort(
      (a, b) =>
        statusRank[b.status] - statusRank[a.status] || b.closeness - a.closeness || a.remaining - b.remaining || a.category.id.localeCompare(b.category.id),
    )
    .map(({ closeness: _closeness, ...recommendation }) => recommendation);
}
