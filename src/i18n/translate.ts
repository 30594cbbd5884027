import { makeTranslator, type Message, type MessageKey, type Translate } from "./format.ts";
import type { Locale } from "./locale.ts";
import { en } from "./messages-en.ts";
import { es } from "./messages-es.ts";

/** The server's side: both catalogues. The browser loads the page's one as a chunk of its own (decision 018). */
export type { Message, MessageKey, Translate };
const catalogs: Record<Locale, Record<MessageKey, string>> = { en, es };

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "es";
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && value in en;
}

export function translator(locale: Locale): Translate {
  return makeTranslator(locale, catalogs[locale]);
}

/** A message descriptor rendered in one language (a notice, in its recipient's). */
export function render(locale: Locale, message: Message): string {
  return translator(locale)(message.key, message.values ?? {});
}

/** Picks the best of our locales from an Accept-Language header, honouring q-values. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { language: tag.toLowerCase().split("-")[0], quality: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  return ranked.map((entry) => entry.language).find(isLocale);
}
