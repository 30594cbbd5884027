import { z } from "zod";
import { hashPassword } from "../auth/password.ts";
import { hashToken } from "../auth/tokens.ts";
import { consumeEmailToken } from "../data/email-tokens.ts";
import { deleteSessionsOfUser } from "../data/sessions.ts";
import { markEmailVerified, updatePasswordHash } from "../data/users.ts";
import { newPasswordInput } from "./shared/account-input.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

/** The holder of a reset link sets a new password, which ends every session of the account (someone else may hold one). */
export const resetPassword = defineCommand({
  name: "account.password-reset",
  actors: ["link"],
  input: z.object({ token: z.string().min(1), password: newPasswordInput }),
  policy: (actor) => actor.purpose === "reset-password",
  prepare: (input) => hashPassword(input.password),
  async run({ tx, actor, input, now, prepared: passwordHash }) {
    const consumed = await consumeEmailToken(tx, "reset-password", hashToken(input.token), now);
    if (!consumed || (actor.linkId !== null && consumed.id !== actor.linkId)) refuse({ form: "reset.invalid" });
    await updatePasswordHash(tx, consumed.user_id, passwordHash);
    await deleteSessionsOfUser(tx, consumed.user_id);
    // The link reached the inbox, which proves the address as well as a confirmation link would.
    await markEmailVerified(tx, consumed.user_id, now);
    return done({ type: "user", id: consumed.user_id }, { userId: consumed.user_id });
  },
});
