import { z } from "zod";
import { hashPassword } from "../auth/password.ts";
import { findUserByEmail, insertUser } from "../data/users.ts";
import { emailInput, localeInput, newPasswordInput } from "./shared/account-input.ts";
import { isUniqueViolation } from "./command-context.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { sendVerificationLink } from "./shared/send-verification-link.ts";

/** A visitor creates an account; the account, its confirmation link and the mail are one transaction, so a crash leaves all or nothing. */
export const signUp = defineCommand({
  name: "account.created",
  actors: ["visitor"],
  input: z.object({
    name: z.string().trim().min(1, "error.required").max(120, "error.tooLong"),
    email: emailInput,
    password: newPasswordInput,
    locale: localeInput,
  }),
  prepare: (input) => hashPassword(input.password),
  async run(scope) {
    const { tx, input, prepared: passwordHash } = scope;
    if (await findUserByEmail(tx, input.email)) refuse({ email: "error.emailTaken" });
    const user = await insertUser(tx, { email: input.email, name: input.name, passwordHash, locale: input.locale }).catch((error: unknown) => {
      // Two sign-ups with one address at once: the unique index decides, and the second is told as if it came later.
      if (isUniqueViolation(error)) refuse({ email: "error.emailTaken" });
      throw error;
    });
    await sendVerificationLink(scope, { ...user, locale: input.locale });
    return done({ type: "user", id: user.id }, { userId: user.id });
  },
});
