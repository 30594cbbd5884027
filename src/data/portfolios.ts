import { sql } from "kysely";
import { type Portfolio, storedPortfolioSchema } from "../domain/portfolio-schema.ts";
import type { Db } from "./database.ts";
import { announceCredentialChanges } from "./public-data-notices.ts";
import { RecentPortfolios } from "./recent-portfolios.ts";

export const emptyPortfolio = (): Portfolio => storedPortfolioSchema.parse({});

/** How many people's portfolios a process keeps read and checked (a long one is about 150 KB in memory). */
const recentPortfolioCount = 500;
const recentByDatabase = new WeakMap<Db, RecentPortfolios>();

/**
 * The person's portfolio, or an empty one; `version` guards against two tabs saving over each other.
 * Outside a transaction the answer is shared and frozen: a page reads it, a command locks and
 * reads its own copy (`findPortfolioForUpdate`). The stored document is checked once per version.
 */
export async function findPortfolio(db: Db, userId: string): Promise<{ portfolio: Portfolio; version: number }> {
  let recent = recentByDatabase.get(db);
  if (!recent && !db.isTransaction) recentByDatabase.set(db, (recent = new RecentPortfolios(recentPortfolioCount)));
  const known = recent?.get(userId);
  const row = await db
    .selectFrom("portfolios")
    .select("version")
    // The document (tens of kilobytes) travels only when this process has not read that version.
    .select(known ? sql<unknown>`case when version = ${known.version} then null else document end`.as("document") : "document")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!row) return { portfolio: emptyPortfolio(), version: 0 };
  if (known && row.document === null) return { portfolio: known.portfolio, version: known.version };
  const portfolio = storedPortfolioSchema.parse(row.document);
  return { portfolio: recent ? recent.set(userId, row.version, portfolio) : portfolio, version: row.version };
}

/** Locks the row for the rest of the transaction, so read-modify-write cannot lose a concurrent change. */
export async function findPortfolioForUpdate(db: Db, userId: string): Promise<Portfolio> {
  await db.insertInto("portfolios").values({ user_id: userId, document: JSON.stringify(emptyPortfolio()) }).onConflict((c) => c.doNothing()).execute();
  const row = await db.selectFrom("portfolios").select("document").where("user_id", "=", userId).forUpdate().executeTakeFirstOrThrow();
  return storedPortfolioSchema.parse(row.document);
}

/** Also announces the holder's credentials: their verification pages show the employer the portfolio names. */
export async function writePortfolio(db: Db, userId: string, portfolio: Portfolio, now: Date) {
  await db
    .updateTable("portfolios")
    .set({ document: JSON.stringify(portfolio), version: sql<number>`version + 1`, updated_at: now })
    .where("user_id", "=", userId)
    .execute();
  await announceCredentialChanges(db, { holderId: userId });
}
