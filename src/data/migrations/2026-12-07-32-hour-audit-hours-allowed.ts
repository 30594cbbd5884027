import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // A disallowance in part: how many of the entry's hours still count (the evidence shows fewer than
    // were reported). Null with "disallowed": none count. Only a disallowance has it.
    `alter table hour_audit_entries add column hours_allowed numeric(7, 2) check (hours_allowed > 0 and hours_allowed <= 10000)`,
    `alter table hour_audit_entries add constraint hour_audit_entries_hours_allowed_when_disallowed check (hours_allowed is null or determination is not distinct from 'disallowed')`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["alter table hour_audit_entries drop column hours_allowed"]);
}
