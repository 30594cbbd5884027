import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // An association's Ed25519 key for signing its credentials. The secret key is sealed (AES-256-GCM
    // under CREDENTIAL_KEY_SECRET): the database alone cannot sign. A retired key stays to verify old proofs.
    `create table association_signing_keys (
      id uuid primary key default gen_random_uuid(),
      association_id uuid not null references associations (id) on delete cascade,
      public_key_multibase text not null unique check (public_key_multibase like 'z6Mk%'),
      sealed_secret_key text not null,
      created_at timestamptz not null default now(),
      retired_at timestamptz
    )`,
    `create unique index association_signing_keys_one_active on association_signing_keys (association_id) where retired_at is null`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table association_signing_keys"]);
}
