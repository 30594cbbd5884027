import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // An association's public registry: its active credentials whose holders chose to be listed.
    `create index credentials_registry on credentials (association_id) where status = 'active' and published @> '["registry"]'`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop index credentials_registry"]);
}
