import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      name text not null,
      password_hash text not null,
      email_verified_at timestamptz,
      locale text check (locale in ('en', 'es')),
      is_owner boolean not null default false,
      created_at timestamptz not null default now()
    )`,
    `create unique index users_email_unique on users (lower(email))`,
    `create table sessions (
      id text primary key,
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`,
    `create index sessions_user on sessions (user_id)`,
    `create table email_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      purpose text not null check (purpose in ('verify-email', 'reset-password')),
      token_hash text not null unique,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    `create index email_tokens_user on email_tokens (user_id, purpose)`,
    `create table rate_limits (
      key text primary key,
      window_started_at timestamptz not null,
      hits integer not null
    )`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table rate_limits", "drop table email_tokens", "drop table sessions", "drop table users"]);
}
