import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // The categories a person says they are working toward: their progress opens these first, and their portfolio says what counted for them.
    `create table category_targets (
      user_id uuid not null references users (id) on delete cascade,
      framework_id text not null,
      category_id text not null,
      chosen_at timestamptz not null default now(),
      primary key (user_id, framework_id, category_id)
    )`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table category_targets"]);
}
