import { sql } from "kysely";
import type { Db } from "./database.ts";
import { isUuid } from "./ids.ts";
import { type KeysetOrder, orderKey, type PageRequest, readPage } from "./keyset.ts";

const columns = [
  "credential_renewals.id",
  "credential_renewals.credential_id",
  "credential_renewals.association_id",
  "credential_renewals.period_due",
  "credential_renewals.next_due",
  "credential_renewals.renewed_on",
  "credential_renewals.fee_cents",
  "credential_renewals.late_fee",
  "credential_renewals.by_exception",
  "credential_renewals.status",
  "credential_renewals.fee_received_at",
] as const;

export type NewRenewal = {
  credentialId: string;
  associationId: string;
  periodDue: string;
  nextDue: string;
  renewedOn: string;
  report: unknown;
  feeCents: number;
  lateFee: boolean;
  byException: boolean;
  /** When the holder ticked the code of ethics and the no-sanction attestation (the submission's time). */
  attestedAt: Date;
};

export async function insertRenewal(db: Db, renewal: NewRenewal) {
  const row = await db
    .insertInto("credential_renewals")
    .values({
      credential_id: renewal.credentialId,
      association_id: renewal.associationId,
      period_due: renewal.periodDue,
      next_due: renewal.nextDue,
      renewed_on: renewal.renewedOn,
      report: JSON.stringify(renewal.report),
      fee_cents: renewal.feeCents,
      late_fee: renewal.lateFee,
      by_exception: renewal.byException,
      ethics_signed_at: renewal.attestedAt,
      no_sanction_attested_at: renewal.attestedAt,
      created_at: renewal.attestedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The renewal that moved a credential's due date to `nextDue`, if one did (renewing twice for one period finds it). */
export function findRenewalLeadingTo(db: Db, credentialId: string, nextDue: string) {
  return db.selectFrom("credential_renewals").select(columns).where("credential_id", "=", credentialId).where("next_due", "=", nextDue).executeTakeFirst();
}

/**
 * Whether the holder already owes or paid a fee for this period with another of their credentials of
 * the association: several categories renew together for one fee (S52, endorsement-rules.md §2.3).
 */
export async function hasPeriodFeeWithAnotherCredential(db: Db, credential: { id: string; user_id: string; association_id: string; renewal_due: string }) {
  const row = await db
    .selectFrom("credential_renewals")
    .innerJoin("credentials", "credentials.id", "credential_renewals.credential_id")
    .select("credential_renewals.id")
    .where("credentials.user_id", "=", credential.user_id)
    .where("credential_renewals.association_id", "=", credential.association_id)
    .where("credential_renewals.period_due", "=", credential.renewal_due)
    .where("credential_renewals.credential_id", "<>", credential.id)
    .where("credential_renewals.fee_cents", ">", 0)
    .executeTakeFirst();
  return row !== undefined;
}

/** A credential's renewals, newest first: one a year. */
export function listRenewalsOfCredential(db: Db, credentialId: string) {
  return db.selectFrom("credential_renewals").select(columns).where("credential_id", "=", credentialId).orderBy("period_due", "desc").limit(100).execute();
}

export async function findRenewalOfAssociationForUpdate(db: Db, id: string, associationId: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("credential_renewals").select(columns).where("id", "=", id).where("association_id", "=", associationId).forUpdate().executeTakeFirst();
}

export async function markRenewalFeeReceived(db: Db, id: string, recordedBy: string, now: Date) {
  await db.updateTable("credential_renewals").set({ status: "fee-received", fee_received_at: now, fee_recorded_by: recordedBy }).where("id", "=", id).execute();
}

// Newest first, as the index credential_renewals_of_period keeps them.
const periodOrder: KeysetOrder = {
  direction: "desc",
  keys: [orderKey(sql.ref("credential_renewals.created_at"), "timestamp"), orderKey(sql.ref("credential_renewals.id"), "uuid")],
};

/** One page of an association's renewals for the period due on `periodDue`, with the credential's number and the holder's name. */
export function pageRenewalsOfPeriod(db: Db, associationId: string, periodDue: string, request: PageRequest) {
  const query = db
    .selectFrom("credential_renewals")
    .innerJoin("credentials", "credentials.id", "credential_renewals.credential_id")
    .innerJoin("users", "users.id", "credentials.user_id")
    .select([...columns, "credentials.number", "credentials.framework_id", "credentials.category_id", "users.name"])
    .where("credential_renewals.association_id", "=", associationId)
    .where("credential_renewals.period_due", "=", periodDue);
  return readPage(query, periodOrder, request);
}

export function findRenewalException(db: Db, credentialId: string, periodDue: string) {
  return db
    .selectFrom("renewal_exceptions")
    .select(["id", "reason", "granted_at"])
    .where("credential_id", "=", credentialId)
    .where("period_due", "=", periodDue)
    .executeTakeFirst();
}

/** Records staff's exception for the period; false if one is already recorded. */
export async function insertRenewalException(db: Db, exception: { credentialId: string; periodDue: string; reason: string; grantedBy: string; now: Date }) {
  const row = await db
    .insertInto("renewal_exceptions")
    .values({
      credential_id: exception.credentialId,
      period_due: exception.periodDue,
      reason: exception.reason,
      granted_by: exception.grantedBy,
      granted_at: exception.now,
    })
    .onConflict((conflict) => conflict.columns(["credential_id", "period_due"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}
