import { useEffect, useState } from "react";
import { notEnoughInformation } from "../../src/domain/rating-form.ts";
import { useTranslate } from "../lib/use-translate.ts";

/**
 * Before a rating's questions: how many "not enough information" answers a rating may have and
 * still count, a polite live count of the rater's own (`count`: with JavaScript, as they answer),
 * and, when the server held a rating back for having too many (`heldBack`: how many), why and
 * what the rater can do.
 */
export function NotEnoughInformationRule({ max, count, heldBack }: { max: number; count: number | null; heldBack: number | null }) {
  const t = useTranslate();
  const over = count !== null && count > max;
  return (
    <div id="field-notEnoughInformation" className={heldBack !== null ? "field field-invalid" : "field"}>
      <p className="notice">{t("rating.notEnoughRule", { voidFrom: max + 1 })}</p>
      {heldBack !== null ? (
        <p className="field-error" id="error-notEnoughInformation">
          {t("rating.heldBack", { count: heldBack, max })}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className={over ? "form-error" : "hint"}>
        {count === null ? "" : `${t("rating.notEnoughCount", { count, max })}${over ? ` ${t("rating.notEnoughOver")}` : ""}`}
      </p>
    </div>
  );
}

/**
 * The live count of checked "not enough information" answers: null until the page runs
 * JavaScript (a count the page could not keep up to date would mislead), then the form's own.
 */
export function useNotEnoughInformationCount(initial: number) {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => setCount(initial), [initial]);
  const recount = (form: HTMLFormElement) => setCount(form.querySelectorAll(`input[type="radio"][value="${notEnoughInformation}"]:checked`).length);
  return { count, recount };
}
