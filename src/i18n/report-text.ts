import type { Text } from "../domain/framework-schema.ts";
import type { ExclusionReason, Unit } from "../domain/report.ts";
import { isReportMessage, reasonMessage, type ReportMessage, type ReportText, type ReportValue, unitMessage } from "../domain/report-messages.ts";
import type { MessageValue, Translate } from "./format.ts";
import type { Locale } from "./locale.ts";

/**
 * The words of an engine report in one language, for every presenter (pages, the CLI, its JSON).
 * A report's texts are framework data ({en, es}) or the engine's messages; what was missing is a
 * list of them, or, in reports frozen in snapshots before the messages, one {en, es} text. Both
 * shapes read the same, so an old snapshot shows as it did. Needs only format.ts: pages run it in
 * the browser with the one catalogue loaded there.
 */
export type ShownText = ReportText | readonly ReportText[];

function isList(text: ShownText): text is readonly ReportText[] {
  return Array.isArray(text);
}

function valueOf(locale: Locale, t: Translate, value: ReportValue): MessageValue {
  if (typeof value !== "object") return value;
  if (Array.isArray(value)) return (value as readonly Text[]).map((text) => text[locale]).join(t("engine.list.or"));
  if (isReportMessage(value as ReportText)) return renderMessage(locale, t, value as ReportMessage);
  return value as Text;
}

function renderMessage(locale: Locale, t: Translate, message: ReportMessage): string {
  const values = Object.fromEntries(Object.entries(message.values ?? {}).map(([name, value]) => [name, valueOf(locale, t, value)]));
  return t(message.key, values);
}

/** One text, or the several parts of what is missing joined into one paragraph. */
export function reportText(locale: Locale, t: Translate, text: ShownText): string {
  if (isList(text)) return text.map((part) => reportText(locale, t, part)).join(" ");
  return isReportMessage(text) ? renderMessage(locale, t, text) : text[locale];
}

export function reasonText(t: Translate, reason: ExclusionReason): string {
  return t(reasonMessage(reason).key);
}

/** "hour" or "hours", as the count needs. */
export function unitText(t: Translate, unit: Unit, count: number): string {
  const { key, values } = unitMessage(unit, count);
  return t(key, values as { count: number });
}
