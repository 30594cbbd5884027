import { findPortfolioForUpdate, writePortfolio } from "../../data/portfolios.ts";
import type { Db } from "../../data/database.ts";
import type { Portfolio } from "../../domain/portfolio-schema.ts";

export type ServiceRole = Portfolio["reviewerHours"][number]["role"];

/**
 * Records time given to the association (a review, an exam rating, an advisory review) in the
 * person's portfolio as service hours, which renewal credits up to the framework's limit. Only
 * commands write these entries: no form or import carries them (they are not an entry list).
 * One entry per piece of work (`workId`): recording it again replaces the hours, never adds.
 */
export async function creditServiceHours(tx: Db, userId: string, service: { workId: string; role: ServiceRole; date: string; hours: number }, now: Date) {
  const portfolio = await findPortfolioForUpdate(tx, userId);
  const id = `service-${service.workId}`;
  const entry = { id, date: service.date, hours: service.hours, role: service.role };
  const others = portfolio.reviewerHours.filter((existing) => existing.id !== id);
  await writePortfolio(tx, userId, { ...portfolio, reviewerHours: service.hours > 0 ? [...others, entry] : others }, now);
}
