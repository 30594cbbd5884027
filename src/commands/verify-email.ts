import { hashToken } from "../auth/tokens.ts";
import { appendAudit } from "../data/audit-log.ts";
import { consumeEmailToken } from "../data/email-tokens.ts";
import { markEmailVerified } from "../data/users.ts";
import type { CommandContext } from "./command-context.ts";

/** Returns true when the link was live and the address is now confirmed. */
export async function verifyEmail(context: CommandContext, token: string): Promise<boolean> {
  const now = context.now();
  return context.db.transaction().execute(async (tx) => {
    const consumed = await consumeEmailToken(tx, "verify-email", hashToken(token), now);
    if (!consumed) return false;
    await markEmailVerified(tx, consumed.user_id, now);
    await appendAudit(tx, { actor: { kind: "link", purpose: "verify-email", linkId: null }, action: "account.email-verified", subjectType: "user", subjectId: consumed.user_id });
    return true;
  });
}
