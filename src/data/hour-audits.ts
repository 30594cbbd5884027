import { sql } from "kysely";
import { type Allowance, type AuditableList, type Determination, type Disallowances, reportedField, strictestAllowance, withoutDisallowed } from "../domain/hour-audits.ts";
import type { Portfolio } from "../domain/portfolio-schema.ts";
import type { Db } from "./database.ts";
import { isUuid } from "./ids.ts";
import { type KeysetOrder, orderKey, type PageRequest, readPage } from "./keyset.ts";
import { findPortfolio } from "./portfolios.ts";

/** The people whose credentials of the association are due on `periodDue`, active or lapsed: the period's renewals an audit samples. */
export async function listHoldersDueOn(db: Db, associationId: string, periodDue: string): Promise<string[]> {
  const rows = await db
    .selectFrom("credentials")
    .select("user_id")
    .distinct()
    .where("association_id", "=", associationId)
    .where("renewal_due", "=", periodDue)
    .where("status", "in", ["active", "lapsed"])
    .orderBy("user_id")
    .execute();
  return rows.map((row) => row.user_id);
}

/** Holders of the association's credentials whose email or name (either, ignoring case) is one of `terms`. */
export function findHoldersNamed(db: Db, associationId: string, terms: readonly string[]) {
  const lowered = terms.map((term) => term.toLowerCase());
  return db
    .selectFrom("users")
    .select(["users.id", "users.name", "users.email"])
    .where((where) => where.or([where(sql`lower(users.email)`, "in", lowered), where(sql`lower(users.name)`, "in", lowered)]))
    .where((where) =>
      where.exists(where.selectFrom("credentials").select("credentials.id").whereRef("credentials.user_id", "=", "users.id").where("credentials.association_id", "=", associationId)),
    )
    .limit(terms.length * 2 + 1)
    .execute();
}

export async function insertHourAudit(
  db: Db,
  audit: { associationId: string; periodDue: string; samplePercent: number | null; instructions: string; createdBy: string },
) {
  const row = await db
    .insertInto("hour_audits")
    .values({
      association_id: audit.associationId,
      period_due: audit.periodDue,
      selection: audit.samplePercent === null ? "picked" : "sample",
      sample_percent: audit.samplePercent,
      instructions: audit.instructions,
      created_by: audit.createdBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAuditedPerson(
  db: Db,
  audited: { auditId: string; userId: string; evidenceDue: string; entries: ReadonlyArray<{ list: AuditableList; entry: { id: string } }> },
) {
  const { id } = await db
    .insertInto("hour_audit_people")
    .values({ audit_id: audited.auditId, user_id: audited.userId, evidence_due: audited.evidenceDue })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (audited.entries.length > 0)
    await db
      .insertInto("hour_audit_entries")
      .values(audited.entries.map(({ list, entry }) => ({ audited_id: id, entry_id: entry.id, list, entry: JSON.stringify(entry) })))
      .execute();
  return id;
}

const auditsOrder: KeysetOrder = { direction: "desc", keys: [orderKey(sql.ref("hour_audits.created_at"), "timestamp"), orderKey(sql.ref("hour_audits.id"), "uuid")] };

/** One page of the association's audits, newest first, with how many people each audits and how many entries await a determination. */
export function pageHourAuditsOfAssociation(db: Db, associationId: string, request: PageRequest) {
  const query = db
    .selectFrom("hour_audits")
    .select(["hour_audits.id", "hour_audits.period_due", "hour_audits.selection", "hour_audits.sample_percent", "hour_audits.created_at"])
    .select((select) => [
      select.selectFrom("hour_audit_people").select(sql<string>`count(*)`.as("n")).whereRef("hour_audit_people.audit_id", "=", "hour_audits.id").as("people"),
      select
        .selectFrom("hour_audit_entries")
        .innerJoin("hour_audit_people", "hour_audit_people.id", "hour_audit_entries.audited_id")
        .select(sql<string>`count(*)`.as("n"))
        .whereRef("hour_audit_people.audit_id", "=", "hour_audits.id")
        .where("hour_audit_entries.determination", "is", null)
        .as("undetermined"),
    ])
    .where("hour_audits.association_id", "=", associationId);
  return readPage(query, auditsOrder, request);
}

export async function findHourAudit(db: Db, auditId: string) {
  if (!isUuid(auditId)) return undefined;
  return db.selectFrom("hour_audits").selectAll().where("id", "=", auditId).executeTakeFirst();
}

const peopleOrder: KeysetOrder = { direction: "asc", keys: [orderKey(sql.ref("users.name"), "text"), orderKey(sql.ref("hour_audit_people.id"), "uuid")] };

/** One page of an audit's people by name, with their evidence date. */
export function pageAuditedPeople(db: Db, auditId: string, request: PageRequest) {
  const query = db
    .selectFrom("hour_audit_people")
    .innerJoin("users", "users.id", "hour_audit_people.user_id")
    .select(["hour_audit_people.id", "hour_audit_people.user_id", "hour_audit_people.evidence_due", "users.name", "users.email"])
    .where("hour_audit_people.audit_id", "=", auditId);
  return readPage(query, peopleOrder, request);
}

const entryColumns = ["id", "audited_id", "entry_id", "list", "entry", "determination", "reason", "hours_allowed", "determined_at"] as const;

/** The entries asked for from these audited people (a page of them), in the order they were named. */
export function listRequestedEntries(db: Db, auditedIds: readonly string[]) {
  if (auditedIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("hour_audit_entries").select(entryColumns).where("audited_id", "in", [...auditedIds]).orderBy("list").orderBy("entry_id").execute();
}

const extensionColumns = ["id", "audited_id", "until", "reason", "asked_at", "answer", "granted_until", "answered_at"] as const;

/** The extension requests of these audited people, oldest first (a few each). */
export function listExtensionRequests(db: Db, auditedIds: readonly string[]) {
  if (auditedIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("hour_audit_extensions").select(extensionColumns).where("audited_id", "in", [...auditedIds]).orderBy("asked_at").orderBy("id").execute();
}

/** One person's place in an audit, theirs alone: undefined for anyone else's. */
export async function findAuditedOfUser(db: Db, auditedId: string, userId: string) {
  if (!isUuid(auditedId)) return undefined;
  return db
    .selectFrom("hour_audit_people")
    .innerJoin("hour_audits", "hour_audits.id", "hour_audit_people.audit_id")
    .innerJoin("associations", "associations.id", "hour_audits.association_id")
    .select([
      "hour_audit_people.id",
      "hour_audit_people.user_id",
      "hour_audit_people.evidence_due",
      "hour_audits.association_id",
      "hour_audits.period_due",
      "hour_audits.instructions",
      "associations.name as associationName",
      "associations.time_zone",
    ])
    .where("hour_audit_people.id", "=", auditedId)
    .where("hour_audit_people.user_id", "=", userId)
    .executeTakeFirst();
}

export async function findAuditedOfUserForUpdate(db: Db, auditedId: string, userId: string) {
  if (!isUuid(auditedId)) return undefined;
  return db
    .selectFrom("hour_audit_people")
    .innerJoin("hour_audits", "hour_audits.id", "hour_audit_people.audit_id")
    .select(["hour_audit_people.id", "hour_audit_people.evidence_due", "hour_audits.association_id"])
    .where("hour_audit_people.id", "=", auditedId)
    .where("hour_audit_people.user_id", "=", userId)
    .forUpdate("hour_audit_people")
    .executeTakeFirst();
}

export async function setEvidenceDue(db: Db, auditedId: string, evidenceDue: string) {
  await db.updateTable("hour_audit_people").set({ evidence_due: evidenceDue }).where("id", "=", auditedId).execute();
}

/** A requested entry of one of the association's audits, locked, with whose it is. */
export async function findRequestedEntryForUpdate(db: Db, requestedId: string, associationId: string) {
  if (!isUuid(requestedId)) return undefined;
  return db
    .selectFrom("hour_audit_entries")
    .innerJoin("hour_audit_people", "hour_audit_people.id", "hour_audit_entries.audited_id")
    .innerJoin("hour_audits", "hour_audits.id", "hour_audit_people.audit_id")
    .select([...entryColumns.map((column) => `hour_audit_entries.${column}` as const), "hour_audit_people.user_id", "hour_audit_people.audit_id"])
    .where("hour_audit_entries.id", "=", requestedId)
    .where("hour_audits.association_id", "=", associationId)
    .forUpdate("hour_audit_entries")
    .executeTakeFirst();
}

export async function setDetermination(
  db: Db,
  requestedId: string,
  determination: { determination: Determination; reason: string | null; hoursAllowed: number | null; determinedBy: string; now: Date },
) {
  await db
    .updateTable("hour_audit_entries")
    .set({
      determination: determination.determination,
      reason: determination.reason,
      hours_allowed: determination.hoursAllowed,
      determined_by: determination.determinedBy,
      determined_at: determination.now,
    })
    .where("id", "=", requestedId)
    .execute();
}

export async function findOpenExtension(db: Db, auditedId: string) {
  return db.selectFrom("hour_audit_extensions").select(extensionColumns).where("audited_id", "=", auditedId).where("answer", "is", null).executeTakeFirst();
}

export async function insertExtensionRequest(db: Db, request: { auditedId: string; until: string; reason: string; now: Date }) {
  const row = await db
    .insertInto("hour_audit_extensions")
    .values({ audited_id: request.auditedId, until: request.until, reason: request.reason, asked_at: request.now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An extension request of one of the association's audits, locked, with the person and their evidence date. */
export async function findExtensionForUpdate(db: Db, extensionId: string, associationId: string) {
  if (!isUuid(extensionId)) return undefined;
  return db
    .selectFrom("hour_audit_extensions")
    .innerJoin("hour_audit_people", "hour_audit_people.id", "hour_audit_extensions.audited_id")
    .innerJoin("hour_audits", "hour_audits.id", "hour_audit_people.audit_id")
    .select([
      ...extensionColumns.map((column) => `hour_audit_extensions.${column}` as const),
      "hour_audit_people.user_id",
      "hour_audit_people.evidence_due",
      "hour_audit_people.audit_id",
    ])
    .where("hour_audit_extensions.id", "=", extensionId)
    .where("hour_audits.association_id", "=", associationId)
    .forUpdate("hour_audit_extensions")
    .executeTakeFirst();
}

export async function answerExtensionRequest(db: Db, extensionId: string, answer: { grantedUntil: string | null; answeredBy: string; now: Date }) {
  await db
    .updateTable("hour_audit_extensions")
    .set({ answer: answer.grantedUntil ? "granted" : "denied", granted_until: answer.grantedUntil, answered_by: answer.answeredBy, answered_at: answer.now })
    .where("id", "=", extensionId)
    .execute();
}

/** What audits disallowed of the person's portfolio entries (by any association: the hours were not shown), by entry id. */
export async function listDisallowances(db: Db, userId: string): Promise<Disallowances> {
  const rows = await db
    .selectFrom("hour_audit_entries")
    .innerJoin("hour_audit_people", "hour_audit_people.id", "hour_audit_entries.audited_id")
    .select(["hour_audit_entries.entry_id", "hour_audit_entries.hours_allowed", "hour_audit_entries.entry"])
    .where("hour_audit_people.user_id", "=", userId)
    .where("hour_audit_entries.determination", "=", "disallowed")
    .execute();
  const disallowed = new Map<string, Allowance | null>();
  for (const row of rows) {
    // The allowance counts hours in the field the audit saw them in (the entry as it stood when asked).
    const field = reportedField(row.entry);
    const allowance = row.hours_allowed === null || field === null ? null : { hours: Number(row.hours_allowed), field };
    disallowed.set(row.entry_id, disallowed.has(row.entry_id) ? strictestAllowance(disallowed.get(row.entry_id)!, allowance) : allowance);
  }
  return disallowed;
}

/**
 * The person's portfolio as the engine judges it: their document without the entries an audit
 * disallowed. Every evaluation of a person's own portfolio reads it through here (progress, the
 * portfolio's verdicts, an application's check and its freezing, renewal); a frozen snapshot stays as it was.
 */
export async function findJudgedPortfolio(db: Db, userId: string): Promise<Portfolio> {
  const [{ portfolio }, disallowed] = await Promise.all([findPortfolio(db, userId), listDisallowances(db, userId)]);
  return withoutDisallowed(portfolio, disallowed);
}

/** The due dates of the association's active and lapsed credentials, latest first, each with how many people hold one: the periods an audit can sample. */
export function listDuePeriods(db: Db, associationId: string) {
  return db
    .selectFrom("credentials")
    .select(["renewal_due", sql<string>`count(distinct user_id)`.as("holders")])
    .where("association_id", "=", associationId)
    .where("status", "in", ["active", "lapsed"])
    .groupBy("renewal_due")
    .orderBy("renewal_due", "desc")
    .limit(20)
    .execute();
}
