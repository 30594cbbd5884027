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

/** Every category of the framework, closest first: met, then fewest requirements left, then most progress. */
export function recommend(framework: Framework, portfolio: Portfolio, asOf: string): Recommendation[] {
  const prepared = preparePortfolio(portfolio);
  return framework.categories
    .map((category) => {
      const report = evaluate(framework, category, prepared, asOf);
      const remaining = report.requirements.filter((r) => r.stage === "application" && (r.status === "unmet" || r.status === "partly-met")).length;
      return { category: report.category, status: report.status, progress: report.progress, remaining, report };
    })
    .sort(
      (a, b) =>
        statusRank[b.status] - statusRank[a.status] ||
        a.remaining - b.remaining ||
        b.progress - a.progress ||
        a.category.id.localeCompare(b.category.id),
    );
}
