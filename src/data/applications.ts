import { sql } from "kysely";
import type { Db } from "./database.ts";
import { type KeysetOrder, orderKey, type PageRequest, readPage } from "./keyset.ts";
import { isUuid } from "./ids.ts";
import type { ApplicationStatus } from "./schema.ts";

const columns = [
  "id",
  "user_id",
  "association_id",
  "framework_id",
  "category_id",
  "status",
  "fee_cents",
  "fee_paid_at",
  "attested_at",
  "submitted_at",
  "created_at",
  "file_version",
  "exam_approved_until",
  "emerging_until",
] as const;

export function insertApplication(db: Db, application: { userId: string; associationId: string; frameworkId: string; categoryId: string; feeCents: number | null }) {
  return db
    .insertInto("applications")
    .values({
      user_id: application.userId,
      association_id: application.associationId,
      framework_id: application.frameworkId,
      category_id: application.categoryId,
      status: "draft",
      fee_cents: application.feeCents,
      updated_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** An application of this person (undefined for anyone else's: the caller answers 404). */
export async function findApplicationOfUser(db: Db, userId: string, id: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("applications").select(columns).where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
}

export async function findApplicationForUpdate(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("applications").select(columns).where("id", "=", id).forUpdate().executeTakeFirst();
}

const applicationsOfUserOrder: KeysetOrder = { direction: "desc", keys: [orderKey(sql.ref("applications.created_at"), "timestamp"), orderKey(sql.ref("applications.id"), "uuid")] };

/** One page of the person's own applications, newest first. */
export function pageApplicationsOfUser(db: Db, userId: string, request: PageRequest) {
  const query = db
    .selectFrom("applications")
    .innerJoin("associations", "associations.id", "applications.association_id")
    .select(["applications.id", "applications.framework_id", "applications.category_id", "applications.status", "applications.created_at", "applications.submitted_at", "associations.name as associationName"])
    .where("applications.user_id", "=", userId);
  return readPage(query, applicationsOfUserOrder, request);
}

type StatusExtras = { attested_at?: Date; submitted_at?: Date; exam_approved_until?: string | null; emerging_until?: string | null; file_version?: number };

export async function updateApplicationStatus(db: Db, id: string, status: ApplicationStatus, now: Date, extra: StatusExtras = {}) {
  await db.updateTable("applications").set({ status, updated_at: now, ...extra }).where("id", "=", id).execute();
}

export async function markApplicationFeePaid(db: Db, id: string, now: Date) {
  await db.updateTable("applications").set({ fee_paid_at: now, updated_at: now }).where("id", "=", id).execute();
}

/**
 * The application's status changes, from the audit log (commands that move it record `to`). Only
 * those are read: the fees, transcripts and assignments audited on the same subject are not history.
 */
/**
 * Each status the application has had, oldest first: the `application.*` audit entries that moved
 * it, with who acted: a person's name, or the job or link.
 */
export function listApplicationHistory(db: Db, applicationId: string) {
  return db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_user_id")
    .select([
      sql<string>`audit_log.details ->> 'to'`.as("status"),
      "audit_log.action",
      "audit_log.actor_user_id",
      "audit_log.actor_kind",
      "audit_log.actor_ref",
      "users.name as actor_name",
      "audit_log.created_at",
    ])
    .where("audit_log.subject_type", "=", "application")
    .where("audit_log.subject_id", "=", applicationId)
    .where(sql<boolean>`audit_log.details ->> 'to'`, "is not", null)
    .orderBy("audit_log.created_at")
    .orderBy("audit_log.id")
    .execute();
}

/** Freezes one version of the file: version 1 at the first submission, the next at each resubmission. */
export async function insertSnapshot(db: Db, snapshot: { applicationId: string; version: number; portfolio: unknown; report: unknown; sha256: string }) {
  await db
    .insertInto("application_snapshots")
    .values({
      application_id: snapshot.applicationId,
      version: snapshot.version,
      portfolio: JSON.stringify(snapshot.portfolio),
      report: JSON.stringify(snapshot.report),
      sha256: snapshot.sha256,
    })
    .execute();
}

/** One version of the frozen file; without a version, the newest. */
export function findSnapshot(db: Db, applicationId: string, version?: number) {
  let query = db.selectFrom("application_snapshots").select(["version", "portfolio", "report", "sha256", "created_at"]).where("application_id", "=", applicationId);
  if (version !== undefined) query = query.where("version", "=", version);
  return query.orderBy("version", "desc").limit(1).executeTakeFirst();
}

/** The versions of the file, oldest first, without their contents. */
export function listSnapshotVersions(db: Db, applicationId: string) {
  return db.selectFrom("application_snapshots").select(["version", "sha256", "created_at"]).where("application_id", "=", applicationId).orderBy("version").execute();
}

/** The staff list's filters: one status, and submitted since a moment. */
export type AssociationApplicationsFilter = { status?: ApplicationStatus | undefined; submittedSince?: Date | undefined };

function applicationsOfAssociation(db: Db, associationId: string, filter: AssociationApplicationsFilter) {
  let query = db.selectFrom("applications").where("applications.association_id", "=", associationId);
  if (filter.status) query = query.where("applications.status", "=", filter.status);
  if (filter.submittedSince) query = query.where("applications.submitted_at", ">=", filter.submittedSince);
  return query;
}

// Newest first by submission (a draft by when it was started), as the index applications_association_order keeps them.
const associationApplicationsOrder: KeysetOrder = {
  direction: "desc",
  keys: [orderKey(sql`coalesce(applications.submitted_at, applications.created_at)`, "timestamp"), orderKey(sql.ref("applications.id"), "uuid")],
};

/**
 * One page of the association's applications with applicant names, for its staff: drafts too, so
 * official transcripts can be recorded as they arrive, before the applicant submits.
 */
export function pageApplicationsOfAssociation(db: Db, associationId: string, filter: AssociationApplicationsFilter, request: PageRequest) {
  const query = applicationsOfAssociation(db, associationId, filter)
    .innerJoin("users", "users.id", "applications.user_id")
    .select(["applications.id", "applications.framework_id", "applications.category_id", "applications.status", "applications.submitted_at", "applications.fee_cents", "applications.fee_paid_at", "users.name"]);
  return readPage(query, associationApplicationsOrder, request);
}

/** How many of the association's applications are in each status (within the window only): one grouped count. */
export function countApplicationsOfAssociationByStatus(db: Db, associationId: string, filter: Pick<AssociationApplicationsFilter, "submittedSince">) {
  return applicationsOfAssociation(db, associationId, filter)
    .select(["applications.status", (eb) => eb.fn.countAll<string>().as("count")])
    .groupBy("applications.status")
    .execute();
}

export async function insertReviewer(db: Db, assignment: { applicationId: string; reviewerUserId: string; assignedByUserId: string | null }) {
  const inserted = await db
    .insertInto("application_reviewers")
    .values({ application_id: assignment.applicationId, reviewer_user_id: assignment.reviewerUserId, assigned_by_user_id: assignment.assignedByUserId })
    .onConflict((conflict) => conflict.doNothing())
    .returning("reviewer_user_id")
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Ends an assignment; who made it, to tell them, or undefined when there was none. */
export async function deleteReviewer(db: Db, applicationId: string, reviewerUserId: string) {
  return db
    .deleteFrom("application_reviewers")
    .where("application_id", "=", applicationId)
    .where("reviewer_user_id", "=", reviewerUserId)
    .returning("assigned_by_user_id")
    .executeTakeFirst();
}

export function listReviewersOfApplications(db: Db, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("application_reviewers")
    .innerJoin("users", "users.id", "application_reviewers.reviewer_user_id")
    .select(["application_reviewers.application_id", "users.id as userId", "users.name"])
    .where("application_reviewers.application_id", "in", applicationIds)
    .orderBy("users.name")
    .execute();
}

/** Assignments that count: the reviewer still holds the reviewer role in the application's association (taking the role away ends the access). */
export function liveAssignments(db: Db) {
  return db
    .selectFrom("application_reviewers")
    .innerJoin("applications", "applications.id", "application_reviewers.application_id")
    .innerJoin("association_roles", (join) =>
      join
        .onRef("association_roles.user_id", "=", "application_reviewers.reviewer_user_id")
        .onRef("association_roles.association_id", "=", "applications.association_id")
        .on("association_roles.role", "=", "reviewer"),
    );
}

/** Which of these applications the person reviews by an assignment that counts. */
export async function listApplicationsAssignedTo(db: Db, userId: string, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return [];
  const rows = await liveAssignments(db)
    .select("application_reviewers.application_id")
    .where("application_reviewers.reviewer_user_id", "=", userId)
    .where("application_reviewers.application_id", "in", applicationIds)
    .execute();
  return rows.map((row) => row.application_id);
}

export async function isAssignedReviewer(db: Db, applicationId: string, userId: string) {
  const row = await liveAssignments(db)
    .select("application_reviewers.application_id")
    .where("application_reviewers.application_id", "=", applicationId)
    .where("application_reviewers.reviewer_user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A submitted (not draft) application by id, for the association's staff and its assigned reviewers. */
export async function findSubmittedApplication(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.user_id")
    .select([...columns.map((column) => `applications.${column}` as const), "users.name", "users.email"])
    .where("applications.id", "=", id)
    .where("applications.status", "!=", "draft")
    .executeTakeFirst();
}

/** How many of an association's applications in these statuses each reviewer is assigned to, by user id (leaving one application out, when given). */
export async function countAssignmentsByReviewer(
  db: Db,
  associationId: string,
  statuses: readonly ApplicationStatus[],
  exceptApplicationId?: string,
): Promise<Map<string, number>> {
  let query = db
    .selectFrom("application_reviewers")
    .innerJoin("applications", "applications.id", "application_reviewers.application_id")
    .select(["application_reviewers.reviewer_user_id", (eb) => eb.fn.countAll<string>().as("count")])
    .where("applications.association_id", "=", associationId)
    .where("applications.status", "in", statuses)
    .groupBy("application_reviewers.reviewer_user_id");
  if (exceptApplicationId) query = query.where("applications.id", "!=", exceptApplicationId);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.reviewer_user_id, Number(row.count)]));
}

/** The reviewers whose assignment to the application still counts (they hold the role). */
export async function listLiveReviewerIds(db: Db, applicationId: string) {
  const rows = await liveAssignments(db).select("application_reviewers.reviewer_user_id").where("application_reviewers.application_id", "=", applicationId).execute();
  return rows.map((row) => row.reviewer_user_id);
}
