import type { ReviewOutcome } from "../../src/domain/review-outcomes.ts";
import { AppForm, ErrorSummary, type FormState, TextAreaField } from "./form.tsx";
import { RadioGroup } from "./radio-group.tsx";
import { useTranslate } from "../lib/use-translate.ts";

/**
 * Staff's decision on a file: the outcomes open in its status as radio buttons, feedback for the
 * applicant, and the status and version this page showed (a decision on a stale page is refused).
 * The feedback starts as the submitted reviews' feedback for the applicant, for staff to edit.
 */
export function DecisionForm({
  decision,
  state,
}: {
  decision: { outcomes: ReviewOutcome[]; expectedStatus: string; expectedVersion: number; feedback: string };
  state: FormState;
}) {
  const t = useTranslate();
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
            <RadioGroup
              name="outcome"
              legend={t("decision.outcome")}
              options={decision.outcomes.map((outcome) => ({ value: outcome, label: t(`decision.outcome.${outcome}`) }))}
              state={state}
            />
            <TextAreaField
              name="feedback"
              label={t("decision.feedback")}
              hint={t("decision.feedbackHint")}
              state={state}
              defaultValue={decision.feedback}
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
