import { sql } from "kysely";
import type { Actor } from "../policies/actor.ts";
import type { Db } from "./database.ts";

export type AuditEntry = {
  actor: Actor;
  associationId?: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
};

/** Who acted, in two columns: a person's id, or what else acted (which link, which job, which address). */
function actorColumns(actor: Actor) {
  switch (actor.kind) {
    case "person":
      return { actor_user_id: actor.userId, actor_kind: actor.kind, actor_ref: null };
    case "link":
      return { actor_user_id: null, actor_kind: actor.kind, actor_ref: actor.linkId ? `${actor.purpose}:${actor.linkId}` : actor.purpose };
    case "visitor":
      return { actor_user_id: null, actor_kind: actor.kind, actor_ref: actor.clientIp };
    case "system":
      return { actor_user_id: null, actor_kind: actor.kind, actor_ref: actor.job };
  }
}

export async function appendAudit(db: Db, entry: AuditEntry) {
  await db
    .insertInto("audit_log")
    .values({
      ...actorColumns(entry.actor),
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
    .select(["action", "actor_user_id", "actor_kind", "actor_ref", "details", "created_at"])
    .where("subject_type", "=", subjectType)
    .where("subject_id", "=", subjectId)
    .orderBy("created_at")
    .execute();
}

/** The client address of the visitor who wrote a subject's first entry of `action` (who signed an account up), if a visitor did. */
export async function findVisitorAddressOf(db: Db, action: string, subjectType: string, subjectId: string): Promise<string | null> {
  const row = await db
    .selectFrom("audit_log")
    .select("actor_ref")
    .where("subject_type", "=", subjectType)
    .where("subject_id", "=", subjectId)
    .where("action", "=", action)
    .where("actor_kind", "=", "visitor")
    .orderBy("created_at")
    .limit(1)
    .executeTakeFirst();
  return row?.actor_ref ?? null;
}

/** The entries of some actions on a set of subjects (the requests made about a portfolio's entries). */
export async function listAuditOfSubjects(db: Db, subjectType: string, subjectIds: readonly string[], actions: readonly string[]) {
  if (subjectIds.length === 0 || actions.length === 0) return [];
  return db
    .selectFrom("audit_log")
    .select(["subject_id", "action", "actor_kind", "details"])
    .where("subject_type", "=", subjectType)
    .where("subject_id", "in", subjectIds)
    .where("action", "in", actions)
    .orderBy("created_at")
    .execute();
}

/** Most entries an application's exported trail carries; its commands write tens, not thousands. */
export const applicationTrailLimit = 5000;

/**
 * Everything the audit log holds about one application, oldest first: the entries whose subject
 * it is, and those about its parts (a review, an exam, a letter) that name it in `applicationId`.
 */
export function listApplicationTrail(db: Db, applicationId: string) {
  return db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_user_id")
    .select([
      "audit_log.created_at",
      "audit_log.action",
      "audit_log.actor_kind",
      "audit_log.actor_ref",
      "users.name as actor_name",
      "users.email as actor_email",
      "audit_log.subject_type",
      "audit_log.subject_id",
      "audit_log.details",
    ])
    .where((where) =>
      where.or([
        where.and([where("audit_log.subject_type", "=", "application"), where("audit_log.subject_id", "=", applicationId)]),
        where(sql<string>`audit_log.details ->> 'applicationId'`, "=", applicationId),
      ]),
    )
    .orderBy("audit_log.created_at")
    .orderBy("audit_log.id")
    .limit(applicationTrailLimit)
    .execute();
}
