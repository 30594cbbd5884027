import type { Locale } from "../../../src/i18n/locale.ts";
import { reportText, type ShownText } from "../../../src/i18n/report-text.ts";
import { translator } from "../../../src/i18n/translate.ts";

/** A report's words as a reader sees them: the engine's messages rendered with the catalogues, framework text as it is. */
export function words(text: ShownText | null, locale: Locale): string {
  return text === null ? "" : reportText(locale, translator(locale), text);
}
