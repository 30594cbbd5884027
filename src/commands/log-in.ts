import { z } from "zod";
import { decoyPasswordHash, verifyPassword } from "../auth/password.ts";
import { hitRateLimit, resetRateLimit } from "../auth/rate-limit.ts";
import { sessionLifetimeMs } from "../auth/session-lifetime.ts";
import { createToken } from "../auth/tokens.ts";
import { insertSession } from "../data/sessions.ts";
import { findUserByEmail } from "../data/users.ts";
import type { FieldErrors } from "./command-context.ts";
import { emailInput, passwordInput } from "./account-input.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";

/** What a try at logging in gives: a session (its token is for the cookie; only its hash is stored), or why not. */
export type LogInAttempt =
  | { signedIn: true; sessionToken: string; userId: string; expiresAt: Date }
  | { signedIn: false; errors: FieldErrors; retryAfterMinutes?: number };

/**
 * A visitor logs in: checks the password and opens a session (audited as "account.logged-in").
 * Every try is counted against the address and the email first. A refused try is returned as
 * `unchanged` rather than thrown as a refusal on purpose: a refusal would roll the count back with
 * the transaction, and then guessing would never be slowed down. The count is the only write of a
 * refused try, and it is not audited (rate-limit rows are upkeep, like the sessions' expiry).
 */
export const logIn = defineCommand({
  name: "account.logged-in",
  actors: ["visitor"],
  input: z.object({ email: emailInput, password: passwordInput }),
  async run({ tx, actor, input, now }) {
    const refused = (errors: FieldErrors, retryAfterMinutes?: number) => unchanged<LogInAttempt>({ signedIn: false, errors, ...(retryAfterMinutes === undefined ? {} : { retryAfterMinutes }) });
    const waitMinutes = (await hitRateLimit(tx, "log-in:ip", actor.clientIp, now)) ?? (await hitRateLimit(tx, "log-in:email", input.email, now));
    if (waitMinutes !== undefined) return refused({ form: "logIn.rateLimited" }, waitMinutes);

    const user = await findUserByEmail(tx, input.email);
    const passwordMatches = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), input.password);
    if (!user || !passwordMatches) return refused({ form: "logIn.invalid" });
    if (!user.email_verified_at) return refused({ form: "logIn.notVerified" });

    await resetRateLimit(tx, "log-in:email", input.email);
    const { token, hash } = createToken();
    const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
    await insertSession(tx, { idHash: hash, userId: user.id, expiresAt });
    return done<LogInAttempt>({ type: "user", id: user.id }, { signedIn: true, sessionToken: token, userId: user.id, expiresAt });
  },
});
