import type { Db } from "./database.ts";

export type DraftFields = Record<string, string | string[]>;

export async function saveFormDraft(db: Db, userId: string, formKey: string, fields: DraftFields, now: Date) {
  await db
    .insertInto("form_drafts")
    .values({ user_id: userId, form_key: formKey, fields: JSON.stringify(fields), updated_at: now })
    .onConflict((c) => c.columns(["user_id", "form_key"]).doUpdateSet({ fields: JSON.stringify(fields), updated_at: now }))
    .execute();
}

export async function findFormDraft(db: Db, userId: string, formKey: string): Promise<DraftFields | undefined> {
  const row = await db.selectFrom("form_drafts").select("fields").where("user_id", "=", userId).where("form_key", "=", formKey).executeTakeFirst();
  return row?.fields;
}

export async function deleteFormDraft(db: Db, userId: string, formKey: string) {
  await db.deleteFrom("form_drafts").where("user_id", "=", userId).where("form_key", "=", formKey).execute();
}

/** Keeps a person's `keep` most recently saved drafts and deletes the rest. */
export async function keepNewestFormDrafts(db: Db, userId: string, keep: number) {
  const newest = db.selectFrom("form_drafts").select("form_key").where("user_id", "=", userId).orderBy("updated_at", "desc").orderBy("form_key").limit(keep);
  await db.deleteFrom("form_drafts").where("user_id", "=", userId).where("form_key", "not in", newest).execute();
}
