import { liveAssignments } from "./applications.ts";
import type { Db } from "./database.ts";
import { isUuid } from "./ids.ts";

const columns = ["id", "user_id", "sha256", "type", "filename", "media_type", "size_bytes", "created_at"] as const;
export function insertDocument(db: Db, document: { userId: string; sha256: string; type: string; filename: string; mediaType: string; sizeBytes: number }) {
  return db
    .insertInto("documents")
    .values({ user_id: document.userId, sha256: document.sha256, type: document.type, filename: document.filename, media_type: document.mediaType, size_bytes: document.sizeBytes })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function findDocument(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("documents").select(columns).where("id", "=", id).executeTakeFirst();
}

export function listDocumentsOfUser(db: Db, userId: string) {
  return db.selectFrom("documents").select(columns).where("user_id", "=", userId).orderBy("created_at").execute();
}

/** The associations whose staff may read this person's documents: those the person has applied to. */
export async function associationsAppliedTo(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom("applications").select("association_id").distinct().where("user_id", "=", userId).where("status", "!=", "draft").execute();
  return rows.map((row) => row.association_id);
}

/** Whether this person is an assigned reviewer of an application the document's owner submitted. */
export async function reviewsApplicationsOf(db: Db, reviewerUserId: string, ownerUserId: string): Promise<boolean> {
  const row = await liveAssignments(db)
    .select("applications.id")
    .where("application_reviewers.reviewer_user_id", "=", reviewerUserId)
    .where("applications.user_id", "=", ownerUserId)
    .where("applications.status", "!=", "draft")
    .executeTakeFirst();
  return row !== undefined;
}

/** The file names of these uploads (a page's worth), by id. */
export async function listDocumentNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const uuids = ids.filter(isUuid);
  if (uuids.length === 0) return new Map();
  const rows = await db.selectFrom("documents").select(["id", "filename"]).where("id", "in", uuids).execute();
  return new Map(rows.map((row) => [row.id, row.filename]));
}
