import { createToken } from "../../auth/tokens.ts";
import { expireEmailTokens, insertEmailToken } from "../../data/email-tokens.ts";
import type { Locale } from "../../data/schema.ts";
import { verifyEmailMail } from "../../mail/templates.ts";
import type { Actor } from "../../policies/actor.ts";
import type { CommandScope } from "../define-command.ts";

const hour = 60 * 60 * 1000;
const day = 24 * hour;
/** How long an older confirmation link keeps working after a new one is sent: its mail may still be on the way (mail is at least once, sometimes late). */
export const olderVerificationLinkGraceMs = hour;

/** Inside a command: writes a fresh 24-hour confirmation link (older ones stop working an hour later) and queues its mail. */
export async function sendVerificationLink(
  { tx, now, context, mail }: Pick<CommandScope<Actor, unknown>, "tx" | "now" | "context" | "mail">,
  user: { id: string; email: string; name: string; locale: Locale },
) {
  const { token, hash } = createToken();
  await expireEmailTokens(tx, user.id, "verify-email", now, olderVerificationLinkGraceMs);
  await insertEmailToken(tx, { userId: user.id, purpose: "verify-email", tokenHash: hash, expiresAt: new Date(now.getTime() + day) });
  const link = `${context.baseUrl}/verify-email?token=${encodeURIComponent(token)}`;
  await mail({ kind: "verify-email", userId: user.id, to: user.email, ...verifyEmailMail(user.locale, user.name, link) });
}
