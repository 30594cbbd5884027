import { findSubmittedApplication } from "../data/applications.ts";
import { findAssociationById } from "../data/associations.ts";
import { findLetter, listLetterTexts, listLettersOfApplication } from "../data/letters.ts";
import { letterKinds, letterPlaceholders, type LetterKind } from "../domain/letters.ts";
import type { Locale } from "../i18n/locale.ts";
import { translator } from "../i18n/translate.ts";
import type { MaybeActor } from "../policies/actor.ts";
import { applicationPolicy } from "../policies/application.ts";
import { hidden, isoDay, type Reader } from "./reader.ts";
import { associationForStaff } from "./staff.ts";

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

/**
 * /a/:slug/letters: every kind of letter in each language, whether the association words it its own
 * way, and the one chosen (the first by default) as it is sent now: its own wording, else Cradle's.
 */
export async function letterTextsPage(reader: Reader, actor: MaybeActor, slug: string, chosen: { kind: LetterKind; locale: Locale }) {
  const association = await associationForStaff(reader, actor, slug);
  const own = await listLetterTexts(reader.db, association.id);
  const ownOf = (kind: LetterKind, locale: Locale) => own.find((text) => text.kind === kind && text.locale === locale);
  const locales: Locale[] = ["en", "es"];
  const mine = ownOf(chosen.kind, chosen.locale);
  const t = translator(chosen.locale);
  return {
    association,
    placeholders: letterPlaceholders.map((name) => `{${name}}`),
    texts: letterKinds.flatMap((kind) => locales.map((locale) => ({ kind, locale, own: ownOf(kind, locale) !== undefined }))),
    chosen: {
      ...chosen,
      own: mine !== undefined,
      subject: mine?.subject ?? t(`letter.${chosen.kind}.subject`),
      body: mine?.body ?? t(`letter.${chosen.kind}.body`),
    },
  };
}
