import { z } from "zod";
import { findCredentialOfHolder } from "../data/credentials.ts";
import { signOpenBadge } from "../credentials/sign-open-badge.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { badgeOf, issuingAssociationOf, issuingOf } from "./shared/credential-badge.ts";

/**
 * The holder's credential as a signed Open Badges 3.0 credential: the association signs it with its
 * key (made on first use), the holder named by a salted hash of their email, the category as the
 * achievement. Logged, as every download of a person's record is; anyone else is told it does not exist.
 */
export const downloadOpenBadge = defineCommand({
  name: "credential.badge-downloaded",
  actors: ["person"],
  input: z.object({ credentialId: z.string() }),
  async run({ tx, actor, input, now, context }) {
    const credential = (await findCredentialOfHolder(tx, input.credentialId, actor.userId)) ?? refuse({ form: "portfolio.notFound" });
    const { credential: badge } = await signOpenBadge(tx, issuingOf(context, now), issuingAssociationOf(credential), badgeOf(context, credential));
    return done(
      { type: "credential", id: credential.id, associationId: credential.association_id },
      { badge, number: credential.number },
      { number: credential.number },
    );
  },
});
