import type { Db } from "./database.ts";
import { isUuid } from "./ids.ts";
import type { DeclaredConflictKind } from "./schema.ts";

export async function insertDeclaredConflict(db: Db, conflict: { userId: string; associationId: string; kind: DeclaredConflictKind; value: string; reason: string }) {
  const row = await db
    .insertInto("declared_conflicts")
    .values({ user_id: conflict.userId, association_id: conflict.associationId, kind: conflict.kind, value: conflict.value, reason: conflict.reason })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Only the reviewer's own declaration in that association; false when there is none to remove. */
export async function deleteDeclaredConflict(db: Db, conflict: { id: string; userId: string; associationId: string }) {
  if (!isUuid(conflict.id)) return undefined;
  const row = await db
    .deleteFrom("declared_conflicts")
    .where("id", "=", conflict.id)
    .where("user_id", "=", conflict.userId)
    .where("association_id", "=", conflict.associationId)
    .returning(["kind", "value"])
    .executeTakeFirst();
  return row;
}

export function listDeclaredConflicts(db: Db, userId: string, associationId: string) {
  return db
    .selectFrom("declared_conflicts")
    .select(["id", "kind", "value", "reason", "created_at"])
    .where("user_id", "=", userId)
    .where("association_id", "=", associationId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}
