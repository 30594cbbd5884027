import { z } from "zod";
import { hashPassword } from "../auth/password.ts";
import { hitRateLimit } from "../auth/rate-limit.ts";
import { findUserByEmail, insertUserUnlessTaken } from "../data/users.ts";
import { signUpAttemptMail } from "../mail/templates.ts";
import { emailInput, localeInput, newPasswordInput } from "./shared/account-input.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";
import { sendVerificationLink } from "./shared/send-verification-link.ts";

/**
 * A visitor creates an account; the account, its confirmation link and the mail are one transaction,
 * so a crash leaves all or nothing. The answer is the same whether or not the address has an account:
 * when it has, its owner is mailed a notice instead (in the account's language) and nothing else
 * changes, so that try is not audited. Before the transaction, the try counts against the client
 * address (5 an hour, then refused) and the email (3 an hour, then nothing more is mailed to it).
 */
export const signUp = defineCommand({
  name: "account.created",
  actors: ["visitor"],
  input: z.object({
    name: z.string().trim().min(1, "error.required").max(120, "error.tooLong"),
    email: emailInput,
    password: newPasswordInput,
    locale: localeInput,
  }),
  async prepare(input, { db, actor, context }) {
    const now = context.now();
    const waitMinutes = await hitRateLimit(db, "sign-up:ip", actor.clientIp, now);
    if (waitMinutes !== undefined) refuse({ form: "logIn.rateLimited" }, { retryAfterMinutes: waitMinutes });
    const mayMail = (await hitRateLimit(db, "sign-up:email", input.email, now)) === undefined;
    return { mayMail, passwordHash: await hashPassword(input.password) };
  },
  async run(scope) {
    const { tx, input, context, mail, prepared } = scope;
    const user = await insertUserUnlessTaken(tx, { email: input.email, name: input.name, passwordHash: prepared.passwordHash, locale: input.locale });
    if (!user) {
      // Also when two sign-ups with one address race: the unique index decides, and the second is told as if it came later.
      const owner = await findUserByEmail(tx, input.email);
      if (owner && prepared.mayMail) {
        const links = { logIn: `${context.baseUrl}/login`, reset: `${context.baseUrl}/forgot-password` };
        await mail({ kind: "sign-up-attempt", userId: owner.id, to: owner.email, ...signUpAttemptMail(owner.locale ?? input.locale, owner.name, links) });
      }
      return unchanged<{ userId: string | null }>({ userId: null });
    }
    await sendVerificationLink(scope, { ...user, locale: input.locale });
    return done<{ userId: string | null }>({ type: "user", id: user.id }, { userId: user.id });
  },
});
