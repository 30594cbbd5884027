import type { CommandContext } from "../commands/command-context.ts";
import { findCategory } from "../commands/shared/find-category.ts";
import type { CredentialWithHolder } from "../data/credentials.ts";
import type { Db } from "../data/database.ts";
import { verifyUrlOf } from "../domain/credential-number.ts";
import { hashEmailIdentity } from "./open-badge-credential.ts";
import { signOpenBadge } from "./sign-open-badge.ts";

/**
 * A credential as a signed Open Badges 3.0 credential: the association signs it with its key (made
 * on first use, in `tx`), the holder named by a salted hash of their email, the category as the achievement.
 */
export async function signCredentialBadge(tx: Db, context: CommandContext, credential: CredentialWithHolder, now: Date) {
  const { category } = findCategory(context, credential.framework_id, credential.category_id);
  if (!context.credentialKeySecret) throw new Error("CREDENTIAL_KEY_SECRET is not set: no credential can be signed");
  const achievementUrl = `${context.baseUrl}/a/${credential.slug}#${credential.framework_id}-${credential.category_id}`;
  const { credential: badge } = await signOpenBadge(
    tx,
    { baseUrl: context.baseUrl, credentialKeySecret: context.credentialKeySecret, now },
    { id: credential.association_id, slug: credential.slug, name: credential.associationName, ...(credential.website ? { url: credential.website } : {}) },
    {
      id: verifyUrlOf(context.baseUrl, credential.number),
      achievement: {
        id: achievementUrl,
        name: category.name.en,
        description: category.description?.en ?? category.name.en,
        criteriaNarrative: `Endorsed by ${credential.associationName} under the ${credential.framework_id} framework, version ${credential.framework_version}: every requirement of the category met, as its reviewers and staff decided.`,
      },
      // The credential's id salts the hash: public, stable, and different for each credential.
      subject: { identityHash: hashEmailIdentity(credential.holderEmail, credential.id), salt: credential.id },
      validFrom: new Date(`${credential.issued_on}T00:00:00Z`),
    },
  );
  return badge;
}
