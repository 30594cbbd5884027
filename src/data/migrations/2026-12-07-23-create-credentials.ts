import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // The letters that start an association's credential numbers (SC-IFS-2026-0042); set at its first credential.
    `alter table associations add column credential_prefix text check (credential_prefix ~ '^[A-Z0-9]{1,10}$')`,
    // Numbers are unique across the installation, so prefixes are too.
    `create unique index associations_credential_prefix on associations (credential_prefix)`,
    // A person's endorsement in one category of one association: issued when staff decide to endorse.
    `create table credentials (
      id uuid primary key default gen_random_uuid(),
      association_id uuid not null references associations (id) on delete restrict,
      user_id uuid not null references users (id) on delete restrict,
      application_id uuid unique references applications (id) on delete restrict,
      framework_id text not null,
      category_id text not null,
      framework_version text not null,
      number text not null unique check (number ~ '^[A-Z0-9]{1,10}-[A-Z0-9-]{1,20}-[0-9]{4}-[0-9]{4,}$'),
      issued_on text not null check (issued_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      renewal_due text not null check (renewal_due ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      status text not null default 'active' check (status in ('active', 'lapsed', 'suspended', 'revoked', 'removed', 'transferred')),
      published jsonb not null default '[]',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    // One credential per person, category and association: hours entered once count for each category.
    `create unique index credentials_one_per_category on credentials (user_id, association_id, framework_id, category_id)`,
    `create index credentials_association_order on credentials (association_id, issued_on desc, id desc)`,
    // Each association's numbers run per year, allocated in the issuing transaction.
    `create table credential_number_sequences (
      association_id uuid not null references associations (id) on delete cascade,
      year integer not null,
      last_number integer not null check (last_number >= 1),
      primary key (association_id, year)
    )`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table credential_number_sequences", "drop table credentials", "alter table associations drop column credential_prefix"]);
}
