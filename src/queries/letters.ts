import { findSubmittedApplication } from "../data/applications.ts";
import { findAssociationById } from "../data/associations.ts";
import { findLetter, listLettersOfApplication } from "../data/letters.ts";
import type { MaybeActor } from "../policies/actor.ts";
import { applicationPolicy } from "../policies/application.ts";
import { hidden, isoDay, type Reader } from "./reader.ts";

/** An application's letters, oldest first, each with the address of its PDF. */
export async function lettersOfApplication(reader: Reader, applicationId: string) {
  const letters = await listLettersOfApplication(reader.db, applicationId);
  return letters.map((letter) => ({
    id: letter.id,
    kind: letter.kind,
    subject: letter.subject,
    date: isoDay(letter.created_at) ?? "",
    href: `/applications/${applicationId}/letters/${letter.id}`,
  }));
}

/**
 * One letter, to make its PDF: for its applicant and the association's staff; for anyone else (another
 * applicant, another association's staff, a reviewer) it does not exist.
 */
export async function letterForDownload(reader: Reader, actor: MaybeActor, applicationId: string, letterId: string) {
  const application = await findSubmittedApplication(reader.db, applicationId);
  if (!application || !applicationPolicy.readLetters(actor, application)) hidden();
  const [letter, association] = await Promise.all([
    findLetter(reader.db, application.id, letterId),
    findAssociationById(reader.db, application.association_id),
  ]);
  if (!letter || !association) hidden();
  return {
    letter: {
      association: association.name,
      date: isoDay(letter.created_at) ?? "",
      applicant: application.name,
      subject: letter.subject,
      body: letter.body,
      locale: letter.locale,
    },
    createdAt: letter.created_at,
    filename: `letter-${letter.kind}-${isoDay(letter.created_at)}.pdf`,
  };
}
