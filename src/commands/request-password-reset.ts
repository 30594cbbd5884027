import { z } from "zod";
import { hitRateLimit } from "../auth/rate-limit.ts";
import { createToken } from "../auth/tokens.ts";
import { expireEmailTokens, insertEmailToken } from "../data/email-tokens.ts";
import { findUserByEmail } from "../data/users.ts";
import { resetPasswordMail } from "../mail/templates.ts";
import { emailInput, localeInput } from "./shared/account-input.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";

const hour = 60 * 60 * 1000;

/**
 * A visitor asks for a one-hour reset link, mailed when the account exists; the answer is the same
 * either way. Every request counts against the address and the email (an unknown email too: it
 * commits as `unchanged`); one over the limit is refused.
 */
export const requestPasswordReset = defineCommand({
  name: "account.password-reset-requested",
  actors: ["visitor"],
  input: z.object({ email: emailInput, locale: localeInput }),
  async run({ tx, actor, input, now, context, mail }) {
    const waitMinutes = (await hitRateLimit(tx, "reset:ip", actor.clientIp, now)) ?? (await hitRateLimit(tx, "reset:email", input.email, now));
    if (waitMinutes !== undefined) refuse({ form: "logIn.rateLimited" }, { retryAfterMinutes: waitMinutes });
    const user = await findUserByEmail(tx, input.email);
    if (!user) return unchanged(null);
    const { token, hash } = createToken();
    await expireEmailTokens(tx, user.id, "reset-password", now);
    await insertEmailToken(tx, { userId: user.id, purpose: "reset-password", tokenHash: hash, expiresAt: new Date(now.getTime() + hour) });
    const link = `${context.baseUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await mail({ kind: "reset-password", userId: user.id, to: user.email, ...resetPasswordMail(user.locale ?? input.locale, user.name, link) });
    return done({ type: "user", id: user.id }, null);
  },
});
