import { Link } from "react-router";
import type { Route } from "./+types/exam-rating";
import { submitExamRating } from "../../src/commands/submit-exam-rating.ts";
import { examRatingForm } from "../../src/forms/exam-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { myExamRating } from "../../src/queries/exams.ts";
import { AppForm, ErrorSummary, SelectField, TextAreaField, TextField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { decideWhenSettled } from "../lib/exam-results.server.ts";
import { invalid, invalidForm, read, requireUser, run } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/**
 * A rater's page for one exam: the exam code, the Part 2 answers and the guide, then their
 * judgement. Nothing here names the examinee; the other raters' results are not shown (a third
 * rater is told only that the first two differed).
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  requireUser(context);
  return read(context, myExamRating, params.ratingId);
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requireUser(context);
  const rating = await read(context, myExamRating, params.ratingId);
  const parsed = parseForm(examRatingForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, submitExamRating, { ratingId: rating.id, ...parsed.data });
  if (!result.ok) return invalid(result.errors, parsed.values);
  await decideWhenSettled(context, result.value.registrationId);
  return { ok: true as const };
}

export default function ExamRating({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const rating = loaderData;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const title = t("examRating.title", { code: rating.code });
  const labels = { result: t("examRating.result"), comments: t("examRating.comments"), hours: t("examRating.hours") };
  return (
    <section>
      <PageTitle title={title} />
      <p>
        <Link to="/exam-ratings">{t("examRatings.title")}</Link>
      </p>
      <h1>{title}</h1>
      {actionData?.ok ? (
        <p role="status" className="notice">
          {t("examRating.submitted")}
        </p>
      ) : null}
      <h2>{t("examRating.guideTitle")}</h2>
      <p>{t("examRating.guide", { part: rating.part2Label ? rating.part2Label[locale] : t("exams.part2") })}</p>
      {rating.round === "third" ? <p className="notice">{t("examRating.third")}</p> : null}
      <h2>{t("examRating.answers")}</h2>
      {rating.answers ? <div className="answers">{rating.answers}</div> : null}
      {rating.hasFile ? (
        <p>
          <a href={`/exam-ratings/${rating.id}/part-2`} download>
            {t("examRating.download", { code: rating.code })}
          </a>
        </p>
      ) : null}
      <h2>{labels.result}</h2>
      {rating.submitted && rating.result ? (
        <>
          <p>{t("examRating.yours", { result: t(`exams.rating.${rating.result}`) })}</p>
          {rating.comments ? <p className="muted">{rating.comments}</p> : null}
        </>
      ) : (
        <>
          <ErrorSummary state={failed} fieldLabels={labels} />
          <AppForm>
            <SelectField
              name="result"
              label={labels.result}
              state={failed}
              options={[
                { value: "", label: t("error.choose") },
                { value: "pass", label: t("exams.result.pass") },
                { value: "not-yet", label: t("exams.result.not-yet") },
              ]}
            />
            <TextAreaField name="comments" label={labels.comments} state={failed} rows={5} maxLength={5000} required />
            <TextField name="hours" label={labels.hours} state={failed} type="number" inputMode="decimal" min={0.25} max={24} step={0.25} required />
            <button type="submit">{t("examRating.submit")}</button>
          </AppForm>
        </>
      )}
    </section>
  );
}
