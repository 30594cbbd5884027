import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // One link asks one provider or supervisor to confirm several entries at once (decision 020).
    `alter table access_links drop constraint access_links_purpose_check`,
    `alter table access_links add constraint access_links_purpose_check check (purpose in ('reference', 'verify-entry', 'confirm-entries'))`,
    // The entries a confirm-entries link was sent for, fixed when it was sent: an entry added later needs a new request.
    `create table access_link_entries (
      link_id uuid not null references access_links (id) on delete cascade,
      entry_id text not null,
      primary key (link_id, entry_id)
    )`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    "drop table access_link_entries",
    "delete from access_links where purpose = 'confirm-entries'",
    "alter table access_links drop constraint access_links_purpose_check",
    "alter table access_links add constraint access_links_purpose_check check (purpose in ('reference', 'verify-entry'))",
  ]);
}
