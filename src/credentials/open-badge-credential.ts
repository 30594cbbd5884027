import { createHash } from "node:crypto";

export const openBadgeContexts = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"] as const;

/** A place in an association's Bitstring Status List (the list credential itself is served elsewhere). */
export type StatusListEntry = { statusPurpose: "revocation" | "suspension"; statusListIndex: number; statusListCredential: string };

export type OpenBadgeInput = {
  /** The credential's own URL or `urn:uuid:...`. */
  id: string;
  /** `id` is the association's controller document (`controllerUrlOf`): verifiers want the issuer to control the key. */
  issuer: { id: string; name: string; url?: string };
  achievement: { id: string; name: string; description: string; criteriaNarrative: string };
  /** The holder, by a salted hash of their email (`hashEmailIdentity`): the file carries no plain email. */
  subject: { identityHash: string; salt: string };
  validFrom: Date;
  validUntil?: Date;
  credentialStatus?: StatusListEntry[];
};

/** Open Badges 3.0's `identityHash` of an email: `sha256$` and the hex digest of the address followed by the salt. */
export function hashEmailIdentity(email: string, salt: string): string {
  return `sha256$${createHash("sha256")
    .update(email.trim().toLowerCase() + salt)
    .digest("hex")}`;
}

// VC 2.0 wants XML Schema dateTimeStamps; seconds are enough and keep the files stable.
const dateTimeStamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** An unsigned `OpenBadgeCredential` (VC 2.0 data model), ready for `signCredential`. */
export function buildOpenBadgeCredential(input: OpenBadgeInput): Record<string, unknown> {
  const { issuer, achievement, subject } = input;
  return {
    "@context": [...openBadgeContexts],
    id: input.id,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: issuer.id, type: ["Profile"], name: issuer.name, ...(issuer.url ? { url: issuer.url } : {}) },
    validFrom: dateTimeStamp(input.validFrom),
    ...(input.validUntil ? { validUntil: dateTimeStamp(input.validUntil) } : {}),
    name: achievement.name,
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [{ type: "IdentityObject", identityType: "emailAddress", hashed: true, identityHash: subject.identityHash, salt: subject.salt }],
      achievement: {
        id: achievement.id,
        type: ["Achievement"],
        name: achievement.name,
        description: achievement.description,
        criteria: { narrative: achievement.criteriaNarrative },
      },
    },
    ...(input.credentialStatus?.length
      ? {
          credentialStatus: input.credentialStatus.map((entry) => ({
            id: `${entry.statusListCredential}#${entry.statusListIndex}`,
            type: "BitstringStatusListEntry",
            statusPurpose: entry.statusPurpose,
            statusListIndex: String(entry.statusListIndex),
            statusListCredential: entry.statusListCredential,
          })),
        }
      : {}),
  };
}
