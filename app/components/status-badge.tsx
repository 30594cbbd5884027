import type { Status } from "../../src/domain/report.ts";
import { useTranslate } from "../lib/use-translate.ts";

/** A requirement's status in words (never only a colour). */
export function StatusBadge({ status }: { status: Status }) {
  const t = useTranslate();
  return <span className={`status status-${status}`}>{t(`progress.status.${status}`)}</span>;
}
