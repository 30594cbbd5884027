import type { ownExam } from "../../src/queries/exams.ts";
import { AppForm, ErrorSummary, type FormState, TextAreaField } from "./form.tsx";
import { useTranslate } from "../lib/use-translate.ts";

type Exam = NonNullable<Awaited<ReturnType<typeof ownExam>>>;

/** The exam part of an applicant's application page: their sittings, and while approved, the open sittings to register for. */
export function ExamRegistration({ exam, state }: { exam: Exam; state: FormState }) {
  const t = useTranslate();
  const sittingError = state?.errors?.sittingId;
  // Before approval (in review, say) there is nothing to show yet.
  if (!exam.approved && exam.registrations.length === 0) return null;
  const when = (sitting: { day: string; startsAt: string; timeZone: string }) =>
    t("exams.sitting", { day: sitting.day, time: sitting.startsAt, zone: sitting.timeZone });
  return (
    <>
      <h2>{t("exams.applicantTitle")}</h2>
      <ErrorSummary state={state} fieldLabels={{ sittingId: t("exams.chooseSitting"), accommodation: t("exams.accommodationRequest") }} />
      {exam.passed ? <p>{t("exams.passedWaiting")}</p> : null}
      {exam.registrations.length > 0 ? (
        <>
          <h3>{t("exams.yourSittings")}</h3>
          <ul>
            {exam.registrations.map((registration) => (
              <li key={registration.id}>
                {`${when(registration)} · ${t(`exams.mode.${registration.mode}`)}: ${registration.place} · `}
                {t("exams.result", { result: t(registration.result ? `exams.result.${registration.result}` : "exams.result.pending") })}
                {registration.accommodationAnswer ? (
                  <p className="muted">{t("exams.accommodationAnswered", { answer: registration.accommodationAnswer })}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {exam.expired ? <p className="notice">{t("exams.expired", { date: exam.approvedUntil ?? "" })}</p> : null}
      {exam.approved && !exam.expired ? (
        <>
          <p>{t("exams.approvedUntil", { date: exam.approvedUntil ?? "" })}</p>
          {exam.retakeFrom ? <p className="notice">{t("exams.retakeFrom", { date: exam.retakeFrom })}</p> : null}
          {exam.openSittings.length === 0 ? (
            <p className="muted">{t("exams.noOpen")}</p>
          ) : (
            <AppForm>
              <fieldset
                className={sittingError ? "field field-invalid" : "field"}
                id="field-sittingId"
                aria-describedby={sittingError ? "error-sittingId" : undefined}
              >
                <legend>{t("exams.chooseSitting")}</legend>
                {sittingError ? (
                  <p className="field-error" id="error-sittingId">
                    {t(sittingError)}
                  </p>
                ) : null}
                {exam.openSittings.map((sitting, index) => (
                  <div className="field-check" key={sitting.id}>
                    <input type="radio" id={`sitting-${sitting.id}`} name="sittingId" value={sitting.id} defaultChecked={index === 0} />
                    <label htmlFor={`sitting-${sitting.id}`}>{`${when(sitting)} · ${t(`exams.mode.${sitting.mode}`)}: ${sitting.place}`}</label>
                  </div>
                ))}
              </fieldset>
              <TextAreaField name="accommodation" label={t("exams.accommodationRequest")} state={state} rows={3} maxLength={2000} />
              <button type="submit" name="intent" value="register-exam">
                {t("exams.registerButton")}
              </button>
            </AppForm>
          )}
        </>
      ) : null}
    </>
  );
}
