import { notEnoughInformation } from "../../src/domain/rating-form.ts";
import { useTranslate } from "../lib/use-translate.ts";

/**
 * Before a rating's questions: how many "not enough information" answers a rating may have and
 * still count, a polite live count of the rater's own (kept as they answer by the page's script,
 * app/enhancements/count-not-enough-information.ts: a count the page could not keep up to date
 * would mislead, so it starts empty), and, when the server held a rating back for having too
 * many (`heldBack`: how many), why and what the rater can do.
 */
export function NotEnoughInformationRule({ max, items, heldBack }: { max: number; items: number; heldBack: number | null }) {
  const t = useTranslate();
  const texts = Array.from({ length: items + 1 }, (_, count) => {
    const text = t("rating.notEnoughCount", { count, max });
    return count > max ? `${text} ${t("rating.notEnoughOver")}` : text;
  });
  return (
    <div id="field-notEnoughInformation" className={heldBack !== null ? "field field-invalid" : "field"}>
      <p className="notice">{t("rating.notEnoughRule", { voidFrom: max + 1 })}</p>
      {heldBack !== null ? (
        <p className="field-error" id="error-notEnoughInformation">
          {t("rating.heldBack", { count: heldBack, max })}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="hint" data-live-count={JSON.stringify(texts)} data-max={max} data-answer={notEnoughInformation} />
    </div>
  );
}
