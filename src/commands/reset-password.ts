import { hashPassword } from "../auth/password.ts";
import { hashToken } from "../auth/tokens.ts";
import { appendAudit } from "../data/audit-log.ts";
import { consumeEmailToken } from "../data/email-tokens.ts";
import { deleteSessionsOfUser } from "../data/sessions.ts";
import { markEmailVerified, updatePasswordHash } from "../data/users.ts";
import type { CommandContext } from "./command-context.ts";

/** Sets the new password and ends every session of the account (someone else may hold one). */
export async function resetPassword(context: CommandContext, input: { token: string; password: string }): Promise<boolean> {
  const now = context.now();
  const passwordHash = await hashPassword(input.password);
  return context.db.transaction().execute(async (tx) => {
    const consumed = await consumeEmailToken(tx, "reset-password", hashToken(input.token), now);
    if (!consumed) return false;
    await updatePasswordHash(tx, consumed.user_id, passwordHash);
    await deleteSessionsOfUser(tx, consumed.user_id);
    // The link reached the inbox, which proves the address as well as a confirmation link would.
    await markEmailVerified(tx, consumed.user_id, now);
    await appendAudit(tx, { actor: { kind: "link", purpose: "reset-password", linkId: null }, action: "account.password-reset", subjectType: "user", subjectId: consumed.user_id });
    return true;
  });
}
