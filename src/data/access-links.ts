import type { Db } from "./database.ts";
import { isUuid } from "./ids.ts";
import type { AccessLinkPurpose, Locale } from "./schema.ts";

const columns = [
  "id",
  "purpose",
  "user_id",
  "entry_id",
  "recipient_name",
  "recipient_email",
  "locale",
  "framework_id",
  "category_id",
  "association_id",
  "waived",
  "expires_at",
  "completed_at",
  "reminders_sent",
  "draft",
  "answers",
  "created_at",
] as const;

export type NewAccessLink = {
  tokenHash: string;
  purpose: AccessLinkPurpose;
  userId: string;
  entryId: string;
  recipientName: string;
  recipientEmail: string;
  locale: Locale;
  frameworkId: string | null;
  /** What a rating is for: the category sought, through which association (null when the person belongs to none). */
  categoryId?: string | null;
  associationId?: string | null;
  waived: boolean;
  expiresAt: Date;
};

export async function insertAccessLink(db: Db, link: NewAccessLink) {
  const inserted = await db
    .insertInto("access_links")
    .values({
      purpose: link.purpose,
      user_id: link.userId,
      entry_id: link.entryId,
      recipient_name: link.recipientName,
      recipient_email: link.recipientEmail,
      locale: link.locale,
      framework_id: link.frameworkId,
      category_id: link.categoryId ?? null,
      association_id: link.associationId ?? null,
      waived: link.waived,
      expires_at: link.expiresAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await addAccessLinkToken(db, inserted.id, link.tokenHash);
  return inserted;
}

export async function addAccessLinkToken(db: Db, linkId: string, tokenHash: string) {
  await db.insertInto("access_link_tokens").values({ token_hash: tokenHash, link_id: linkId }).execute();
}

export async function findAccessLinkForUpdate(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("access_links").select(columns).where("id", "=", id).forUpdate().executeTakeFirst();
}

/** A link by its token, whatever its state: the page says whether it expired or was used. */
export function findAccessLinkByToken(db: Db, purpose: AccessLinkPurpose, tokenHash: string) {
  return db
    .selectFrom("access_link_tokens")
    .innerJoin("access_links", "access_links.id", "access_link_tokens.link_id")
    .select(columns.map((column) => `access_links.${column}` as const))
    .where("access_link_tokens.token_hash", "=", tokenHash)
    .where("access_links.purpose", "=", purpose)
    .executeTakeFirst();
}

export function listAccessLinksOfUser(db: Db, userId: string, purpose: AccessLinkPurpose) {
  return db.selectFrom("access_links").select(columns).where("user_id", "=", userId).where("purpose", "=", purpose).orderBy("created_at").execute();
}

export async function saveAccessLinkDraft(db: Db, id: string, draft: Record<string, string>) {
  await db.updateTable("access_links").set({ draft: JSON.stringify(draft) }).where("id", "=", id).where("completed_at", "is", null).execute();
}

/** Marks the link answered; false when it was already used (two submissions race: the first wins). */
export async function completeAccessLink(db: Db, id: string, answers: Record<string, unknown>, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("access_links")
    .set({ answers: JSON.stringify(answers), completed_at: now, draft: null })
    .where("id", "=", id)
    .where("completed_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Open links due their nth reminder: `afterDays` since they were sent and fewer than `nth` reminders so far. */
export function listLinksDueReminder(db: Db, purpose: AccessLinkPurpose, nth: number, sentBefore: Date, now: Date) {
  return db
    .selectFrom("access_links")
    .select(columns)
    .where("purpose", "=", purpose)
    .where("completed_at", "is", null)
    .where("expires_at", ">", now)
    .where("reminders_sent", "=", nth - 1)
    .where("created_at", "<=", sentBefore)
    .execute();
}

export async function markReminded(db: Db, id: string, count: number) {
  await db.updateTable("access_links").set({ reminders_sent: count }).where("id", "=", id).execute();
}

/** The entries a confirm-entries link was sent for. */
export async function insertAccessLinkEntries(db: Db, linkId: string, entryIds: readonly string[]) {
  if (entryIds.length === 0) return;
  await db
    .insertInto("access_link_entries")
    .values(entryIds.map((entryId) => ({ link_id: linkId, entry_id: entryId })))
    .execute();
}

export async function listAccessLinkEntries(db: Db, linkId: string): Promise<string[]> {
  const rows = await db.selectFrom("access_link_entries").select("entry_id").where("link_id", "=", linkId).execute();
  return rows.map((row) => row.entry_id);
}

/** Every entry of the user's that a still-open confirm-entries link asks about, with the mailbox it was sent to. */
export function listOpenBatchEntriesOfUser(db: Db, userId: string, now: Date) {
  return db
    .selectFrom("access_link_entries")
    .innerJoin("access_links", "access_links.id", "access_link_entries.link_id")
    .select(["access_link_entries.entry_id", "access_links.recipient_email"])
    .where("access_links.user_id", "=", userId)
    .where("access_links.purpose", "=", "confirm-entries")
    .where("access_links.completed_at", "is", null)
    .where("access_links.expires_at", ">", now)
    .execute();
}
