import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // The file itself lives once under DATA_DIR/files by its SHA-256; this row is one person's upload of it.
    `create table documents (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      sha256 text not null,
      type text not null,
      filename text not null,
      media_type text not null,
      size_bytes integer not null,
      created_at timestamptz not null default now()
    )`,
    `create index documents_user on documents (user_id, created_at)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table documents"]);
}
