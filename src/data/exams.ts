import { sql } from "kysely";
import type { ExamResult, RatingRound } from "../domain/exam-result.ts";
import type { Db } from "./database.ts";
import { isUuid } from "./ids.ts";
import { type KeysetOrder, orderKey, type PageRequest, readPage } from "./keyset.ts";
import type { ExamMode } from "./schema.ts";

const sittingColumns = ["id", "association_id", "day", "starts_at", "time_zone", "mode", "place", "capacity", "created_by_user_id"] as const;

export type SittingFields = { day: string; startsAt: string; timeZone: string; mode: ExamMode; place: string; capacity: number };

export function insertSitting(db: Db, sitting: SittingFields & { associationId: string; createdByUserId: string }) {
  return db
    .insertInto("exam_sittings")
    .values({
      association_id: sitting.associationId,
      day: sitting.day,
      starts_at: sitting.startsAt,
      time_zone: sitting.timeZone,
      mode: sitting.mode,
      place: sitting.place,
      capacity: sitting.capacity,
      created_by_user_id: sitting.createdByUserId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

const taken = (db: Db) =>
  db.selectFrom("exam_registrations").select(({ fn }) => ["sitting_id", fn.countAll<string>().as("taken")]).groupBy("sitting_id").as("taken");

// Latest sitting first, as the index exam_sittings_association keeps them.
const sittingsOrder: KeysetOrder = { direction: "desc", keys: [orderKey(sql`exam_sittings.day`, "text"), orderKey(sql.ref("exam_sittings.id"), "uuid")] };

/** One page of an association's sittings with how many seats are taken. */
export function pageSittingsOfAssociation(db: Db, associationId: string, request: PageRequest) {
  const query = db
    .selectFrom("exam_sittings")
    .leftJoin(taken(db), "taken.sitting_id", "exam_sittings.id")
    .select(sittingColumns.map((column) => `exam_sittings.${column}` as const))
    .select(sql<string>`coalesce(taken.taken, 0)`.as("taken"))
    .where("exam_sittings.association_id", "=", associationId);
  return readPage(query, sittingsOrder, request);
}

/** An association's sittings on or after a day that still have a free seat, soonest first. */
export function listOpenSittings(db: Db, associationId: string, fromDay: string) {
  return db
    .selectFrom("exam_sittings")
    .leftJoin(taken(db), "taken.sitting_id", "exam_sittings.id")
    .select(sittingColumns.map((column) => `exam_sittings.${column}` as const))
    .where("exam_sittings.association_id", "=", associationId)
    .where("exam_sittings.day", ">=", fromDay)
    .where(sql<boolean>`coalesce(taken.taken, 0) < exam_sittings.capacity`)
    .orderBy("exam_sittings.day")
    .orderBy("exam_sittings.starts_at")
    .orderBy("exam_sittings.id")
    .limit(50)
    .execute();
}

export async function findSitting(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("exam_sittings").select(sittingColumns).where("id", "=", id).executeTakeFirst();
}

/** The sitting's row locked, so seats are counted and taken one registration at a time. */
export async function findSittingForUpdate(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("exam_sittings").select(sittingColumns).where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function countRegistrations(db: Db, sittingId: string) {
  const row = await db
    .selectFrom("exam_registrations")
    .select(({ fn }) => fn.countAll<string>().as("count"))
    .where("sitting_id", "=", sittingId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

const registrationColumns = [
  "exam_registrations.id",
  "exam_registrations.application_id",
  "exam_registrations.sitting_id",
  "exam_registrations.exam_code",
  "exam_registrations.accommodation_request",
  "exam_registrations.accommodation_answer",
  "exam_registrations.part1_correct",
  "exam_registrations.part2_answers",
  "exam_registrations.part2_file_sha256",
  "exam_registrations.part2_file_media_type",
  "exam_registrations.result",
  "exam_registrations.decided_on",
] as const;

export function insertRegistration(db: Db, registration: { applicationId: string; sittingId: string; examCode: string; accommodationRequest: string | null }) {
  return db
    .insertInto("exam_registrations")
    .values({
      application_id: registration.applicationId,
      sitting_id: registration.sittingId,
      exam_code: registration.examCode,
      accommodation_request: registration.accommodationRequest,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** A registration with its sitting's association, locked for a change. */
export async function findRegistrationForUpdate(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom("exam_registrations")
    .innerJoin("exam_sittings", "exam_sittings.id", "exam_registrations.sitting_id")
    .select(registrationColumns)
    .select(["exam_sittings.association_id", "exam_sittings.created_by_user_id"])
    .where("exam_registrations.id", "=", id)
    .forUpdate("exam_registrations")
    .executeTakeFirst();
}

export function updateRegistration(
  db: Db,
  id: string,
  fields: Partial<{
    accommodation_answer: string;
    part1_correct: number;
    part2_answers: string;
    part2_file_sha256: string;
    part2_file_media_type: string;
    result: ExamResult;
    decided_on: string;
  }>,
) {
  return db.updateTable("exam_registrations").set(fields).where("id", "=", id).execute();
}

/** Everyone registered for a sitting, with their name and application: for the association's staff only. */
export function listRosterOfSitting(db: Db, sittingId: string) {
  return db
    .selectFrom("exam_registrations")
    .innerJoin("applications", "applications.id", "exam_registrations.application_id")
    .innerJoin("users", "users.id", "applications.user_id")
    .select(registrationColumns)
    .select(["users.id as user_id", "users.name", "applications.framework_id", "applications.category_id"])
    .where("exam_registrations.sitting_id", "=", sittingId)
    .orderBy("exam_registrations.created_at")
    .orderBy("exam_registrations.id")
    .execute();
}

/** An application's registrations, newest first. */
export function listRegistrationsOfApplication(db: Db, applicationId: string) {
  return db
    .selectFrom("exam_registrations")
    .innerJoin("exam_sittings", "exam_sittings.id", "exam_registrations.sitting_id")
    .select(registrationColumns)
    .select(["exam_sittings.day", "exam_sittings.starts_at", "exam_sittings.time_zone", "exam_sittings.mode", "exam_sittings.place"])
    .where("exam_registrations.application_id", "=", applicationId)
    .orderBy("exam_registrations.created_at", "desc")
    .orderBy("exam_registrations.id", "desc")
    .execute();
}

const ratingColumns = [
  "exam_ratings.id",
  "exam_ratings.registration_id",
  "exam_ratings.rater_user_id",
  "exam_ratings.round",
  "exam_ratings.result",
  "exam_ratings.comments",
  "exam_ratings.hours",
  "exam_ratings.submitted_at",
] as const;

export async function insertRating(db: Db, rating: { registrationId: string; raterUserId: string; round: RatingRound; assignedByUserId: string }) {
  const row = await db
    .insertInto("exam_ratings")
    .values({ registration_id: rating.registrationId, rater_user_id: rating.raterUserId, round: rating.round, assigned_by_user_id: rating.assignedByUserId })
    .onConflict((conflict) => conflict.doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

export function listRatingsOfRegistrations(db: Db, registrationIds: readonly string[]) {
  if (registrationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("exam_ratings")
    .innerJoin("users", "users.id", "exam_ratings.rater_user_id")
    .select(ratingColumns)
    .select("users.name as rater_name")
    .where("exam_ratings.registration_id", "in", registrationIds)
    .orderBy("exam_ratings.created_at")
    .execute();
}

/** One rater's rating, locked, with what the rating may know of its registration: its code, answers and sitting's association. */
export async function findRatingOfRaterForUpdate(db: Db, ratingId: string, raterUserId: string) {
  if (!isUuid(ratingId)) return undefined;
  return db
    .selectFrom("exam_ratings")
    .innerJoin("exam_registrations", "exam_registrations.id", "exam_ratings.registration_id")
    .innerJoin("exam_sittings", "exam_sittings.id", "exam_registrations.sitting_id")
    .select(ratingColumns)
    .select(["exam_registrations.exam_code", "exam_registrations.part2_answers", "exam_registrations.part2_file_sha256", "exam_sittings.association_id"])
    .where("exam_ratings.id", "=", ratingId)
    .where("exam_ratings.rater_user_id", "=", raterUserId)
    .forUpdate("exam_ratings")
    .executeTakeFirst();
}

export function recordRating(db: Db, id: string, rating: { result: ExamResult; comments: string; hours: number }, now: Date) {
  return db
    .updateTable("exam_ratings")
    .set({ result: rating.result, comments: rating.comments, hours: rating.hours, submitted_at: now })
    .where("id", "=", id)
    .execute();
}

/**
 * What a rater may read of a rating: the exam code, the Part 2 answers and the category's
 * exam (for the guide). Never the application, the person or the sitting's roster.
 */
export async function findRatingForRater(db: Db, ratingId: string, raterUserId: string) {
  if (!isUuid(ratingId)) return undefined;
  return db
    .selectFrom("exam_ratings")
    .innerJoin("exam_registrations", "exam_registrations.id", "exam_ratings.registration_id")
    .innerJoin("applications", "applications.id", "exam_registrations.application_id")
    .select(["exam_ratings.id", "exam_ratings.round", "exam_ratings.result", "exam_ratings.comments", "exam_ratings.hours", "exam_ratings.submitted_at"])
    .select([
      "exam_registrations.exam_code",
      "exam_registrations.part2_answers",
      "exam_registrations.part2_file_sha256",
      "exam_registrations.part2_file_media_type",
      "applications.framework_id",
      "applications.category_id",
    ])
    .where("exam_ratings.id", "=", ratingId)
    .where("exam_ratings.rater_user_id", "=", raterUserId)
    .executeTakeFirst();
}

// Newest assignment first, as the index exam_ratings_rater keeps them.
const ratingsOrder: KeysetOrder = {
  direction: "desc",
  keys: [orderKey(sql.ref("exam_ratings.created_at"), "timestamp"), orderKey(sql.ref("exam_ratings.id"), "uuid")],
};

/** One page of a rater's ratings, each known only by its exam code. */
export function pageRatingsOfRater(db: Db, raterUserId: string, request: PageRequest) {
  const query = db
    .selectFrom("exam_ratings")
    .innerJoin("exam_registrations", "exam_registrations.id", "exam_ratings.registration_id")
    .select(["exam_ratings.id", "exam_ratings.round", "exam_ratings.submitted_at", "exam_ratings.created_at", "exam_registrations.exam_code"])
    .where("exam_ratings.rater_user_id", "=", raterUserId);
  return readPage(query, ratingsOrder, request);
}

/** The newest decided result of an application's exam, if any. */
export function findLatestResult(db: Db, applicationId: string) {
  return db
    .selectFrom("exam_registrations")
    .select(["result", "decided_on"])
    .where("application_id", "=", applicationId)
    .where("result", "is not", null)
    .orderBy("decided_on", "desc")
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Whether the application's newest decided exam is a pass: staff's endorse decision from "exam" requires it. */
export async function hasPassedExam(db: Db, applicationId: string) {
  return (await findLatestResult(db, applicationId))?.result === "pass";
}

/** Whether an application has a registration still waiting for its result. */
export async function hasOpenRegistration(db: Db, applicationId: string) {
  const row = await db.selectFrom("exam_registrations").select("id").where("application_id", "=", applicationId).where("result", "is", null).executeTakeFirst();
  return row !== undefined;
}

/** The association's applications approved to sit the exam whose approval lasts until `day` or later, with the applicant's name: for staff registering someone. */
export function listApplicationsApprovedForExam(db: Db, associationId: string, day: string) {
  return db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.user_id")
    .select(["applications.id", "users.name"])
    .where("applications.association_id", "=", associationId)
    .where("applications.status", "=", "approved-for-exam")
    .where("applications.exam_approved_until", ">=", day)
    .orderBy("users.name")
    .orderBy("applications.id")
    .limit(200)
    .execute();
}
