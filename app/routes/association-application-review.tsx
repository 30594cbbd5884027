import { useRef } from "react";
import { Link, redirect } from "react-router";
import type { Route } from "./+types/association-application-review";
import { saveReviewDraft } from "../../src/commands/save-review-draft.ts";
import { submitReview } from "../../src/commands/submit-review.ts";
import { decisionsFor } from "../../src/domain/review-checklist.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { entriesOf, sections } from "../../src/forms/portfolio-sections.ts";
import { reviewAnswersOf, reviewForm } from "../../src/forms/review-form.ts";
import { translator } from "../../src/i18n/translate.ts";
import { reviewChecklist } from "../../src/queries/reviews.ts";
import { AppForm, ErrorSummary, type FormState, SelectField, TextAreaField, TextField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RadioGroup } from "../components/radio-group.tsx";
import { describeEntry } from "../lib/describe-entry.server.ts";
import { invalid, invalidForm, read, requestState, requireUser, run } from "../lib/route-context.server.ts";
import { skipAfterAutosave, useAutosave } from "../lib/use-autosave.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/**
 * The assigned reviewer's checklist of the frozen file (its current version): each requirement
 * with the engine's verdict and the entries that counted, to confirm or override; the items only a
 * person judges, to score; feedback, notes, the recommended outcome and the hours. Anyone else: 404.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  const { portfolio, checklist, ...page } = await read(context, reviewChecklist, params.slug, params.id);
  const t = translator(requestState(context).locale);
  const summaries = new Map<string, string>([
    ...sections.flatMap((section) => entriesOf(section, portfolio).map((entry) => [entry.id, describeEntry(section.id, entry.fields, t)] as const)),
    ...portfolio.references.map(
      (reference) => [reference.id, `${reference.raterName ? `${reference.raterName}, ` : ""}${t(`role.${reference.role}`)}`] as const,
    ),
    ...portfolio.documents.map((document) => [document.id, t(`documentType.${document.type as "other"}`)] as const),
  ]);
  return {
    ...page,
    saved: new URL(request.url).searchParams.has("saved"),
    requirements: checklist.map(({ counted, ...requirement }) => ({ ...requirement, counted: counted.map((entryId) => summaries.get(entryId) ?? entryId) })),
  };
}

/** Keeps the draft (as the reviewer types, or "Save draft"), or submits and locks the review; a refused submission is kept as a draft. */
export async function action({ request, params, context }: Route.ActionArgs) {
  requireUser(context);
  const page = await read(context, reviewChecklist, params.slug, params.id);
  const parsed = parseForm(reviewForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const answers = reviewAnswersOf(
    parsed.data,
    page.checklist.map((requirement) => requirement.key),
    page.judged.map((item) => item.key),
  );
  const input = { applicationId: params.id, ...answers };
  const here = `/a/${params.slug}/applications/${params.id}/review`;
  if (parsed.data.intent === "submit") {
    const result = await run(context, submitReview, input);
    if (result.ok) throw redirect(`${here}?submitted=1`);
    await run(context, saveReviewDraft, input);
    return invalid(result.errors, parsed.values);
  }
  const kept = await run(context, saveReviewDraft, input);
  if (!kept.ok) return invalid(kept.errors, parsed.values);
  if (parsed.data.intent === "autosave") return { autosaved: true as const };
  throw redirect(`${here}?saved=1`);
}

export const shouldRevalidate = skipAfterAutosave;

export default function AssociationApplicationReview({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const shown = useReportText();
  const formRef = useRef<HTMLFormElement>(null);
  const isAutosaved = useAutosave(formRef);
  const failed = actionData && "errors" in actionData ? actionData : undefined;
  const state: FormState = failed ?? { values: loaderData.values };
  const title = `${t("checklist.title")}: ${loaderData.applicant}, ${loaderData.category[locale]}`;
  const locked = loaderData.submitted !== null || !loaderData.open;
  const requirementLabel = (key: string) => {
    const requirement = loaderData.requirements.find((candidate) => candidate.key === key);
    return requirement ? shown(requirement.label) : null;
  };
  const fieldLabels: Record<string, string | null> = {
    feedback: t("checklist.feedback"),
    staffNotes: t("checklist.staffNotes"),
    recommendation: t("checklist.recommendation"),
    hours: t("checklist.hours"),
  };
  for (const requirement of loaderData.requirements) {
    fieldLabels[`decision-${requirement.key}`] = requirementLabel(requirement.key);
    fieldLabels[`comment-${requirement.key}`] = t("checklist.comment", { requirement: shown(requirement.label) });
  }
  for (const item of loaderData.judged) fieldLabels[`score-${item.key}`] = item.label[locale];
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p className="muted">{t("checklist.version", { version: String(loaderData.version), date: loaderData.frozen })}</p>
      <p>
        <Link to={`/a/${params.slug}/applications/${params.id}`}>{t("review.title")}</Link>
      </p>
      {loaderData.submitted !== null ? (
        <p role="status" className="notice">
          {t("checklist.submitted", { date: loaderData.submitted })}
        </p>
      ) : (
        <p>{t("checklist.intro")}</p>
      )}
      <ErrorSummary state={failed} fieldLabels={fieldLabels} />
      <AppForm ref={formRef}>
        <fieldset disabled={locked} className="plain">
          <h2>{t("checklist.requirements")}</h2>
          {loaderData.requirements.map((requirement) => (
            <section key={requirement.key} aria-labelledby={`requirement-${requirement.key}`} className="review-requirement">
              <h3 id={`requirement-${requirement.key}`}>{shown(requirement.label)}</h3>
              <p>
                <span className={`status status-${requirement.engine === "met" ? "met" : requirement.engine === "not-met" ? "unmet" : "needs-review"}`}>
                  {t("checklist.engineSays", { verdict: t(`checklist.verdict.${requirement.engine}`) })}
                </span>
              </p>
              {requirement.counted.length > 0 ? (
                <details>
                  <summary>{t("checklist.counted")}</summary>
                  <ul className="entries">
                    {requirement.counted.map((summary, index) => (
                      <li key={index}>{summary}</li>
                    ))}
                  </ul>
                </details>
              ) : (
                <p className="muted">{t("checklist.nothingCounted")}</p>
              )}
              <RadioGroup
                name={`decision-${requirement.key}`}
                legend={t("checklist.yourVerdict")}
                state={state}
                options={decisionsFor(requirement.engine).map((decision) => ({ value: decision, label: t(`checklist.decision.${decision}`) }))}
              />
              <TextAreaField
                name={`comment-${requirement.key}`}
                label={t("checklist.comment", { requirement: shown(requirement.label) })}
                hint={t("checklist.commentHint")}
                state={state}
                rows={2}
                maxLength={2000}
              />
            </section>
          ))}
          <h2>{t("checklist.scores")}</h2>
          {loaderData.judged.length === 0 ? <p className="muted">{t("checklist.noScores")}</p> : <p>{t("checklist.scoresIntro")}</p>}
          {loaderData.judged.map((item) => (
            <RadioGroup
              key={item.key}
              name={`score-${item.key}`}
              legend={item.label[locale]}
              hint={item.description ? <p>{item.description[locale]}</p> : undefined}
              state={state}
              options={loaderData.scale.map((value) => ({ value, label: `${value}: ${t(`engine.rating.${value as "1"}`)}` }))}
            />
          ))}
          <h2>{t("checklist.recommendation")}</h2>
          <TextAreaField name="feedback" label={t("checklist.feedback")} hint={t("checklist.feedbackHint")} state={state} rows={6} maxLength={20000} />
          <TextAreaField name="staffNotes" label={t("checklist.staffNotes")} hint={t("checklist.staffNotesHint")} state={state} rows={4} maxLength={20000} />
          <SelectField
            name="recommendation"
            label={t("checklist.recommendation")}
            state={state}
            options={[
              { value: "", label: t("checklist.chooseRecommendation") },
              ...loaderData.outcomes.map((outcome) => ({ value: outcome, label: t(`checklist.outcome.${outcome}`) })),
            ]}
          />
          <TextField name="hours" label={t("checklist.hours")} hint={t("checklist.hoursHint")} state={state} inputMode="decimal" />
          {locked ? null : (
            <p>
              <button type="submit" name="intent" value="save">
                {t("checklist.saveDraft")}
              </button>{" "}
              <button type="submit" name="intent" value="submit">
                {t("checklist.submit")}
              </button>
            </p>
          )}
        </fieldset>
        <p role="status" className="autosave-status">
          {isAutosaved ? t("checklist.autosaved") : actionData === undefined && loaderData.submitted === null && loaderData.saved ? t("checklist.saved") : ""}
        </p>
      </AppForm>
    </section>
  );
}
