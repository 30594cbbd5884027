import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // A reviewer's own word that they should not judge someone: a person, an email or an employer, in one association.
    `create table declared_conflicts (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      association_id uuid not null references associations (id) on delete cascade,
      kind text not null check (kind in ('person', 'email', 'employer')),
      value text not null check (length(value) between 1 and 254),
      reason text not null check (length(reason) between 1 and 1000),
      created_at timestamptz not null default now()
    )`,
    `create index declared_conflicts_reviewer on declared_conflicts (user_id, association_id)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table declared_conflicts"]);
}
