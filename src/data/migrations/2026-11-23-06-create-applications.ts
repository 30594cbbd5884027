import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table associations add column application_fee_cents integer check (application_fee_cents >= 0)`,
    `create table applications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      association_id uuid not null references associations (id) on delete cascade,
      framework_id text not null,
      category_id text not null,
      status text not null check (status in ('draft', 'submitted', 'withdrawn')),
      fee_cents integer,
      fee_paid_at timestamptz,
      attested_at timestamptz,
      submitted_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index applications_user on applications (user_id, created_at)`,
    `create index applications_association on applications (association_id, status)`,
    // What reviewers see: the portfolio and the engine's report as they were on submission, hash-linked.
    `create table application_snapshots (
      application_id uuid primary key references applications (id) on delete cascade,
      portfolio jsonb not null,
      report jsonb not null,
      sha256 text not null,
      created_at timestamptz not null default now()
    )`,
    `create table application_events (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications (id) on delete cascade,
      status text not null,
      actor_user_id uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    `create index application_events_application on application_events (application_id, created_at)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table application_events", "drop table application_snapshots", "drop table applications", "alter table associations drop column application_fee_cents"]);
}
