import { sql } from "kysely";
import type { Db } from "./database.ts";
import { setStatusListBits } from "./credential-status-lists.ts";
import { isUuid } from "./ids.ts";
import { announceCredentialChanges } from "./public-data-notices.ts";
import type { CredentialStatus } from "./schema.ts";


const columns = [
  "credentials.id",
  "credentials.association_id",
  "credentials.user_id",
  "credentials.application_id",
  "credentials.framework_id",
  "credentials.category_id",
  "credentials.framework_version",
  "credentials.number",
  "credentials.issued_on",
  "credentials.renewal_due",
  "credentials.status",
  "credentials.published",
  "credentials.status_list_index",
] as const;

/** The next number of an association's year, taken in the caller's transaction (the row's lock orders two issuers). */
export async function nextCredentialSequence(db: Db, associationId: string, year: number): Promise<number> {
  const row = await db
    .insertInto("credential_number_sequences")
    .values({ association_id: associationId, year, last_number: 1 })
    .onConflict((conflict) => conflict.columns(["association_id", "year"]).doUpdateSet({ last_number: sql`credential_number_sequences.last_number + 1` }))
    .returning("last_number")
    .executeTakeFirstOrThrow();
  return row.last_number;
}

export async function insertCredential(
  db: Db,
  credential: {
    associationId: string;
    userId: string;
    applicationId: string | null;
    frameworkId: string;
    categoryId: string;
    frameworkVersion: string;
    number: string;
    issuedOn: string;
    renewalDue: string;
    statusListIndex: number;
  },
) {
  const row = await db
    .insertInto("credentials")
    .values({
      association_id: credential.associationId,
      user_id: credential.userId,
      application_id: credential.applicationId,
      framework_id: credential.frameworkId,
      category_id: credential.categoryId,
      framework_version: credential.frameworkVersion,
      number: credential.number,
      issued_on: credential.issuedOn,
      renewal_due: credential.renewalDue,
      status_list_index: credential.statusListIndex,
    })
    .onConflict((conflict) => conflict.columns(["user_id", "association_id", "framework_id", "category_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

/** Credentials with what their badge and certificate name: the holder's name, email and language, the association's name, address and language. */
function credentialsWithHolder(db: Db) {
  return db
    .selectFrom("credentials")
    .innerJoin("users", "users.id", "credentials.user_id")
    .innerJoin("associations", "associations.id", "credentials.association_id")
    .select([
      ...columns,
      "users.name as holderName",
      "users.email as holderEmail",
      "users.locale as holderLocale",
      "associations.name as associationName",
      "associations.slug",
      "associations.website",
      "associations.locale as associationLocale",
    ]);
}

export type CredentialWithHolder = NonNullable<Awaited<ReturnType<typeof findCredentialByNumber>>>;

/** A credential by its public number, with its holder and association (see credentialsWithHolder). */
export function findCredentialByNumber(db: Db, number: string) {
  return credentialsWithHolder(db).where("credentials.number", "=", number).executeTakeFirst();
}

/** A person's own credentials, newest first: a handful per person. */
export function listCredentialsOfUser(db: Db, userId: string) {
  return db
    .selectFrom("credentials")
    .innerJoin("associations", "associations.id", "credentials.association_id")
    .select([...columns, "associations.name as associationName", "associations.linkedin_organization_id as linkedInOrganizationId"])
    .where("credentials.user_id", "=", userId)
    .orderBy("credentials.issued_on", "desc")
    .orderBy("credentials.id")
    .limit(100)
    .execute();
}

export async function findCredentialOfUserForUpdate(db: Db, id: string, userId: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("credentials").select(columns).where("id", "=", id).where("user_id", "=", userId).forUpdate().executeTakeFirst();
}

/** A credential of the association, locked for a staff action; another association's is undefined. */
export async function findCredentialOfAssociationForUpdate(db: Db, id: string, associationId: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("credentials").select(columns).where("id", "=", id).where("association_id", "=", associationId).forUpdate().executeTakeFirst();
}

export type CredentialStatusChange = {
  credentialId: string;
  /** Null for the issue itself. */
  from: CredentialStatus | null;
  to: CredentialStatus;
  /** The day it takes effect, in the association's time zone. */
  effectiveOn: string;
  /** Null when the system makes the change (the daily renewal job). */
  changedBy: string | null;
  reason?: string | null;
  now: Date;
};

/**
 * Moves a credential to a status and records it in its history, in the caller's transaction. Only
 * from the status the caller read under its lock: returns false (nothing changed) if it had moved on.
 */
export async function changeCredentialStatus(db: Db, change: CredentialStatusChange): Promise<boolean> {
  if (change.from !== null) {
    const moved = await db
      .updateTable("credentials")
      .set({ status: change.to, updated_at: change.now })
      .where("id", "=", change.credentialId)
      .where("status", "=", change.from)
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) return false;
  }
  await db
    .insertInto("credential_status_changes")
    .values({
      credential_id: change.credentialId,
      from_status: change.from,
      to_status: change.to,
      effective_on: change.effectiveOn,
      changed_by: change.changedBy,
      reason: change.reason ?? null,
      changed_at: change.now,
    })
    .execute();
  await announceCredentialChanges(db, { credentialId: change.credentialId });
  // The association's Bitstring Status Lists follow in the same transaction (decision 032).
  await setStatusListBits(db, change.credentialId, change.to, change.now);
  return true;
}

/** A credential's statuses, oldest first: a handful over its life. */
export function listCredentialStatusChanges(db: Db, credentialId: string) {
  return db
    .selectFrom("credential_status_changes")
    .select(["from_status", "to_status", "effective_on", "changed_by", "reason", "changed_at"])
    .where("credential_id", "=", credentialId)
    .orderBy("changed_at")
    .orderBy("id")
    .limit(500)
    .execute();
}

export async function setPublishedFields(db: Db, id: string, published: readonly string[], now: Date) {
  await db.updateTable("credentials").set({ published: JSON.stringify(published), updated_at: now }).where("id", "=", id).execute();
  await announceCredentialChanges(db, { credentialId: id });
}


/**
 * The association's prefix for credential numbers: its own, or the first candidate no other
 * association holds, kept from now on (the unique index settles two associations claiming one at once).
 */
export async function claimCredentialPrefix(db: Db, association: { id: string; credential_prefix: string | null }, candidates: readonly string[]): Promise<string> {
  if (association.credential_prefix) return association.credential_prefix;
  const taken = new Set(
    (await db.selectFrom("associations").select("credential_prefix").where("credential_prefix", "in", [...candidates]).execute()).map((row) => row.credential_prefix),
  );
  const prefix = candidates.find((candidate) => !taken.has(candidate));
  if (!prefix) throw new Error(`no free credential prefix for association ${association.id}`);
  await db.updateTable("associations").set({ credential_prefix: prefix }).where("id", "=", association.id).execute();
  return prefix;
}

/** One of the person's own credentials, with its holder and association (see credentialsWithHolder). */
export async function findCredentialOfHolder(db: Db, id: string, userId: string) {
  if (!isUuid(id)) return undefined;
  return credentialsWithHolder(db).where("credentials.id", "=", id).where("credentials.user_id", "=", userId).executeTakeFirst();
}

/** Every credential of the installation, by number, a page at a time: those after `afterNumber` (null for the first page). */
export function listCredentialsAfter(db: Db, afterNumber: string | null, limit: number) {
  let query = db
    .selectFrom("credentials")
    .innerJoin("users", "users.id", "credentials.user_id")
    .innerJoin("associations", "associations.id", "credentials.association_id")
    .select(["credentials.number", "credentials.status", "credentials.framework_id", "credentials.category_id", "users.name as holderName", "associations.name as associationName"])
    .orderBy("credentials.number")
    .limit(limit);
  if (afterNumber !== null) query = query.where("credentials.number", ">", afterNumber);
  return query.execute();
}

/** A person's active credentials with one association, by its address, with what their badges name: a handful per person, oldest first. */
export function listActiveCredentialsOfHolderIn(db: Db, userId: string, associationSlug: string) {
  return credentialsWithHolder(db)
    .where("credentials.user_id", "=", userId)
    .where("associations.slug", "=", associationSlug)
    .where("credentials.status", "=", "active")
    .orderBy("credentials.issued_on")
    .orderBy("credentials.number")
    .limit(100)
    .execute();
}

/** The associations with which a person holds an active credential, by name: the ones that sign them a learner record. */
export function listAssociationsWithActiveCredentialsOf(db: Db, userId: string) {
  return db
    .selectFrom("credentials")
    .innerJoin("associations", "associations.id", "credentials.association_id")
    .select(["associations.slug", "associations.name"])
    .distinct()
    .where("credentials.user_id", "=", userId)
    .where("credentials.status", "=", "active")
    .orderBy("associations.name")
    .orderBy("associations.slug")
    .limit(100)
    .execute();
}

/** One of the association's credentials with its holder's name, for its staff. */
export async function findCredentialOfAssociation(db: Db, id: string, associationId: string) {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom("credentials")
    .innerJoin("users", "users.id", "credentials.user_id")
    .select([...columns, "users.name as holderName"])
    .where("credentials.id", "=", id)
    .where("credentials.association_id", "=", associationId)
    .executeTakeFirst();
}

/** The day a credential's current period ends moves on (a renewal, a reinstatement); its verification page may show it. */
export async function setRenewalDue(db: Db, id: string, renewalDue: string, now: Date) {
  await db.updateTable("credentials").set({ renewal_due: renewalDue, updated_at: now }).where("id", "=", id).execute();
  await announceCredentialChanges(db, { credentialId: id });
}
