import { z } from "zod";
import { hashPassword } from "../auth/password.ts";
import { findUserByEmail, insertUser, markEmailVerified } from "../data/users.ts";
import { emailInput, localeInput, newPasswordInput } from "./shared/account-input.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";

/**
 * For the CLI and demo data: an account whose email needs no confirmation. An existing account
 * with the email is kept as it is (its password unchanged); making an owner is `makeOwner`.
 */
export const createVerifiedAccount = defineCommand({
  name: "account.created-verified",
  actors: ["system"],
  input: z.object({
    email: emailInput,
    name: z.string().trim().min(1, "error.required").max(120, "error.tooLong"),
    password: newPasswordInput,
    locale: localeInput.optional(),
  }),
  prepare: (input) => hashPassword(input.password),
  async run({ tx, input, now, prepared: passwordHash }) {
    const existing = await findUserByEmail(tx, input.email);
    if (existing) return unchanged({ userId: existing.id, isNew: false });
    const user = await insertUser(tx, { email: input.email, name: input.name, passwordHash, locale: input.locale ?? null });
    await markEmailVerified(tx, user.id, now);
    return done({ type: "user", id: user.id }, { userId: user.id, isNew: true });
  },
});
