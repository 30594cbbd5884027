import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table associations (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      name text not null,
      locale text not null check (locale in ('en', 'es')),
      time_zone text not null,
      contact_email text not null,
      contact_phone text,
      website text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create table association_roles (
      user_id uuid not null references users (id) on delete cascade,
      association_id uuid not null references associations (id) on delete cascade,
      role text not null check (role in ('member', 'reviewer', 'staff', 'admin')),
      created_at timestamptz not null default now(),
      primary key (user_id, association_id, role)
    )`,
    `create index association_roles_association on association_roles (association_id, role)`,
    `create table audit_log (
      id uuid primary key default gen_random_uuid(),
      actor_user_id uuid references users (id) on delete set null,
      association_id uuid references associations (id) on delete set null,
      action text not null,
      subject_type text not null,
      subject_id text not null,
      details jsonb not null default '{}',
      created_at timestamptz not null default now()
    )`,
    `create index audit_log_subject on audit_log (subject_type, subject_id, created_at)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table audit_log", "drop table association_roles", "drop table associations"]);
}
