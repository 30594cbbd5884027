import type { ReviewOutcome } from "../../src/domain/review-outcomes.ts";
import { AppForm, ErrorSummary, type FormState, TextAreaField } from "./form.tsx";
import { useTranslate } from "../lib/use-translate.ts";

/**
 * Staff's decision on a file: the outcomes open in its status as radio buttons, feedback for the
 * applicant, and the status and version this page showed (a decision on a stale page is refused).
 * `feedback` prefills the text area (the reviewers' feedback, when there is some).
 */
export function DecisionForm({
  decision,
  state,
  feedback,
}: {
  decision: { outcomes: ReviewOutcome[]; expectedStatus: string; expectedVersion: number };
  state: FormState;
  feedback: string;
}) {
  const t = useTranslate();
  const chosen = typeof state?.values?.outcome === "string" ? state.values.outcome : undefined;
  const error = state?.errors?.outcome;
  return (
    <section aria-labelledby="decision-title">
      <h2 id="decision-title">{t("decision.title")}</h2>
      <ErrorSummary state={state} fieldLabels={{ outcome: t("decision.outcome"), feedback: t("decision.feedback"), form: "" }} />
      {decision.outcomes.length === 0 ? (
        <p className="muted">{t("decision.none")}</p>
      ) : (
        <>
          <p>{t("decision.hint")}</p>
          <AppForm>
            <input type="hidden" name="intent" value="decide" />
            <input type="hidden" name="expectedStatus" value={decision.expectedStatus} />
            <input type="hidden" name="expectedVersion" value={decision.expectedVersion} />
            <fieldset className={error ? "field field-invalid" : "field"} id="field-outcome" aria-describedby={error ? "error-outcome" : undefined}>
              <legend>{t("decision.outcome")}</legend>
              {error ? (
                <p className="field-error" id="error-outcome">
                  {t(error)}
                </p>
              ) : null}
              {decision.outcomes.map((outcome) => (
                <div key={outcome} className="field-check">
                  <input type="radio" id={`outcome-${outcome}`} name="outcome" value={outcome} defaultChecked={chosen === outcome} />
                  <label htmlFor={`outcome-${outcome}`}>{t(`decision.outcome.${outcome}`)}</label>
                </div>
              ))}
            </fieldset>
            <TextAreaField
              name="feedback"
              label={t("decision.feedback")}
              hint={t("decision.feedbackHint")}
              state={state}
              defaultValue={feedback}
              rows={8}
              maxLength={10_000}
            />
            <button type="submit">{t("decision.submit")}</button>
          </AppForm>
        </>
      )}
    </section>
  );
}
