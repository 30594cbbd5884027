import { z } from "zod";
import { recordHit } from "../data/rate-limits.ts";
import { findUserByEmail } from "../data/users.ts";
import { emailInput, localeInput } from "./shared/account-input.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";
import { sendVerificationLink } from "./shared/send-verification-link.ts";

const hour = 60 * 60 * 1000;

/**
 * A visitor asks for a new confirmation link for an unconfirmed account (at most 5 an hour per
 * email). The answer is the same whether or not the account exists; only a sent link is audited.
 */
export const resendVerification = defineCommand({
  name: "account.verification-resent",
  actors: ["visitor"],
  input: z.object({ email: emailInput, locale: localeInput }),
  async run(scope) {
    const { tx, input, now } = scope;
    if ((await recordHit(tx, `verify:${input.email.toLowerCase()}`, hour, now)) > 5) return unchanged(null);
    const user = await findUserByEmail(tx, input.email);
    if (!user || user.email_verified_at) return unchanged(null);
    await sendVerificationLink(scope, { ...user, locale: user.locale ?? input.locale });
    return done({ type: "user", id: user.id }, null);
  },
});
