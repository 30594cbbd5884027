import { type ExpressionBuilder, sql } from "kysely";
import type { Db } from "./database.ts";
import type { Database, EmailTokenPurpose } from "./schema.ts";

export async function insertEmailToken(
  db: Db,
  token: { userId: string; purpose: EmailTokenPurpose; tokenHash: string; expiresAt: Date },
) {
  await db
    .insertInto("email_tokens")
    .values({ user_id: token.userId, purpose: token.purpose, token_hash: token.tokenHash, expires_at: token.expiresAt })
    .execute();
}

/** A token is live while unused and unexpired. */
function isLive(token: { tokenHash: string; purpose: EmailTokenPurpose; now: Date }) {
  return (eb: ExpressionBuilder<Database, "email_tokens">) =>
    eb.and([
      eb("token_hash", "=", token.tokenHash),
      eb("purpose", "=", token.purpose),
      eb("used_at", "is", null),
      eb("expires_at", ">", token.now),
    ]);
}

/** Marks a live token used and returns its user; a used, expired or unknown token returns undefined. */
export function consumeEmailToken(db: Db, purpose: EmailTokenPurpose, tokenHash: string, now: Date) {
  return db.updateTable("email_tokens").set({ used_at: now }).where(isLive({ tokenHash, purpose, now })).returning(["id", "user_id"]).executeTakeFirst();
}

export function findLiveEmailToken(db: Db, purpose: EmailTokenPurpose, tokenHash: string, now: Date) {
  return db.selectFrom("email_tokens").select(["id", "user_id"]).where(isLive({ tokenHash, purpose, now })).executeTakeFirst();
}

/**
 * A new link replaces the older ones of the same purpose: at once, or after `graceMs` (the older
 * ones then expire at the latest that long from now), for a mail that may arrive late.
 */
export async function expireEmailTokens(db: Db, userId: string, purpose: EmailTokenPurpose, now: Date, graceMs = 0) {
  const ending = db.updateTable("email_tokens");
  const endsAt = new Date(now.getTime() + graceMs);
  await (graceMs > 0 ? ending.set({ expires_at: sql<Date>`least(expires_at, ${endsAt})` }) : ending.set({ used_at: now }))
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .execute();
}

/** Tokens that expired before `before`, used or not: kept a while for support questions, then dropped. */
export async function deleteStaleEmailTokens(db: Db, before: Date) {
  await db.deleteFrom("email_tokens").where("expires_at", "<", before).execute();
}
