import { z } from "zod";
import { hashToken } from "../auth/tokens.ts";
import { consumeEmailToken, expireEmailTokens } from "../data/email-tokens.ts";
import { markEmailVerified } from "../data/users.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

/** The holder of the emailed confirmation link confirms the address; a used, expired or unknown link is refused. */
export const verifyEmail = defineCommand({
  name: "account.email-verified",
  actors: ["link"],
  input: z.object({ token: z.string().min(1) }),
  policy: (actor) => actor.purpose === "verify-email",
  async run({ tx, actor, input, now }) {
    const consumed = await consumeEmailToken(tx, "verify-email", hashToken(input.token), now);
    if (!consumed || (actor.linkId !== null && consumed.id !== actor.linkId)) refuse({ form: "verify.invalid" });
    await markEmailVerified(tx, consumed.user_id, now);
    // The address is confirmed: the other links still in their grace hour have nothing left to do.
    await expireEmailTokens(tx, consumed.user_id, "verify-email", now);
    return done({ type: "user", id: consumed.user_id }, { userId: consumed.user_id });
  },
});
