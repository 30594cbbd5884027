import type { Db } from "../data/database.ts";
import type { Framework } from "../domain/framework-schema.ts";

/** What a read needs: the database, the clock (a link's expiry), and the published rules. */
export type QueryContext = {
  db: Db;
  now: () => Date;
  frameworks: readonly Framework[];
};
