import { sql } from "kysely";
import type { Db } from "./database.ts";
import { isUuid } from "./ids.ts";
import type { ReminderKind } from "../domain/renewal-cycle.ts";

/** Where the daily renewal job has got to in its due-date order. */
export type RenewalWorkCursor = { due: string; id: string };

/**
 * Active and lapsed credentials due on or before `dueOnOrBefore`, after `cursor` in due-date order:
 * one batch of the daily job (suspended, revoked, removed and transferred ones are staff's, or settled).
 */
export function listCredentialsForRenewalWork(db: Db, dueOnOrBefore: string, cursor: RenewalWorkCursor | null, limit: number) {
  let query = db
    .selectFrom("credentials")
    .innerJoin("associations", "associations.id", "credentials.association_id")
    .select(["credentials.id", "credentials.association_id", "credentials.status", "credentials.renewal_due", "associations.time_zone"])
    .where("credentials.status", "in", ["active", "lapsed"])
    .where("credentials.renewal_due", "<=", dueOnOrBefore);
  if (cursor) query = query.where(sql<boolean>`(credentials.renewal_due, credentials.id) > (${cursor.due}, ${cursor.id}::uuid)`);
  return query.orderBy("credentials.renewal_due").orderBy("credentials.id").limit(limit).execute();
}

/** The reminders already sent to these credentials for their current period (the one running to their due date). */
export async function listRemindersOfCurrentPeriod(db: Db, credentialIds: readonly string[]) {
  if (credentialIds.length === 0) return [];
  return db
    .selectFrom("credential_renewal_reminders")
    .innerJoin("credentials", (join) =>
      join.onRef("credentials.id", "=", "credential_renewal_reminders.credential_id").onRef("credentials.renewal_due", "=", "credential_renewal_reminders.due_date"),
    )
    .select(["credential_renewal_reminders.credential_id", "credential_renewal_reminders.kind"])
    .where("credential_renewal_reminders.credential_id", "in", [...credentialIds])
    .execute();
}

/** A credential the daily job works on, locked, with what its reminders name: its association's name and time zone. */
export async function findCredentialForRenewalWork(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom("credentials")
    .innerJoin("associations", "associations.id", "credentials.association_id")
    .select([
      "credentials.id",
      "credentials.association_id",
      "credentials.user_id",
      "credentials.framework_id",
      "credentials.category_id",
      "credentials.number",
      "credentials.status",
      "credentials.renewal_due",
      "associations.name as associationName",
      "associations.time_zone",
    ])
    .where("credentials.id", "=", id)
    .forUpdate("credentials")
    .executeTakeFirst();
}

/** Records a reminder as sent, in the transaction that queues its mail; false if it was already. */
export async function recordReminderSent(db: Db, reminder: { credentialId: string; due: string; kind: ReminderKind; now: Date }): Promise<boolean> {
  const row = await db
    .insertInto("credential_renewal_reminders")
    .values({ credential_id: reminder.credentialId, due_date: reminder.due, kind: reminder.kind, sent_at: reminder.now })
    .onConflict((conflict) => conflict.columns(["credential_id", "due_date", "kind"]).doNothing())
    .returning("kind")
    .executeTakeFirst();
  return row !== undefined;
}
