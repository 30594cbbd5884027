import type { Framework } from "./framework-schema.ts";
import type { Portfolio } from "./portfolio-schema.ts";
import type { Status } from "./report.ts";
import type { CompiledPortfolio } from "./summary/compile-portfolio.ts";
import { type CategorySummary, summarizeFramework } from "./summary/summarize.ts";

export type Recommendation = Pick<CategorySummary, "category" | "status" | "progress" | "remaining">;

const statusRank: Record<Status, number> = { met: 3, "needs-review": 2, "partly-met": 1, unmet: 0 };

/**
 * Every category of the framework, closest first: met, then most progress on the requirements
 * that have numbers (one waiting for a person's review, or for a figure the association sets,
 * says nothing of closeness), then fewest requirements left. Ranked from the summary path: no
 * category is explained here, only placed.
 */
export function recommend(framework: Framework, portfolio: Portfolio | CompiledPortfolio, asOf: string): Recommendation[] {
  return summarizeFramework(framework, portfolio, asOf)
    .sort(
      (a, b) =>
        statusRank[b.status] - statusRank[a.status] || b.closeness - a.closeness || a.remaining - b.remaining || a.category.id.localeCompare(b.category.id),
    )
    .map(({ category, status, progress, remaining }) => ({ category, status, progress, remaining }));
}
