import type { MessageKey } from "../../src/i18n/translate.ts";
import type { RatingForm, RatingItem as Item } from "../../src/domain/rating-form.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** One area of a rating: its name, what it means (the framework's description and key concepts), and the scale as radio buttons. */
export function RatingItem({
  item,
  scale,
  answer,
  error,
}: {
  item: Item;
  scale: RatingForm["scale"];
  answer: string | undefined;
  error: MessageKey | undefined;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const shown = useReportText();
  const aboutId = item.description || item.keyConcepts.length > 0 ? `about-${item.id}` : undefined;
  const errorId = error ? `error-${item.id}` : undefined;
  return (
    <fieldset
      className={error ? "field field-invalid rating-item" : "field rating-item"}
      id={`field-${item.id}`}
      aria-describedby={[aboutId, errorId].filter(Boolean).join(" ") || undefined}
    >
      <legend>{item.label[locale]}</legend>
      {aboutId ? (
        <div className="hint" id={aboutId}>
          {item.description ? <p>{item.description[locale]}</p> : null}
          {item.keyConcepts.length > 0 ? <p>{t("rating.keyConcepts", { concepts: item.keyConcepts.map((concept) => concept[locale]).join("; ") })}</p> : null}
        </div>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {t(error)}
        </p>
      ) : null}
      {scale.map((option) => (
        <div key={option.value} className="field-check">
          <input type="radio" id={`${item.id}-${option.value}`} name={item.id} value={option.value} defaultChecked={answer === option.value} />
          <label htmlFor={`${item.id}-${option.value}`}>{shown(option.label)}</label>
        </div>
      ))}
    </fieldset>
  );
}
