import { useCallback } from "react";
import { reportText, type ShownText } from "../../src/i18n/report-text.ts";
import { useLocale, useTranslate } from "./use-translate.ts";

/** An engine report's words (framework text or the engine's messages) in the page's language. */
export function useReportText(): (text: ShownText) => string {
  const t = useTranslate();
  const locale = useLocale();
  return useCallback((text: ShownText) => reportText(locale, t, text), [locale, t]);
}
