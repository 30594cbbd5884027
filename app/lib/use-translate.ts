import { useRouteLoaderData } from "react-router";
import type { Locale } from "../../src/i18n/locale.ts";
import { type Translate, translator } from "../../src/i18n/translate.ts";

export type RootData = {
  locale: Locale;
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
  return translator(useLocale());
}
