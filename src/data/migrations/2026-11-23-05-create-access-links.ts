import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // A secure, expiring, single-purpose link for someone without an account: a rater, or a provider confirming hours.
    `create table access_links (
      id uuid primary key default gen_random_uuid(),
      purpose text not null check (purpose in ('reference', 'verify-entry')),
      user_id uuid not null references users (id) on delete cascade,
      entry_id text not null,
      recipient_name text not null,
      recipient_email text not null,
      locale text not null check (locale in ('en', 'es')),
      framework_id text,
      waived boolean not null default false,
      expires_at timestamptz not null,
      completed_at timestamptz,
      reminders_sent integer not null default 0,
      draft jsonb,
      answers jsonb,
      created_at timestamptz not null default now()
    )`,
    // A link may be mailed again (a reminder) with a new token; every token it was sent with opens it.
    `create table access_link_tokens (
      token_hash text primary key,
      link_id uuid not null references access_links (id) on delete cascade
    )`,
    `create index access_links_user on access_links (user_id, purpose)`,
    `create index access_links_pending on access_links (created_at) where completed_at is null`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table access_link_tokens", "drop table access_links"]);
}
