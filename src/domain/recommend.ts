import { toDay } from "./dates.ts";
import type { Framework } from "./framework-schema.ts";
import type { Portfolio } from "./portfolio-schema.ts";
import type { Status } from "./report.ts";
import { shareWithinAges } from "./requirements/work.ts";
import type { CompiledPortfolio } from "./summary/compile-portfolio.ts";
import { type CategorySummary, summarizeFramework } from "./summary/summarize.ts";

export type Recommendation = Pick<CategorySummary, "category" | "status" | "progress" | "remaining">;

const statusRank: Record<Status, number> = { met: 3, "needs-review": 2, "partly-met": 1, unmet: 0 };
const bands = { infant: { fromMonths: 0, toMonths: 36 }, "early-childhood": { fromMonths: 37, toMonths: 71 } } as const;

/**
 * The age track most of a person's work is in, by days worked times the share of each job's ages
 * in the band (as the work rules count it); null without work that says its ages, or on a tie.
 */
function trackOfWork(work: Portfolio["work"], asOf: string): keyof typeof bands | null {
  const today = toDay(asOf);
  const days = { infant: 0, "early-childhood": 0 };
  for (const job of work) {
    const start = toDay(job.start);
    if (!job.ages || start > today) continue;
    const worked = Math.min(job.end ? toDay(job.end) : today, today) - start + 1;
    for (const track of ["infant", "early-childhood"] as const) days[track] += worked * shareWithinAges(job.ages.fromMonths, job.ages.toMonths, bands[track]);
  }
  return days.infant > days["early-childhood"] ? "infant" : days["early-childhood"] > days.infant ? "early-childhood" : null;
}

/**
 * Every category of the framework, closest first: met, then (within a status) the categories of
 * the age track most of the person's work is in before the other track's twins, then most
 * progress on the requirements that have numbers (one waiting for a person's review, or for a
 * figure the association sets, says nothing of closeness), then fewest requirements left, then
 * the framework's own order. Ranked from the summary path: no category is explained here, only placed.
 */
export function recommend(framework: Framework, portfolio: Portfolio | CompiledPortfolio, asOf: string): Recommendation[] {
  const track = trackOfWork("source" in portfolio ? portfolio.source.work : portfolio.work, asOf);
  const order = new Map(framework.categories.map((category, index) => [category.id, index]));
  const trackOf = new Map(framework.categories.map((category) => [category.id, category.track]));
  // The other track's categories go after; a category of no track (an add-on, another framework's) is not held back.
  const isOtherTrack = (id: string) => track !== null && trackOf.get(id) !== undefined && trackOf.get(id) !== track;
  return summarizeFramework(framework, portfolio, asOf)
    .sort(
      (a, b) =>
        statusRank[b.status] - statusRank[a.status] ||
        Number(isOtherTrack(a.category.id)) - Number(isOtherTrack(b.category.id)) ||
        b.closeness - a.closeness ||
        a.remaining - b.remaining ||
        order.get(a.category.id)! - order.get(b.category.id)!,
    )
    .map(({ category, status, progress, remaining }) => ({ category, status, progress, remaining }));
}
