import { hashPassword } from "../auth/password.ts";
import { appendAudit } from "../data/audit-log.ts";
import type { Locale } from "../data/schema.ts";
import { findUserByEmail, insertUser } from "../data/users.ts";
import { type CommandContext, fail, isUniqueViolation, ok, type Result } from "./command-context.ts";
import { sendVerificationLink } from "./send-verification-link.ts";
import { person } from "../policies/actor.ts";

export type SignUpInput = { name: string; email: string; password: string; locale: Locale };

/** Creates the account, its confirmation link and the mail in one transaction: a crash leaves all or nothing. */
export async function signUp(context: CommandContext, input: SignUpInput): Promise<Result<{ userId: string }>> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await context.db.transaction().execute(async (tx) => {
      if (await findUserByEmail(tx, input.email)) return fail({ email: "error.emailTaken" });
      const user = await insertUser(tx, { email: input.email, name: input.name, passwordHash, locale: input.locale });
      await sendVerificationLink(tx, context, { ...user, locale: input.locale });
      await appendAudit(tx, { actor: person(user.id), action: "account.created", subjectType: "user", subjectId: user.id });
      return ok({ userId: user.id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail({ email: "error.emailTaken" });
    throw error;
  }
}
