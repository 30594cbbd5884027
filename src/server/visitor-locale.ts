import type { Locale } from "../i18n/locale.ts";
import { isLocale, localeFromAcceptLanguage } from "../i18n/translate.ts";

/** The language of someone not signed in: their choice (the language cookie), else their browser's, else English. */
export function visitorLocale(cookieLocale: string | undefined, acceptLanguage: string | null | undefined): Locale {
  return (isLocale(cookieLocale) ? cookieLocale : undefined) ?? localeFromAcceptLanguage(acceptLanguage) ?? "en";
}
