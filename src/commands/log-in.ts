import { z } from "zod";
import { decoyPasswordHash, verifyPassword } from "../auth/password.ts";
import { forgiveRateLimitHit, hitRateLimit, resetRateLimit } from "../auth/rate-limit.ts";
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

type Checked = { refusal: { errors: FieldErrors; retryAfterMinutes?: number } } | { userId: string; clearsEmailFailures: boolean };

/**
 * A visitor logs in: checks the password and opens a session (audited as "account.logged-in").
 * Before any transaction, the try is counted against the client address and the email, and then
 * the password is checked (slow on purpose, so not while holding the database); a right password
 * takes its counts back, so only failures add up (a training room behind one address can log in
 * all day). `knownDeviceUserId` is the person a valid `cradle_device` cookie names: for them, on
 * that browser, the per-email limit does not apply, so ten wrong passwords typed elsewhere do not
 * lock the owner out; the per-address limit still does. A refused try is returned as `unchanged`,
 * not thrown: the counts are its only writes, upkeep that is not audited, like the sessions' expiry.
 */
export const logIn = defineCommand({
  name: "account.logged-in",
  actors: ["visitor"],
  input: z.object({ email: emailInput, password: passwordInput, knownDeviceUserId: z.string().optional() }),
  async prepare(input, { db, actor, context }): Promise<Checked> {
    const now = context.now();
    const rateLimited = (retryAfterMinutes: number) => ({ refusal: { errors: { form: "logIn.rateLimited" as const }, retryAfterMinutes } });
    const addressWait = await hitRateLimit(db, "log-in:ip", actor.clientIp, now);
    if (addressWait !== undefined) return rateLimited(addressWait);
    const user = await findUserByEmail(db, input.email);
    const isKnownDevice = user !== undefined && input.knownDeviceUserId === user.id;
    const emailWait = await hitRateLimit(db, "log-in:email", input.email, now);
    if (emailWait !== undefined && !isKnownDevice) return rateLimited(emailWait);
    const passwordMatches = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), input.password);
    if (!user || !passwordMatches) return { refusal: { errors: { form: "logIn.invalid" } } };
    // The right password: not a failure, so neither count keeps it.
    await forgiveRateLimitHit(db, "log-in:ip", actor.clientIp);
    await forgiveRateLimitHit(db, "log-in:email", input.email);
    if (!user.email_verified_at) return { refusal: { errors: { form: "logIn.notVerified" } } };
    // Let in past the limit by its device, the owner leaves the count standing against whoever is guessing.
    return { userId: user.id, clearsEmailFailures: emailWait === undefined };
  },
  async run({ tx, input, now, prepared }) {
    if ("refusal" in prepared) return unchanged<LogInAttempt>({ signedIn: false, ...prepared.refusal });
    const user = { id: prepared.userId };
    if (prepared.clearsEmailFailures) await resetRateLimit(tx, "log-in:email", input.email);
    const { token, hash } = createToken();
    const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
    await insertSession(tx, { idHash: hash, userId: user.id, expiresAt });
    return done<LogInAttempt>({ type: "user", id: user.id }, { signedIn: true, sessionToken: token, userId: user.id, expiresAt });
  },
});
