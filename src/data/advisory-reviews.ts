import { sql } from "kysely";
import type { Db } from "./database.ts";
import { isUuid } from "./ids.ts";
import { type KeysetOrder, orderKey, type PageRequest, readPage } from "./keyset.ts";

const columns = [
  "advisory_reviews.id",
  "advisory_reviews.association_id",
  "advisory_reviews.applicant_user_id",
  "advisory_reviews.framework_id",
  "advisory_reviews.category_id",
  "advisory_reviews.question",
  "advisory_reviews.status",
  "advisory_reviews.advisor_user_id",
  "advisory_reviews.hours",
  "advisory_reviews.requested_at",
  "advisory_reviews.completed_at",
] as const;

export async function insertAdvisoryReview(
  db: Db,
  request: { associationId: string; applicantUserId: string; frameworkId: string; categoryId: string; question: string },
) {
  const row = await db
    .insertInto("advisory_reviews")
    .values({
      association_id: request.associationId,
      applicant_user_id: request.applicantUserId,
      framework_id: request.frameworkId,
      category_id: request.categoryId,
      question: request.question,
    })
    .onConflict((conflict) => conflict.columns(["applicant_user_id", "association_id"]).where("status", "<>", "completed").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

export async function findAdvisoryReviewForUpdate(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("advisory_reviews").select(columns).where("id", "=", id).forUpdate().executeTakeFirst();
}

/** One advisory review with the names of the applicant and the advisor. */
export async function findAdvisoryReview(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom("advisory_reviews")
    .innerJoin("users as applicants", "applicants.id", "advisory_reviews.applicant_user_id")
    .leftJoin("users as advisors", "advisors.id", "advisory_reviews.advisor_user_id")
    .select([...columns, "applicants.name as applicantName", "advisors.name as advisorName"])
    .where("advisory_reviews.id", "=", id)
    .executeTakeFirst();
}

export async function setAdvisoryAdvisor(db: Db, id: string, advisorUserId: string, now: Date) {
  await db.updateTable("advisory_reviews").set({ advisor_user_id: advisorUserId, status: "assigned", assigned_at: now }).where("id", "=", id).execute();
}

export async function markAdvisoryCompleted(db: Db, id: string, hours: number, now: Date) {
  await db.updateTable("advisory_reviews").set({ status: "completed", hours: String(hours), completed_at: now }).where("id", "=", id).execute();
}

/** A person's own advisory reviews, newest first: few per person (one open per association at a time). */
export function listAdvisoryReviewsOfApplicant(db: Db, userId: string) {
  return db
    .selectFrom("advisory_reviews")
    .innerJoin("associations", "associations.id", "advisory_reviews.association_id")
    .leftJoin("users as advisors", "advisors.id", "advisory_reviews.advisor_user_id")
    .select([...columns, "associations.name as associationName", "advisors.name as advisorName"])
    .where("advisory_reviews.applicant_user_id", "=", userId)
    .orderBy("advisory_reviews.requested_at", "desc")
    .limit(50)
    .execute();
}

/** The advisory reviews a person is the advisor of and has not completed. */
export function listOpenAdvisoryReviewsOfAdvisor(db: Db, advisorUserId: string) {
  return db
    .selectFrom("advisory_reviews")
    .innerJoin("users as applicants", "applicants.id", "advisory_reviews.applicant_user_id")
    .innerJoin("associations", "associations.id", "advisory_reviews.association_id")
    .select([...columns, "applicants.name as applicantName", "associations.name as associationName"])
    .where("advisory_reviews.advisor_user_id", "=", advisorUserId)
    .where("advisory_reviews.status", "=", "assigned")
    .orderBy("advisory_reviews.requested_at")
    .limit(100)
    .execute();
}

const associationOrder: KeysetOrder = {
  direction: "desc",
  keys: [orderKey(sql.ref("advisory_reviews.requested_at"), "timestamp"), orderKey(sql.ref("advisory_reviews.id"), "uuid")],
};

/**
 * The association's advisory reviews, newest request first, a page at a time, each with the
 * advisor of the applicant's newest candidacy toward the same category, who is offered first.
 */
export function pageAdvisoryReviewsOfAssociation(db: Db, associationId: string, request: PageRequest) {
  const candidacyAdvisor = sql<boolean>`candidacy_advisors.id = (
    select candidacies.advisor_user_id from candidacies
    where candidacies.user_id = advisory_reviews.applicant_user_id and candidacies.association_id = advisory_reviews.association_id
      and candidacies.framework_id = advisory_reviews.framework_id and candidacies.category_id = advisory_reviews.category_id
      and candidacies.advisor_user_id is not null
    order by candidacies.enrolled_at desc limit 1)`;
  const listed = db
    .selectFrom("advisory_reviews")
    .innerJoin("users as applicants", "applicants.id", "advisory_reviews.applicant_user_id")
    .leftJoin("users as advisors", "advisors.id", "advisory_reviews.advisor_user_id")
    .leftJoin("users as candidacy_advisors", (join) => join.on(candidacyAdvisor))
    .select([
      ...columns,
      "applicants.name as applicantName",
      "advisors.name as advisorName",
      "candidacy_advisors.id as candidacyAdvisorId",
      "candidacy_advisors.name as candidacyAdvisorName",
    ])
    .where("advisory_reviews.association_id", "=", associationId);
  return readPage(listed, associationOrder, request);
}

export async function insertAdvisoryComment(db: Db, comment: { advisoryReviewId: string; section: string; body: string }) {
  const row = await db
    .insertInto("advisory_comments")
    .values({ advisory_review_id: comment.advisoryReviewId, section: comment.section, body: comment.body })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listAdvisoryComments(db: Db, advisoryReviewIds: readonly string[]) {
  if (advisoryReviewIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("advisory_comments")
    .select(["id", "advisory_review_id", "section", "body", "created_at", "done_at"])
    .where("advisory_review_id", "in", advisoryReviewIds)
    .orderBy("created_at")
    .orderBy("id")
    .limit(500)
    .execute();
}

/** A comment on one of the applicant's own advisory reviews, locked for marking it done. */
export async function findAdvisoryCommentOfApplicant(db: Db, commentId: string, applicantUserId: string) {
  if (!isUuid(commentId)) return undefined;
  return db
    .selectFrom("advisory_comments")
    .innerJoin("advisory_reviews", "advisory_reviews.id", "advisory_comments.advisory_review_id")
    .select(["advisory_comments.id", "advisory_comments.done_at", "advisory_reviews.id as advisoryReviewId", "advisory_reviews.association_id"])
    .where("advisory_comments.id", "=", commentId)
    .where("advisory_reviews.applicant_user_id", "=", applicantUserId)
    .forUpdate()
    .executeTakeFirst();
}

export async function setAdvisoryCommentDone(db: Db, commentId: string, doneAt: Date | null) {
  await db.updateTable("advisory_comments").set({ done_at: doneAt }).where("id", "=", commentId).execute();
}
