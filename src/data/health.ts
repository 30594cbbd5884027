import { sql } from "kysely";
import type { Db } from "./database.ts";

/** One round trip, for health checks; throws when the database does not answer. */
export async function pingDatabase(db: Db) {
  await sql`select 1`.execute(db);
}
