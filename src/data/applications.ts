import type { Db } from "./database.ts";
import { isUuid } from "./ids.ts";
import type { ApplicationStatus } from "./schema.ts";

const columns = ["id", "user_id", "association_id", "framework_id", "category_id", "status", "fee_cents", "fee_paid_at", "attested_at", "submitted_at", "created_at"] as const;

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

export function listApplicationsOfUser(db: Db, userId: string) {
  return db
    .selectFrom("applications")
    .innerJoin("associations", "associations.id", "applications.association_id")
    .select(["applications.id", "applications.framework_id", "applications.category_id", "applications.status", "applications.created_at", "applications.submitted_at", "associations.name as associationName"])
    .where("applications.user_id", "=", userId)
    .orderBy("applications.created_at", "desc")
    .execute();
}

export async function updateApplicationStatus(db: Db, id: string, status: ApplicationStatus, now: Date, extra: { attested_at?: Date; submitted_at?: Date } = {}) {
  await db.updateTable("applications").set({ status, updated_at: now, ...extra }).where("id", "=", id).execute();
}

export async function insertApplicationEvent(db: Db, applicationId: string, status: string, actorUserId: string | null) {
  await db.insertInto("application_events").values({ application_id: applicationId, status, actor_user_id: actorUserId }).execute();
}

export function listApplicationEvents(db: Db, applicationId: string) {
  return db.selectFrom("application_events").select(["status", "created_at"]).where("application_id", "=", applicationId).orderBy("created_at").execute();
}

export async function insertSnapshot(db: Db, snapshot: { applicationId: string; portfolio: unknown; report: unknown; sha256: string }) {
  await db
    .insertInto("application_snapshots")
    .values({ application_id: snapshot.applicationId, portfolio: JSON.stringify(snapshot.portfolio), report: JSON.stringify(snapshot.report), sha256: snapshot.sha256 })
    .execute();
}

export function findSnapshot(db: Db, applicationId: string) {
  return db.selectFrom("application_snapshots").select(["portfolio", "report", "sha256", "created_at"]).where("application_id", "=", applicationId).executeTakeFirst();
}

/** The association's applications that have been submitted, with applicant names, for its staff. */
export function listSubmittedApplicationsOfAssociation(db: Db, associationId: string) {
  return db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.user_id")
    .select(["applications.id", "applications.framework_id", "applications.category_id", "applications.status", "applications.submitted_at", "applications.fee_cents", "applications.fee_paid_at", "users.name"])
    .where("applications.association_id", "=", associationId)
    .where("applications.status", "!=", "draft")
    .orderBy("applications.submitted_at", "desc")
    .execute();
}
