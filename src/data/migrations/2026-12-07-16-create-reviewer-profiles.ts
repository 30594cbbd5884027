import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // What staff record (days as ISO text, as the association's calendar says them; unavailable: [{from, to}]) about a reviewer in an association: the endorsement they hold, how many open files they take, when they are away (decision 026).
    `create table reviewer_profiles (
      association_id uuid not null references associations (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      framework_id text not null,
      category_id text not null,
      held_since text not null check (held_since ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      max_open integer not null default 3 check (max_open between 1 and 50),
      unavailable jsonb not null default '[]',
      updated_at timestamptz not null default now(),
      primary key (association_id, user_id)
    )`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table reviewer_profiles"]);
}
