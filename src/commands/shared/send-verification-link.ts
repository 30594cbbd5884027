import { createToken } from "../../auth/tokens.ts";
import { expireEmailTokens, insertEmailToken } from "../../data/email-tokens.ts";
import type { Locale } from "../../data/schema.ts";
import { verifyEmailMail } from "../../mail/templates.ts";
import type { Actor } from "../../policies/actor.ts";
import type { CommandScope } from "../define-command.ts";

const day = 24 * 60 * 60 * 1000;

/** Inside a command: writes a fresh 24-hour confirmation link (older ones stop working) and queues its mail. */
export async function sendVerificationLink(
  { tx, now, context, mail }: Pick<CommandScope<Actor, unknown>, "tx" | "now" | "context" | "mail">,
  user: { id: string; email: string; name: string; locale: Locale },
) {
  const { token, hash } = createToken();
  await expireEmailTokens(tx, user.id, "verify-email", now);
  await insertEmailToken(tx, { userId: user.id, purpose: "verify-email", tokenHash: hash, expiresAt: new Date(now.getTime() + day) });
  const link = `${context.baseUrl}/verify-email?token=${encodeURIComponent(token)}`;
  await mail({ kind: "verify-email", userId: user.id, to: user.email, ...verifyEmailMail(user.locale, user.name, link) });
}
