import { createHash } from "node:crypto";

export const openBadgeContexts = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"] as const;

/** A place in an association's Bitstring Status List (the list credential itself is served elsewhere). */
export type StatusListEntry = { statusPurpose: "revocation" | "suspension"; statusListIndex: number; statusListCredential: string };

export type OpenBadgeInput = {
  /** The credential's own URL or `urn:uuid:...`. */
  id: string;
  /** `id` is the association's controller document (`controllerUrlOf`): verifiers want the issuer to control the key. */
  issuer: { id: string; name: string; url?: string };
  achievement: { id: string; name: string; description: string; criteriaNarrative: string; achievementType?: string };
  /** The holder, by a salted hash of their email (`hashEmailIdentity`): the file carries no plain email. */
  subject: { identityHash: string; salt: string };
  /** A measured result (hours, say): the achievement describes it, the subject carries its value. */
  result?: { descriptionId: string; name: string; resultType: string; value: string };
  /** Who assessed the achievement for the issuer (OB 3.0's `source`): a confirming provider, say. */
  source?: { name: string };
  /** The days the activity ran, `YYYY-MM-DD`. */
  activity?: { start: string; end: string };
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

/** The holder as OB 3.0 names them without an email: an `IdentityObject` with the salted hash. */
export function holderIdentifier(subject: { identityHash: string; salt: string }) {
  return { type: "IdentityObject", identityType: "emailAddress", hashed: true, identityHash: subject.identityHash, salt: subject.salt };
}

export const issuerProfile = (issuer: OpenBadgeInput["issuer"]) => ({
  id: issuer.id,
  type: ["Profile"],
  name: issuer.name,
  ...(issuer.url ? { url: issuer.url } : {}),
});

// VC 2.0 wants XML Schema dateTimeStamps; seconds are enough and keep the files stable.
export const dateTimeStamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** An unsigned `OpenBadgeCredential` (VC 2.0 data model), ready for `signCredential`. */
export function buildOpenBadgeCredential(input: OpenBadgeInput): Record<string, unknown> {
  const { issuer, achievement, subject, result } = input;
  return {
    "@context": [...openBadgeContexts],
    id: input.id,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: issuerProfile(issuer),
    validFrom: dateTimeStamp(input.validFrom),
    ...(input.validUntil ? { validUntil: dateTimeStamp(input.validUntil) } : {}),
    name: achievement.name,
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [holderIdentifier(subject)],
      achievement: {
        id: achievement.id,
        type: ["Achievement"],
        ...(achievement.achievementType ? { achievementType: achievement.achievementType } : {}),
        name: achievement.name,
        description: achievement.description,
        criteria: { narrative: achievement.criteriaNarrative },
        ...(result ? { resultDescription: [{ id: result.descriptionId, type: ["ResultDescription"], name: result.name, resultType: result.resultType }] } : {}),
      },
      ...(result ? { result: [{ type: ["Result"], resultDescription: result.descriptionId, value: result.value }] } : {}),
      ...(input.source ? { source: { type: ["Profile"], name: input.source.name } } : {}),
      ...(input.activity ? { activityStartDate: input.activity.start, activityEndDate: input.activity.end } : {}),
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
