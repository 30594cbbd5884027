import type { Db } from "./database.ts";
import type { EmailTokenPurpose } from "./schema.ts";

export async function insertEmailToken(
  db: Db,
  token: { userId: string; purpose: EmailTokenPurpose; tokenHash: string; expiresAt: Date },
) {
  await db
    .insertInto("email_tokens")
    .values({ user_id: token.userId, purpose: token.purpose, token_hash: token.tokenHash, expires_at: token.expiresAt })
    .execute();
}

/** Marks a live token used and returns its user; a used, expired or unknown token returns undefined. */
export function consumeEmailToken(db: Db, purpose: EmailTokenPurpose, tokenHash: string, now: Date) {
  return db
    .updateTable("email_tokens")
    .set({ used_at: now })
    .where("token_hash", "=", tokenHash)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning(["user_id"])
    .executeTakeFirst();
}

export function findLiveEmailToken(db: Db, purpose: EmailTokenPurpose, tokenHash: string, now: Date) {
  return db
    .selectFrom("email_tokens")
    .select(["user_id"])
    .where("token_hash", "=", tokenHash)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

/** A new link replaces the older ones of the same purpose. */
export async function expireEmailTokens(db: Db, userId: string, purpose: EmailTokenPurpose, now: Date) {
  await db
    .updateTable("email_tokens")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .execute();
}
