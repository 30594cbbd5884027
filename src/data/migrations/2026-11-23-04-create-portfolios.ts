import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // One portable portfolio per person (docs/portfolio-format.md), stored as the document the engine reads.
    `create table portfolios (
      user_id uuid primary key references users (id) on delete cascade,
      document jsonb not null,
      version integer not null default 1,
      updated_at timestamptz not null default now()
    )`,
    // What a person typed into a form and has not saved yet: kept across errors, timeouts and closed tabs.
    `create table form_drafts (
      user_id uuid not null references users (id) on delete cascade,
      form_key text not null,
      fields jsonb not null,
      updated_at timestamptz not null default now(),
      primary key (user_id, form_key)
    )`,
    `create table association_frameworks (
      association_id uuid not null references associations (id) on delete cascade,
      framework_id text not null,
      created_at timestamptz not null default now(),
      primary key (association_id, framework_id)
    )`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table association_frameworks", "drop table form_drafts", "drop table portfolios"]);
}
