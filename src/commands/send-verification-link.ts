import { createToken } from "../auth/tokens.ts";
import type { Db } from "../data/database.ts";
import { expireEmailTokens, insertEmailToken } from "../data/email-tokens.ts";
import { enqueueMail } from "../data/outbox.ts";
import type { Locale } from "../data/schema.ts";
import { verifyEmailMail } from "../mail/templates.ts";
import type { CommandContext } from "./command-context.ts";

const day = 24 * 60 * 60 * 1000;

/** Writes a fresh 24-hour confirmation link and its mail; run it inside the caller's transaction. */
export async function sendVerificationLink(
  tx: Db,
  context: CommandContext,
  user: { id: string; email: string; name: string; locale: Locale },
) {
  const now = context.now();
  const { token, hash } = createToken();
  await expireEmailTokens(tx, user.id, "verify-email", now);
  await insertEmailToken(tx, { userId: user.id, purpose: "verify-email", tokenHash: hash, expiresAt: new Date(now.getTime() + day) });
  const link = `${context.baseUrl}/verify-email?token=${encodeURIComponent(token)}`;
  await enqueueMail(tx, { kind: "verify-email", userId: user.id, to: user.email, ...verifyEmailMail(user.locale, user.name, link) });
}
