import { decoyPasswordHash, verifyPassword } from "../auth/password.ts";
import { hitRateLimit, resetRateLimit } from "../auth/rate-limit.ts";
import { sessionLifetimeMs } from "../auth/session-lifetime.ts";
import { createToken } from "../auth/tokens.ts";
import { insertSession } from "../data/sessions.ts";
import { findUserByEmail } from "../data/users.ts";
import { type CommandContext, fail, ok, type Result } from "./command-context.ts";

export type LogInInput = { email: string; password: string; clientIp: string };

/** Checks the password and opens a session; returns the token for the cookie (only its hash is stored). */
export async function logIn(
  context: CommandContext,
  input: LogInInput,
): Promise<Result<{ sessionToken: string; userId: string; expiresAt: Date }>> {
  const now = context.now();
  const waitMinutes =
    (await hitRateLimit(context.db, "log-in:ip", input.clientIp, now)) ??
    (await hitRateLimit(context.db, "log-in:email", input.email, now));
  if (waitMinutes !== undefined) return fail({ form: "logIn.rateLimited" }, waitMinutes);

  const user = await findUserByEmail(context.db, input.email);
  const passwordMatches = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), input.password);
  if (!user || !passwordMatches) return fail({ form: "logIn.invalid" });
  if (!user.email_verified_at) return fail({ form: "logIn.notVerified" });

  await resetRateLimit(context.db, "log-in:email", input.email);
  const { token, hash } = createToken();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await insertSession(context.db, { idHash: hash, userId: user.id, expiresAt });
  return ok({ sessionToken: token, userId: user.id, expiresAt });
}
