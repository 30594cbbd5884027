import { z } from "zod";
import { findCredentialOfHolder } from "../data/credentials.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { signCredentialBadge } from "./shared/credential-badge.ts";

/**
 * The holder's credential as a signed Open Badges 3.0 credential (see signCredentialBadge). Logged,
 * as every download of a person's record is; anyone else is told it does not exist.
 */
export const downloadOpenBadge = defineCommand({
  name: "credential.badge-downloaded",
  actors: ["person"],
  input: z.object({ credentialId: z.string() }),
  async run({ tx, actor, input, now, context }) {
    const credential = (await findCredentialOfHolder(tx, input.credentialId, actor.userId)) ?? refuse({ form: "portfolio.notFound" });
    const badge = await signCredentialBadge(tx, context, credential, now);
    return done(
      { type: "credential", id: credential.id, associationId: credential.association_id },
      { badge, number: credential.number },
      { number: credential.number },
    );
  },
});
