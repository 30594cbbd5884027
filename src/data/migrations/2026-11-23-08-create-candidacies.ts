import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table associations add column candidate_fee_cents integer check (candidate_fee_cents >= 0)`,
    // Candidate status (California): an open file for a category, valid for years, with an advisor.
    `create table candidacies (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      association_id uuid not null references associations (id) on delete cascade,
      framework_id text not null,
      category_id text not null,
      enrolled_at timestamptz not null,
      expires_at timestamptz not null,
      fee_cents integer,
      advisor_user_id uuid references users (id) on delete set null,
      reminders_sent integer not null default 0,
      created_at timestamptz not null default now()
    )`,
    `create unique index candidacies_one_per_category on candidacies (user_id, association_id, framework_id, category_id)`,
    `create index candidacies_association on candidacies (association_id, expires_at)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table candidacies", "alter table associations drop column candidate_fee_cents"]);
}
