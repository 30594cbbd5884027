import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // An association's yearly renewal cycle, once its staff set one; without a row it follows Cradle's default (SCIMHA's).
    // The domain (src/domain/renewal-cycle.ts) checks that the days exist every year and the late date follows the due date.
    `create table renewal_cycles (
      association_id uuid primary key references associations (id) on delete cascade,
      due_month smallint not null check (due_month between 1 and 12),
      due_day smallint not null check (due_day between 1 and 31),
      late_month smallint not null check (late_month between 1 and 12),
      late_day smallint not null check (late_day between 1 and 31),
      renewal_fee_cents integer not null check (renewal_fee_cents between 0 and 10000000),
      late_fee_cents integer not null check (late_fee_cents between 0 and 10000000),
      removal_days_after_late smallint not null check (removal_days_after_late between 1 and 365),
      first_renewal_after_months smallint not null check (first_renewal_after_months between 0 and 24),
      updated_at timestamptz not null default now()
    )`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table renewal_cycles"]);
}
