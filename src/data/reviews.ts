import type { Db } from "./database.ts";
import type { ReviewAnswers, StoredReviewItem } from "../domain/review-checklist.ts";

const columns = ["id", "status", "items", "scores", "feedback", "staff_notes", "recommendation", "hours", "updated_at", "submitted_at"] as const;

type ReviewRow = { hours: string | null };
const withHours = <Row extends ReviewRow>(row: Row): Omit<Row, "hours"> & { hours: number | null } => ({ ...row, hours: row.hours === null ? null : Number(row.hours) });

/** A reviewer's own review of one version of the file (their draft or what they submitted); nobody else's. */
export async function findReviewOf(db: Db, applicationId: string, version: number, reviewerUserId: string, lock = false) {
  let query = db
    .selectFrom("reviews")
    .select(columns)
    .where("application_id", "=", applicationId)
    .where("version", "=", version)
    .where("reviewer_user_id", "=", reviewerUserId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? withHours(row) : undefined;
}

export type StoredAnswers = Omit<ReviewAnswers, "items"> & { items: StoredReviewItem[]; staffNotes: string };

/** Writes the reviewer's answers: a new draft, or over their draft (a submitted review is never written again: callers check). */
export async function saveReview(db: Db, review: { applicationId: string; version: number; reviewerUserId: string }, answers: StoredAnswers, now: Date, submit: boolean) {
  const values = {
    items: JSON.stringify(answers.items),
    scores: JSON.stringify(answers.scores),
    feedback: answers.feedback,
    staff_notes: answers.staffNotes,
    recommendation: answers.recommendation,
    hours: answers.hours,
    updated_at: now,
    ...(submit ? { status: "submitted" as const, submitted_at: now } : {}),
  };
  const row = await db
    .insertInto("reviews")
    .values({ application_id: review.applicationId, version: review.version, reviewer_user_id: review.reviewerUserId, ...values })
    .onConflict((conflict) => conflict.columns(["application_id", "version", "reviewer_user_id"]).doUpdateSet(values))
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The submitted reviews of one version of the file, with their reviewers' names, first submitted first. Drafts are never read here. */
export async function listSubmittedReviews(db: Db, applicationId: string, version: number) {
  const rows = await db
    .selectFrom("reviews")
    .innerJoin("users", "users.id", "reviews.reviewer_user_id")
    .select([...columns.map((column) => `reviews.${column}` as const), "reviews.reviewer_user_id", "users.name as reviewerName"])
    .where("reviews.application_id", "=", applicationId)
    .where("reviews.version", "=", version)
    .where("reviews.status", "=", "submitted")
    .orderBy("reviews.submitted_at")
    .orderBy("reviews.id")
    .execute();
  return rows.map(withHours);
}
