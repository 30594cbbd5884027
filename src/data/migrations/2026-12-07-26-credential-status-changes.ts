import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Every status a credential has had, in order: issue (from null), staff actions, the daily job's
    // lapse and removal, renewal and reinstatement. The verification page shows the latest one's date.
    `create table credential_status_changes (
      id uuid primary key default gen_random_uuid(),
      credential_id uuid not null references credentials (id) on delete cascade,
      from_status text check (from_status in ('active', 'lapsed', 'suspended', 'revoked', 'removed', 'transferred')),
      to_status text not null check (to_status in ('active', 'lapsed', 'suspended', 'revoked', 'removed', 'transferred')),
      -- The day it took effect in the association's time zone, as the verification page says it.
      effective_on text not null check (effective_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      -- Null when the system made the change (the daily renewal job).
      changed_by uuid references users (id) on delete set null,
      reason text check (char_length(reason) <= 2000),
      changed_at timestamptz not null default now()
    )`,
    `create index credential_status_changes_of_credential on credential_status_changes (credential_id, changed_at, id)`,
    // Credentials issued before this table: their issue is their first status.
    `insert into credential_status_changes (credential_id, from_status, to_status, effective_on, changed_at)
      select id, null, 'active', issued_on, created_at from credentials`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table credential_status_changes"]);
}
