import { sql } from "kysely";
import { type Portfolio, storedPortfolioSchema } from "../domain/portfolio-schema.ts";
import type { Db } from "./database.ts";

export const emptyPortfolio = (): Portfolio => storedPortfolioSchema.parse({});

/** The person's portfolio, or an empty one; `version` guards against two tabs saving over each other. */
export async function findPortfolio(db: Db, userId: string): Promise<{ portfolio: Portfolio; version: number }> {
  const row = await db.selectFrom("portfolios").select(["document", "version"]).where("user_id", "=", userId).executeTakeFirst();
  if (!row) return { portfolio: emptyPortfolio(), version: 0 };
  return { portfolio: storedPortfolioSchema.parse(row.document), version: row.version };
}

/** Locks the row for the rest of the transaction, so read-modify-write cannot lose a concurrent change. */
export async function findPortfolioForUpdate(db: Db, userId: string): Promise<Portfolio> {
  await db.insertInto("portfolios").values({ user_id: userId, document: JSON.stringify(emptyPortfolio()) }).onConflict((c) => c.doNothing()).execute();
  const row = await db.selectFrom("portfolios").select("document").where("user_id", "=", userId).forUpdate().executeTakeFirstOrThrow();
  return storedPortfolioSchema.parse(row.document);
}

export async function writePortfolio(db: Db, userId: string, portfolio: Portfolio, now: Date) {
  await db
    .updateTable("portfolios")
    .set({ document: JSON.stringify(portfolio), version: sql<number>`version + 1`, updated_at: now })
    .where("user_id", "=", userId)
    .execute();
}
