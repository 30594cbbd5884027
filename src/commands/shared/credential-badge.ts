import { hashEmailIdentity, type OpenBadgeInput } from "../../credentials/open-badge-credential.ts";
import type { CommandContext } from "../command-context.ts";
import { findCategory } from "./find-category.ts";

/** A credential as its badge names it: the holder's email, the association's name, address and website. */
export type BadgeCredential = {
  id: string;
  number: string;
  issued_on: string;
  framework_id: string;
  framework_version: string;
  category_id: string;
  association_id: string;
  associationName: string;
  slug: string;
  website: string | null;
  holderEmail: string;
};

/** What signs a command's credentials: the settings' key secret (no secret, nothing can be signed) and the time. */
export function issuingOf(context: CommandContext, now: Date) {
  if (!context.credentialKeySecret) throw new Error("CREDENTIAL_KEY_SECRET is not set: no credential can be signed");
  return { baseUrl: context.baseUrl, credentialKeySecret: context.credentialKeySecret, now };
}

export const issuingAssociationOf = (credential: BadgeCredential) => ({
  id: credential.association_id,
  slug: credential.slug,
  name: credential.associationName,
  ...(credential.website ? { url: credential.website } : {}),
});

/** A credential's Open Badges 3.0 content: the category as the achievement, the holder by a salted hash of their email. */
export function badgeOf(context: CommandContext, credential: BadgeCredential): Omit<OpenBadgeInput, "issuer"> {
  const { category } = findCategory(context, credential.framework_id, credential.category_id);
  return {
    id: `${context.baseUrl}/verify/${credential.number}`,
    achievement: {
      id: `${context.baseUrl}/a/${credential.slug}#${credential.framework_id}-${credential.category_id}`,
      name: category.name.en,
      description: category.description?.en ?? category.name.en,
      criteriaNarrative: `Endorsed by ${credential.associationName} under the ${credential.framework_id} framework, version ${credential.framework_version}: every requirement of the category met, as its reviewers and staff decided.`,
    },
    // The credential's id salts the hash: public, stable, and different for each credential.
    subject: { identityHash: hashEmailIdentity(credential.holderEmail, credential.id), salt: credential.id },
    validFrom: new Date(`${credential.issued_on}T00:00:00Z`),
  };
}
