import { useMemo } from "react";
import { useRouteLoaderData } from "react-router";
import type { Locale } from "../../src/i18n/locale.ts";
import { type Catalog, makeTranslator, type Translate } from "../../src/i18n/format.ts";
import { layoutFallback } from "../../src/i18n/layout-fallback.ts";

export type RootData = {
  locale: Locale;
  /** The active language's catalogue, and only it: the browser bundle holds none (decision 017). */
  messages: Catalog;
  csrfToken: string;
  nonce: string;
  user: { name: string; isOwner: boolean } | null;
  showDevMailbox: boolean;
};

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<RootData>("root");
}

export function useLocale(): Locale {
  return useRootData()?.locale ?? "en";
}

export function useTranslate(): Translate {
  const root = useRootData();
  const locale = root?.locale ?? "en";
  // Without the root's data (a request refused by the root middleware) the layout and error page speak English.
  const messages = root?.messages ?? layoutFallback;
  return useMemo(() => makeTranslator(locale, messages), [locale, messages]);
}
