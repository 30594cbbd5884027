import type { Db } from "./database.ts";

export type CategoryTarget = { frameworkId: string; categoryId: string };

/** The categories a person is working toward, first chosen first. */
export async function listCategoryTargets(db: Db, userId: string): Promise<CategoryTarget[]> {
  const rows = await db
    .selectFrom("category_targets")
    .select(["framework_id", "category_id"])
    .where("user_id", "=", userId)
    .orderBy("chosen_at")
    .orderBy("category_id")
    .execute();
  return rows.map((row) => ({ frameworkId: row.framework_id, categoryId: row.category_id }));
}

/** Adds a target; false when it was one already. */
export async function insertCategoryTarget(db: Db, userId: string, target: CategoryTarget, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto("category_targets")
    .values({ user_id: userId, framework_id: target.frameworkId, category_id: target.categoryId, chosen_at: now })
    .onConflict((conflict) => conflict.doNothing())
    .returning("user_id")
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Removes a target; false when it was not one. */
export async function deleteCategoryTarget(db: Db, userId: string, target: CategoryTarget): Promise<boolean> {
  const deleted = await db
    .deleteFrom("category_targets")
    .where("user_id", "=", userId)
    .where("framework_id", "=", target.frameworkId)
    .where("category_id", "=", target.categoryId)
    .executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}
