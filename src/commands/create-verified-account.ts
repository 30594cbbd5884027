import { hashPassword } from "../auth/password.ts";
import { appendAudit } from "../data/audit-log.ts";
import type { Locale } from "../data/schema.ts";
import { findUserByEmail, insertUser, markEmailVerified, setOwner } from "../data/users.ts";
import type { CommandContext } from "./command-context.ts";
import { systemActor } from "../policies/actor.ts";

/**
 * For the CLI and demo data: an account whose email needs no confirmation. An existing account
 * with the email is kept as it is (its password unchanged) and only gains ownership when asked.
 */
export async function createVerifiedAccount(
  context: CommandContext,
  input: { email: string; name: string; password: string; locale?: Locale; isOwner?: boolean },
): Promise<{ userId: string; isNew: boolean }> {
  const passwordHash = await hashPassword(input.password);
  return context.db.transaction().execute(async (tx) => {
    const existing = await findUserByEmail(tx, input.email);
    const userId = existing?.id ?? (await insertUser(tx, { email: input.email, name: input.name, passwordHash, locale: input.locale ?? null })).id;
    if (!existing) await markEmailVerified(tx, userId, context.now());
    if (input.isOwner && !existing?.is_owner) {
      await setOwner(tx, userId);
      await appendAudit(tx, { actor: systemActor("cli"), action: "account.made-owner", subjectType: "user", subjectId: userId });
    }
    return { userId, isNew: !existing };
  });
}
