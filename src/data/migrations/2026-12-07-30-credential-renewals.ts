import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

const day = (column: string) => `${column} text not null check (${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // One renewal per credential and period (the period named by its due date): the holder's attestations with
    // their time, the engine's report on the hours as it stood, the fee owed. Staff record the fee received.
    `create table credential_renewals (
      id uuid primary key default gen_random_uuid(),
      credential_id uuid not null references credentials (id) on delete cascade,
      association_id uuid not null references associations (id) on delete cascade,
      ${day("period_due")},
      ${day("next_due")},
      ${day("renewed_on")},
      report jsonb not null,
      fee_cents integer not null check (fee_cents >= 0),
      late_fee boolean not null,
      ethics_signed_at timestamptz not null,
      no_sanction_attested_at timestamptz not null,
      by_exception boolean not null default false,
      status text not null default 'fee-due' check (status in ('fee-due', 'fee-received')),
      fee_received_at timestamptz,
      fee_recorded_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      unique (credential_id, period_due),
      check ((status = 'fee-received') = (fee_received_at is not null))
    )`,
    `create index credential_renewals_of_period on credential_renewals (association_id, period_due, created_at desc, id desc)`,
    // Staff's documented exception: the period's renewal is taken with hours short.
    `create table renewal_exceptions (
      id uuid primary key default gen_random_uuid(),
      credential_id uuid not null references credentials (id) on delete cascade,
      ${day("period_due")},
      reason text not null check (char_length(reason) between 1 and 2000),
      granted_by uuid references users (id) on delete set null,
      granted_at timestamptz not null default now(),
      unique (credential_id, period_due)
    )`,
    // A removed credential's holder asks to be reinstated; staff approve once three new ratings are in.
    `create table credential_reinstatements (
      id uuid primary key default gen_random_uuid(),
      credential_id uuid not null references credentials (id) on delete cascade,
      association_id uuid not null references associations (id) on delete cascade,
      ${day("requested_on")},
      membership_attested_at timestamptz not null,
      fee_cents integer not null check (fee_cents >= 0),
      fee_received_at timestamptz,
      fee_recorded_by uuid references users (id) on delete set null,
      status text not null default 'requested' check (status in ('requested', 'approved')),
      approved_by uuid references users (id) on delete set null,
      approved_at timestamptz,
      created_at timestamptz not null default now(),
      check ((status = 'approved') = (approved_at is not null))
    )`,
    `create unique index credential_reinstatements_one_open on credential_reinstatements (credential_id) where status = 'requested'`,
    `create index credential_reinstatements_of_association on credential_reinstatements (association_id, status, created_at desc, id desc)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table credential_reinstatements", "drop table renewal_exceptions", "drop table credential_renewals"]);
}
