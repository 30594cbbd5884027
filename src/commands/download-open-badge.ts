import { z } from "zod";
import { findCredentialOfHolder } from "../data/credentials.ts";
import { hashEmailIdentity } from "../credentials/open-badge-credential.ts";
import { signOpenBadge } from "../credentials/sign-open-badge.ts";
import { statusListEntriesOf } from "../credentials/status-list-credential.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { findCategory } from "./shared/find-category.ts";

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
    const { category } = findCategory(context, credential.framework_id, credential.category_id);
    if (!context.credentialKeySecret) throw new Error("CREDENTIAL_KEY_SECRET is not set: no credential can be signed");
    const achievementUrl = `${context.baseUrl}/a/${credential.slug}#${credential.framework_id}-${credential.category_id}`;
    const { credential: badge } = await signOpenBadge(
      tx,
      { baseUrl: context.baseUrl, credentialKeySecret: context.credentialKeySecret, now },
      { id: credential.association_id, slug: credential.slug, name: credential.associationName, ...(credential.website ? { url: credential.website } : {}) },
      {
        id: `${context.baseUrl}/verify/${credential.number}`,
        achievement: {
          id: achievementUrl,
          name: category.name.en,
          description: category.description?.en ?? category.name.en,
          criteriaNarrative: `Endorsed by ${credential.associationName} under the ${credential.framework_id} framework, version ${credential.framework_version}: every requirement of the category met, as its reviewers and staff decided.`,
        },
        // The credential's id salts the hash: public, stable, and different for each credential.
        subject: { identityHash: hashEmailIdentity(credential.holderEmail, credential.id), salt: credential.id },
        validFrom: new Date(`${credential.issued_on}T00:00:00Z`),
        // Its place in the association's lists: a verifier reads revocation and suspension there, as of today.
        credentialStatus: statusListEntriesOf(context.baseUrl, credential.slug, credential.status_list_index),
      },
    );
    return done(
      { type: "credential", id: credential.id, associationId: credential.association_id },
      { badge, number: credential.number },
      { number: credential.number },
    );
  },
});
