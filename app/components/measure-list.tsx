import type { HoursTotal, MeasureWithEntered } from "../../src/domain/hours-entered.ts";
import { unitText } from "../../src/i18n/report-text.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useTranslate } from "../lib/use-translate.ts";

type Hours = Pick<MeasureWithEntered, "have" | "need" | "entered">;

/** "12 of 30 hours"; with hours entered that did not all count, "34 h entered, 30 of 30 needed" or "12 h entered, 8 counted, 30 needed". */
function useMeasureText() {
  const t = useTranslate();
  return (measure: Hours & Pick<MeasureWithEntered, "unit">) => {
    const { have, need, entered } = measure;
    if (entered !== undefined && entered !== have) {
      if (need === null) return t("progress.enteredUnset", { entered, have });
      return t(have >= need ? "progress.enteredMet" : "progress.enteredShort", { entered, have, need });
    }
    const unit = unitText(t, measure.unit, need ?? have);
    return need === null ? t("progress.measureUnset", { have, unit }) : t("progress.measure", { have, need, unit });
  };
}

function MeasureLine({ measure }: { measure: MeasureWithEntered }) {
  const shown = useReportText();
  const text = useMeasureText()(measure);
  return (
    <li>
      <span>{`${shown(measure.label)}: ${text}`}</span>
      {measure.need ? <progress value={Math.min(measure.have, measure.need)} max={measure.need} aria-hidden="true" /> : null}
    </li>
  );
}

/** Training split over several buckets: its hours entered and counted in all, above each bucket's. */
function TotalLine({ total }: { total: HoursTotal }) {
  const t = useTranslate();
  const text = useMeasureText()({ ...total, unit: "hours" });
  return (
    <li>
      <span>{`${t("progress.hoursTotal")}: ${text}`}</span>
    </li>
  );
}

/** A requirement's measures from the engine's report, each in words with its progress bar (the words say it; the bar is for the eye). */
export function MeasureList({ measures, total }: { measures: readonly MeasureWithEntered[]; total: HoursTotal | null }) {
  return (
    <ul className="measures">
      {total ? <TotalLine total={total} /> : null}
      {measures.map((measure) => (
        <MeasureLine key={measure.id} measure={measure} />
      ))}
    </ul>
  );
}
