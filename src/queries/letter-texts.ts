import { listLetterTexts } from "../data/letters.ts";
import { letterKinds, letterPlaceholders, type LetterKind } from "../domain/letters.ts";
import type { Locale } from "../i18n/locale.ts";
import { translator } from "../i18n/translate.ts";
import type { MaybeActor } from "../policies/actor.ts";
import type { Reader } from "./reader.ts";
import { associationForStaff } from "./staff.ts";

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
