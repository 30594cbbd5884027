import { useMemo } from "react";
import { useRouteLoaderData } from "react-router";
import type { Locale } from "../../src/i18n/locale.ts";
import { type Catalog, makeTranslator, type Translate } from "../../src/i18n/format.ts";

export type RootData = {
  locale: Locale;
  csrfToken: string;
  user: { name: string; isOwner: boolean } | null;
  showDevMailbox: boolean;
};

/**
 * The catalogues this process has. The server provides both at start (entry.server.tsx); the
 * browser's bundle holds neither, and loads the page's one as its own chunk (decision 018).
 */
const catalogs: Partial<Record<Locale, Catalog>> = {};

export function provideCatalog(locale: Locale, catalog: Catalog): void {
  catalogs[locale] = catalog;
}

/** In the browser: before hydrating, and before showing a page in another language (the root's clientLoader). */
export async function loadCatalog(locale: Locale): Promise<void> {
  catalogs[locale] ??= locale === "es" ? (await import("../../src/i18n/messages-es.ts")).es : (await import("../../src/i18n/messages-en.ts")).en;
}

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<RootData>("root");
}

export function useLocale(): Locale {
  return useRootData()?.locale ?? "en";
}

export function useTranslate(): Translate {
  const locale = useLocale();
  // Always there on the server; in the browser, hydration and the root's clientLoader wait for it.
  const messages = catalogs[locale] ?? {};
  return useMemo(() => makeTranslator(locale, messages), [locale, messages]);
}
