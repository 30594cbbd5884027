import { sql } from "kysely";
import type { Db } from "./database.ts";

/**
 * Counts one hit against `key` in a fixed window and returns the count so far. Kept in the
 * database (one upsert) so every process of a PostgreSQL deployment shares the same limits.
 */
export async function recordHit(db: Db, key: string, windowMs: number, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - windowMs);
  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_started_at: now, hits: 1 })
    .onConflict((conflict) =>
      conflict.column("key").doUpdateSet({
        hits: sql<number>`case when rate_limits.window_started_at <= ${windowStart} then 1 else rate_limits.hits + 1 end`,
        window_started_at: sql<Date>`case when rate_limits.window_started_at <= ${windowStart} then ${now} else rate_limits.window_started_at end`,
      }),
    )
    .returning(["hits"])
    .executeTakeFirstOrThrow();
  return row.hits;
}

/** Takes one hit back (a try that turned out not to count, such as a right password). */
export async function takeBackHit(db: Db, key: string) {
  await db
    .updateTable("rate_limits")
    .set({ hits: sql<number>`greatest(rate_limits.hits - 1, 0)` })
    .where("key", "=", key)
    .execute();
}

export async function clearHits(db: Db, key: string) {
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}

export async function deleteStaleHits(db: Db, windowStartedBefore: Date) {
  await db.deleteFrom("rate_limits").where("window_started_at", "<", windowStartedBefore).execute();
}
