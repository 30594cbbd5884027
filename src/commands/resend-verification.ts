import { recordHit } from "../data/rate-limits.ts";
import { findUserByEmail } from "../data/users.ts";
import type { CommandContext } from "./command-context.ts";
import { sendVerificationLink } from "./send-verification-link.ts";
import type { Locale } from "../data/schema.ts";

const hour = 60 * 60 * 1000;

/** Sends a new link to an unconfirmed account. Says nothing about whether the account exists. */
export async function resendVerification(context: CommandContext, email: string, locale: Locale): Promise<void> {
  const now = context.now();
  if ((await recordHit(context.db, `verify:${email.toLowerCase()}`, hour, now)) > 5) return;
  await context.db.transaction().execute(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user || user.email_verified_at) return;
    await sendVerificationLink(tx, context, { ...user, locale: user.locale ?? locale });
  });
}
