import { randomUUID } from "node:crypto";
import { z } from "zod";
import { hashEmailIdentity } from "../credentials/open-badge-credential.ts";
import { signLearnerRecord, signOpenBadge } from "../credentials/sign-open-badge.ts";
import { listActiveCredentialsOfHolderIn } from "../data/credentials.ts";
import { findPortfolio } from "../data/portfolios.ts";
import { serviceEntryIdsIn } from "../data/service-work.ts";
import { verifiedHours, type VerifiedHours, type VerifiedHoursKind } from "../domain/verified-hours.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { badgeOf, type BadgeCredential, issuingAssociationOf, issuingOf } from "./shared/credential-badge.ts";

// Credentials are in English, as the badges are: one language a verifier anywhere reads.
const hoursLabels: Record<VerifiedHoursKind, { name: string; criteria: string }> = {
  "rsc-received": {
    name: "Reflective supervision/consultation received",
    criteria: "Sessions the provider confirmed through the confirmation link Cradle sent them.",
  },
  "rsc-provided": { name: "Reflective supervision/consultation provided", criteria: "Sessions confirmed through the confirmation link Cradle sent." },
  "application-reviewer": {
    name: "Service as an application reviewer",
    criteria: "Reviews the association assigned, recorded when the holder submitted them.",
  },
  "application-advisor": {
    name: "Service as an application advisor",
    criteria: "Advisory reviews the association assigned, recorded when the holder completed them.",
  },
  "exam-reviewer": { name: "Service as an exam reviewer", criteria: "Exam ratings the association assigned, recorded when the holder submitted them." },
};

/** One group of verified hours as an Open Badges 3.0 credential: the hours its result, the one who confirmed them its `source`. */
function hoursBadge(baseUrl: string, slug: string, hours: VerifiedHours, holderEmail: string, now: Date) {
  const id = `urn:uuid:${randomUUID()}`;
  const achievementId = `${baseUrl}/a/${slug}#verified-hours-${hours.kind}`;
  const label = hoursLabels[hours.kind];
  return {
    id,
    achievement: {
      id: achievementId,
      achievementType: "ext:VerifiedHours",
      name: label.name,
      description: `Clock hours of ${label.name.toLowerCase()} that someone other than the holder confirmed; hours only the holder entered are not counted.`,
      criteriaNarrative: label.criteria,
    },
    subject: { identityHash: hashEmailIdentity(holderEmail, id), salt: id },
    result: { descriptionId: `${achievementId}-clock-hours`, name: "Clock hours", resultType: "ext:ClockHours", value: String(hours.hours) },
    source: { name: hours.verifier },
    activity: { start: hours.from, end: hours.to },
    validFrom: now,
  };
}

/**
 * The holder's Comprehensive Learner Record (CLR 2.0) with one association: its signed badge for
 * each of their active credentials there, and a signed credential for each group of their hours
 * that someone else confirmed, the whole record signed by the association's key. One issuer signs
 * a record, so a person with credentials from several associations downloads one per association.
 * Logged, as every download of a person's record is; without an active credential there, not found.
 */
export const downloadLearnerRecord = defineCommand({
  name: "credential.record-downloaded",
  actors: ["person"],
  input: z.object({ associationSlug: z.string().max(100) }),
  async run({ tx, actor, input, now, context }) {
    const credentials: BadgeCredential[] = await listActiveCredentialsOfHolderIn(tx, actor.userId, input.associationSlug);
    const [first] = credentials;
    if (!first) refuse({ form: "portfolio.notFound" });
    const issuing = issuingOf(context, now);
    const association = issuingAssociationOf(first);
    const { portfolio } = await findPortfolio(tx, actor.userId);
    const hours = verifiedHours(portfolio, { entryIds: await serviceEntryIdsIn(tx, actor.userId, association.id), verifier: association.name });
    const inside = [
      ...credentials.map((credential) => badgeOf(context, credential)),
      ...hours.map((group) => hoursBadge(context.baseUrl, association.slug, group, first.holderEmail, now)),
    ];
    const signed = [];
    for (const badge of inside) signed.push((await signOpenBadge(tx, issuing, association, badge)).credential);
    const id = `urn:uuid:${randomUUID()}`;
    const { credential: record } = await signLearnerRecord(tx, issuing, association, {
      id,
      name: `Comprehensive Learner Record: ${association.name}`,
      description: `The credentials ${association.name} endorsed that are active, and the hours someone other than the holder confirmed, as Cradle recorded them.`,
      subject: { identityHash: hashEmailIdentity(first.holderEmail, id), salt: id },
      verifiableCredentials: signed,
      validFrom: now,
    });
    return done(
      { type: "user", id: actor.userId, associationId: association.id },
      { record, associationSlug: association.slug },
      {
        recordId: id,
        credentials: credentials.map((credential) => credential.number),
        verifiedHours: hours.map(({ kind, hours: total }) => ({ kind, hours: total })),
      },
    );
  },
});
