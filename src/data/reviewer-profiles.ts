import type { Db } from "./database.ts";
import type { ReviewerProfile } from "../domain/reviewer-eligibility.ts";

const columns = ["user_id", "framework_id", "category_id", "held_since", "max_open", "unavailable"] as const;

function toProfile(row: { framework_id: string; category_id: string; held_since: string; max_open: number; unavailable: Array<{ from: string; to: string }> }): ReviewerProfile {
  return { frameworkId: row.framework_id, categoryId: row.category_id, heldSince: row.held_since, maxOpen: row.max_open, unavailable: row.unavailable };
}

/** The profiles staff recorded for an association's reviewers, by user id. */
export async function listReviewerProfiles(db: Db, associationId: string): Promise<Map<string, ReviewerProfile>> {
  const rows = await db.selectFrom("reviewer_profiles").select(columns).where("association_id", "=", associationId).execute();
  return new Map(rows.map((row) => [row.user_id, toProfile(row)]));
}

/** One reviewer's profile, its row locked until the commit, so two assignments at once cannot both take the last open place. */
export async function findReviewerProfileForUpdate(db: Db, associationId: string, userId: string): Promise<ReviewerProfile | undefined> {
  const row = await db
    .selectFrom("reviewer_profiles")
    .select(columns)
    .where("association_id", "=", associationId)
    .where("user_id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  return row ? toProfile(row) : undefined;
}

export async function upsertReviewerProfile(db: Db, associationId: string, userId: string, profile: ReviewerProfile, now: Date): Promise<void> {
  const values = {
    framework_id: profile.frameworkId,
    category_id: profile.categoryId,
    held_since: profile.heldSince,
    max_open: profile.maxOpen,
    unavailable: JSON.stringify(profile.unavailable),
    updated_at: now,
  };
  await db
    .insertInto("reviewer_profiles")
    .values({ association_id: associationId, user_id: userId, ...values })
    .onConflict((conflict) => conflict.columns(["association_id", "user_id"]).doUpdateSet(values))
    .execute();
}
