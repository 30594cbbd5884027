import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Each renewal reminder the daily job sent: once per credential, period (its due date) and kind,
    // recorded in the transaction that queues its mail, so a second run or a restart sends nothing twice.
    `create table credential_renewal_reminders (
      credential_id uuid not null references credentials (id) on delete cascade,
      due_date text not null check (due_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      kind text not null check (kind in ('due-in-60', 'due-in-30', 'due-in-7', 'lapsed', 'removal-soon')),
      sent_at timestamptz not null default now(),
      primary key (credential_id, due_date, kind)
    )`,
    // The daily job reads only the credentials it may move or remind, in due-date order.
    `create index credentials_renewal_work on credentials (renewal_due, id) where status in ('active', 'lapsed')`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop index credentials_renewal_work", "drop table credential_renewal_reminders"]);
}
