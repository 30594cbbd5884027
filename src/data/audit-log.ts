import type { Db } from "./database.ts";

export type AuditEntry = {
  actorUserId: string | null;
  associationId?: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
};

export async function appendAudit(db: Db, entry: AuditEntry) {
  await db
    .insertInto("audit_log")
    .values({
      actor_user_id: entry.actorUserId,
      association_id: entry.associationId ?? null,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export function listAuditOfSubject(db: Db, subjectType: string, subjectId: string) {
  return db
    .selectFrom("audit_log")
    .select(["action", "actor_user_id", "details", "created_at"])
    .where("subject_type", "=", subjectType)
    .where("subject_id", "=", subjectId)
    .orderBy("created_at")
    .execute();
}
