import type { Db } from "./database.ts";
import { isUuid } from "./ids.ts";
import type { LetterKind } from "../domain/letters.ts";
import type { Locale } from "./schema.ts";

export async function insertLetter(
  db: Db,
  letter: { applicationId: string; kind: LetterKind; locale: Locale; subject: string; body: string; createdByUserId: string | null },
) {
  const row = await db
    .insertInto("letters")
    .values({
      application_id: letter.applicationId,
      kind: letter.kind,
      locale: letter.locale,
      subject: letter.subject,
      body: letter.body,
      created_by_user_id: letter.createdByUserId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The application's letters, oldest first, without their bodies. */
export function listLettersOfApplication(db: Db, applicationId: string) {
  return db.selectFrom("letters").select(["id", "kind", "subject", "created_at"]).where("application_id", "=", applicationId).orderBy("created_at").orderBy("id").execute();
}

/** One letter of one application (undefined for a letter of another). */
export async function findLetter(db: Db, applicationId: string, letterId: string) {
  if (!isUuid(letterId) || !isUuid(applicationId)) return undefined;
  return db
    .selectFrom("letters")
    .select(["id", "kind", "locale", "subject", "body", "created_at"])
    .where("id", "=", letterId)
    .where("application_id", "=", applicationId)
    .executeTakeFirst();
}

/** The association's own wordings (only those it wrote). */
export function listLetterTexts(db: Db, associationId: string) {
  return db.selectFrom("letter_texts").select(["kind", "locale", "subject", "body"]).where("association_id", "=", associationId).execute();
}

export function findLetterText(db: Db, associationId: string, kind: LetterKind, locale: Locale) {
  return db
    .selectFrom("letter_texts")
    .select(["subject", "body"])
    .where("association_id", "=", associationId)
    .where("kind", "=", kind)
    .where("locale", "=", locale)
    .executeTakeFirst();
}

export async function upsertLetterText(db: Db, text: { associationId: string; kind: LetterKind; locale: Locale; subject: string; body: string }, now: Date) {
  await db
    .insertInto("letter_texts")
    .values({ association_id: text.associationId, kind: text.kind, locale: text.locale, subject: text.subject, body: text.body, updated_at: now })
    .onConflict((conflict) => conflict.columns(["association_id", "kind", "locale"]).doUpdateSet({ subject: text.subject, body: text.body, updated_at: now }))
    .execute();
}

/** Back to Cradle's default; whether there was an own wording to remove. */
export async function deleteLetterText(db: Db, associationId: string, kind: LetterKind, locale: Locale) {
  const result = await db.deleteFrom("letter_texts").where("association_id", "=", associationId).where("kind", "=", kind).where("locale", "=", locale).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
