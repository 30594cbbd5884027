import type { Db } from "../data/database.ts";
import { pingDatabase } from "../data/health.ts";

/** For /healthz: true when the database answers. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await pingDatabase(db);
    return true;
  } catch {
    return false;
  }
}
