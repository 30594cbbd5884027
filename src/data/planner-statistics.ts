import { sql } from "kysely";
import type { Db } from "./database.ts";

/**
 * Refreshes what the query planner knows of each table (row counts, value spread). PostgreSQL's
 * autovacuum does this by itself; the embedded PGlite runs no autovacuum, so without it a table
 * that grew from empty still looks empty, and a page of 50 rows is read by sorting all of them.
 */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  await sql`analyze`.execute(db);
}
