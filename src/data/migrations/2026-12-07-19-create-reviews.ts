import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // One review per application, version of the file and reviewer: a draft until submitted, then locked.
    // The items and scores are JSON (their shape is the framework's: one per requirement, one per judged item).
    `create table reviews (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications (id) on delete cascade,
      version integer not null check (version >= 1),
      reviewer_user_id uuid not null references users (id) on delete cascade,
      status text not null default 'draft' check (status in ('draft', 'submitted')),
      items jsonb not null default '[]',
      scores jsonb not null default '{}',
      feedback text not null default '' check (length(feedback) <= 20000),
      staff_notes text not null default '' check (length(staff_notes) <= 20000),
      recommendation text check (recommendation in ('endorse', 'approve-for-exam', 'defer', 'hold', 'emerging')),
      hours numeric(6, 2) check (hours >= 0 and hours <= 1000),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz,
      check ((status = 'submitted') = (submitted_at is not null)),
      unique (application_id, version, reviewer_user_id)
    )`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table reviews"]);
}
