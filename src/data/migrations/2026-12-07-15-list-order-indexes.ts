import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

// Each list that grows is read a page at a time in one total order (src/data/keyset.ts, decision 024);
// these indexes hold the rows in that order, so a page and its position are read without sorting the list.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create index applications_association_order on applications (association_id, (coalesce(submitted_at, created_at)) desc, id desc)`,
    `create index applications_association_status_order on applications (association_id, status, (coalesce(submitted_at, created_at)) desc, id desc)`,
    `drop index applications_association`,
    `create index applications_user_order on applications (user_id, created_at desc, id desc)`,
    `drop index applications_user`,
    `create index candidacies_association_order on candidacies (association_id, expires_at, id)`,
    `drop index candidacies_association`,
    `create index outbox_user_order on outbox (user_id, created_at desc, id desc)`,
    `drop index outbox_user`,
    `create index outbox_order on outbox (created_at desc, id desc)`,
    `create index associations_name_order on associations (name, id)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `drop index associations_name_order`,
    `drop index outbox_order`,
    `create index outbox_user on outbox (user_id, created_at)`,
    `drop index outbox_user_order`,
    `create index candidacies_association on candidacies (association_id, expires_at)`,
    `drop index candidacies_association_order`,
    `create index applications_user on applications (user_id, created_at)`,
    `drop index applications_user_order`,
    `create index applications_association on applications (association_id, status)`,
    `drop index applications_association_status_order`,
    `drop index applications_association_order`,
  ]);
}
