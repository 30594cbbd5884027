import { hitRateLimit } from "../auth/rate-limit.ts";
import { createToken } from "../auth/tokens.ts";
import { expireEmailTokens, insertEmailToken } from "../data/email-tokens.ts";
import { enqueueMail } from "../data/outbox.ts";
import type { Locale } from "../data/schema.ts";
import { findUserByEmail } from "../data/users.ts";
import { resetPasswordMail } from "../mail/templates.ts";
import { type CommandContext, fail, ok, type Result } from "./command-context.ts";

const hour = 60 * 60 * 1000;

/** Mails a one-hour reset link when the account exists; the answer is the same either way. */
export async function requestPasswordReset(
  context: CommandContext,
  input: { email: string; clientIp: string; locale: Locale },
): Promise<Result<null>> {
  const now = context.now();
  const waitMinutes =
    (await hitRateLimit(context.db, "reset:ip", input.clientIp, now)) ??
    (await hitRateLimit(context.db, "reset:email", input.email, now));
  if (waitMinutes !== undefined) return fail({ form: "logIn.rateLimited" }, waitMinutes);

  await context.db.transaction().execute(async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (!user) return;
    const { token, hash } = createToken();
    await expireEmailTokens(tx, user.id, "reset-password", now);
    await insertEmailToken(tx, { userId: user.id, purpose: "reset-password", tokenHash: hash, expiresAt: new Date(now.getTime() + hour) });
    const link = `${context.baseUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await enqueueMail(tx, { kind: "reset-password", userId: user.id, to: user.email, ...resetPasswordMail(user.locale ?? input.locale, user.name, link) });
  });
  return ok(null);
}
