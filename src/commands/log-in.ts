import { z } from "zod";
import { decoyPasswordHash, verifyPassword } from "../auth/password.ts";
import { hitRateLimit, resetRateLimit } from "../auth/rate-limit.ts";
import { sessionLifetimeMs } from "../auth/session-lifetime.ts";
import { createToken } from "../auth/tokens.ts";
import { insertSession } from "../data/sessions.ts";
import { findUserByEmail } from "../data/users.ts";
import type { FieldErrors } from "./command-context.ts";
import { emailInput, passwordInput } from "./shared/account-input.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";

/** What a try at logging in gives: a session (its token is for the cookie; only its hash is stored), or why not. */
export type LogInAttempt =
  { signedIn: true; sessionToken: string; userId: string; expiresAt: Date } | { signedIn: false; errors: FieldErrors; retryAfterMinutes?: number };

type Checked = { refusal: { errors: FieldErrors; retryAfterMinutes?: number } } | { userId: string };

/**
 * A visitor logs in: checks the password and opens a session (audited as "account.logged-in").
 * Before any transaction, every try is counted against the address and the email, and then the
 * password is checked (slow on purpose, so not while holding the database). A refused try is
 * returned as `unchanged`, not thrown: the count is its only write, upkeep that is not audited,
 * like the sessions' expiry.
 */
export const logIn = defineCommand({
  name: "account.logged-in",
  actors: ["visitor"],
  input: z.object({ email: emailInput, password: passwordInput }),
  async prepare(input, { db, actor, context }): Promise<Checked> {
    const now = context.now();
    const retryAfterMinutes = (await hitRateLimit(db, "log-in:ip", actor.clientIp, now)) ?? (await hitRateLimit(db, "log-in:email", input.email, now));
    if (retryAfterMinutes !== undefined) return { refusal: { errors: { form: "logIn.rateLimited" }, retryAfterMinutes } };
    const user = await findUserByEmail(db, input.email);
    const passwordMatches = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), input.password);
    if (!user || !passwordMatches) return { refusal: { errors: { form: "logIn.invalid" } } };
    if (!user.email_verified_at) return { refusal: { errors: { form: "logIn.notVerified" } } };
    return { userId: user.id };
  },
  async run({ tx, input, now, prepared }) {
    if ("refusal" in prepared) return unchanged<LogInAttempt>({ signedIn: false, ...prepared.refusal });
    const user = { id: prepared.userId };
    await resetRateLimit(tx, "log-in:email", input.email);
    const { token, hash } = createToken();
    const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
    await insertSession(tx, { idHash: hash, userId: user.id, expiresAt });
    return done<LogInAttempt>({ type: "user", id: user.id }, { signedIn: true, sessionToken: token, userId: user.id, expiresAt });
  },
});
