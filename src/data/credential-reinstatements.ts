import { sql } from "kysely";
import type { Db } from "./database.ts";
import { isUuid } from "./ids.ts";
import { type KeysetOrder, orderKey, type PageRequest, readPage } from "./keyset.ts";

const columns = [
  "credential_reinstatements.id",
  "credential_reinstatements.credential_id",
  "credential_reinstatements.association_id",
  "credential_reinstatements.requested_on",
  "credential_reinstatements.fee_cents",
  "credential_reinstatements.fee_received_at",
  "credential_reinstatements.status",
  "credential_reinstatements.approved_at",
] as const;

export async function insertReinstatement(db: Db, request: { credentialId: string; associationId: string; requestedOn: string; feeCents: number; now: Date }) {
  const row = await db
    .insertInto("credential_reinstatements")
    .values({
      credential_id: request.credentialId,
      association_id: request.associationId,
      requested_on: request.requestedOn,
      membership_attested_at: request.now,
      fee_cents: request.feeCents,
      created_at: request.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The credential's request still waiting for staff, if any (a unique index keeps one). */
export function findOpenReinstatement(db: Db, credentialId: string) {
  return db.selectFrom("credential_reinstatements").select(columns).where("credential_id", "=", credentialId).where("status", "=", "requested").executeTakeFirst();
}

/** A credential's reinstatement requests, newest first: a handful over its life. */
export function listReinstatementsOfCredential(db: Db, credentialId: string) {
  return db.selectFrom("credential_reinstatements").select(columns).where("credential_id", "=", credentialId).orderBy("created_at", "desc").limit(100).execute();
}

export async function findReinstatementOfAssociationForUpdate(db: Db, id: string, associationId: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("credential_reinstatements").select(columns).where("id", "=", id).where("association_id", "=", associationId).forUpdate().executeTakeFirst();
}

export async function markReinstatementFeeReceived(db: Db, id: string, recordedBy: string, now: Date) {
  await db.updateTable("credential_reinstatements").set({ fee_received_at: now, fee_recorded_by: recordedBy }).where("id", "=", id).execute();
}

export async function approveReinstatement(db: Db, id: string, approvedBy: string, now: Date) {
  await db.updateTable("credential_reinstatements").set({ status: "approved", approved_by: approvedBy, approved_at: now }).where("id", "=", id).execute();
}

// Oldest first: staff answer requests in the order they came, as the index credential_reinstatements_of_association serves (read backwards).
const openOrder: KeysetOrder = {
  direction: "asc",
  keys: [orderKey(sql.ref("credential_reinstatements.created_at"), "timestamp"), orderKey(sql.ref("credential_reinstatements.id"), "uuid")],
};

/** One page of the association's requests waiting for staff, with the credential's number and the holder's name. */
export function pageOpenReinstatements(db: Db, associationId: string, request: PageRequest) {
  const query = db
    .selectFrom("credential_reinstatements")
    .innerJoin("credentials", "credentials.id", "credential_reinstatements.credential_id")
    .innerJoin("users", "users.id", "credentials.user_id")
    .select([...columns, "credentials.number", "credentials.framework_id", "credentials.category_id", "users.name"])
    .where("credential_reinstatements.association_id", "=", associationId)
    .where("credential_reinstatements.status", "=", "requested");
  return readPage(query, openOrder, request);
}
