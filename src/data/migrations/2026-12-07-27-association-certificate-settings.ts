import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // The number LinkedIn gives a company page: the "add to profile" link names the issuer by it.
    `alter table associations add column linkedin_organization_id text check (linkedin_organization_id ~ '^[0-9]{1,20}$')`,
    // The logo on the association's certificates: a small image kept in the database (the CLI, which
    // has no file store, prints certificates too), apart from the associations rows read on every page.
    `create table association_logos (
      association_id uuid primary key references associations (id) on delete cascade,
      media_type text not null check (media_type in ('image/png', 'image/jpeg')),
      bytes bytea not null check (octet_length(bytes) <= 262144),
      updated_at timestamptz not null default now()
    )`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table association_logos", "alter table associations drop column linkedin_organization_id"]);
}
