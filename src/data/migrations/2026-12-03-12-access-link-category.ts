import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // What a rating is for: the category the applicant seeks, and through which association (none when they belong to none).
    // Links made before have neither: their form asks what every category shares.
    `alter table access_links add column category_id text`,
    `alter table access_links add column association_id uuid references associations (id) on delete set null`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["alter table access_links drop column association_id", "alter table access_links drop column category_id"]);
}
