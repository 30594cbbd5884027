import type { Db } from "./database.ts";

/**
 * The ids of the service entries in a person's portfolio (`creditServiceHours`'s `service-<work>`)
 * for work they did for one association: reviews, advisory reviews and exam ratings.
 */
export async function serviceEntryIdsIn(db: Db, userId: string, associationId: string): Promise<Set<string>> {
  const [reviews, advisories, ratings] = await Promise.all([
    db
      .selectFrom("reviews")
      .innerJoin("applications", "applications.id", "reviews.application_id")
      .select("reviews.id")
      .where("reviews.reviewer_user_id", "=", userId)
      .where("applications.association_id", "=", associationId)
      .execute(),
    db.selectFrom("advisory_reviews").select("id").where("advisor_user_id", "=", userId).where("association_id", "=", associationId).execute(),
    db
      .selectFrom("exam_ratings")
      .innerJoin("exam_registrations", "exam_registrations.id", "exam_ratings.registration_id")
      .innerJoin("exam_sittings", "exam_sittings.id", "exam_registrations.sitting_id")
      .select("exam_ratings.id")
      .where("exam_ratings.rater_user_id", "=", userId)
      .where("exam_sittings.association_id", "=", associationId)
      .execute(),
  ]);
  return new Set([
    ...reviews.map((row) => `service-review-${row.id}`),
    ...advisories.map((row) => `service-advisory-${row.id}`),
    ...ratings.map((row) => `service-exam-rating-${row.id}`),
  ]);
}
