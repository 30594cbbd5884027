import { data } from "react-router";
import type { Route } from "./+types/rate-reference";
import { closedLinkState } from "../../src/commands/guards/assert-open-link.ts";
import { saveRatingDraft } from "../../src/commands/save-rating-draft.ts";
import { submitRating } from "../../src/commands/submit-rating.ts";
import { ratingAnswersOf } from "../../src/domain/rating-form.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { ratingAction } from "../../src/forms/reference-forms.ts";
import { linkHolder, ratingPage } from "../../src/queries/links.ts";
import { ClosedLink } from "../components/closed-link.tsx";
import { AppForm, describedBy, Field } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { run, services } from "../lib/route-context.server.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** The rater's form, reached only through the emailed link: the token is the permission. */
export async function loader({ params, context }: Route.LoaderArgs) {
  return ratingPage(services(context), params.token);
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const [holder, { form, state }, sent] = await Promise.all([
    linkHolder(services(context), "reference", params.token),
    ratingPage(services(context), params.token),
    request.formData(),
  ]);
  const answers = ratingAnswersOf(form, Object.fromEntries([...sent].filter((pair): pair is [string, string] => typeof pair[1] === "string")));
  // A link that is no longer open says so, whatever was posted.
  if (state !== "open") return { outcome: "closed" as const, answers, errors: {} };
  const asked = parseForm(ratingAction, sent);
  // Neither sent nor saved: the rater finds their choices on the page and the reason above them.
  if (!asked.ok) return data({ outcome: "refused" as const, answers, errors: asked.errors }, { status: 400 });
  if (asked.data.intent === "save") {
    const saved = await run(context, saveRatingDraft, { answers }, holder);
    return { outcome: saved.ok ? ("saved" as const) : ("closed" as const), answers, errors: {} };
  }
  const submitted = await run(context, submitRating, { answers }, holder);
  if (submitted.ok) return { outcome: "thanks" as const, answers, errors: {} };
  if (closedLinkState(submitted.errors)) return { outcome: "closed" as const, answers, errors: {} };
  // Not every area answered: keep what was, so the rater finds it again through the link.
  await run(context, saveRatingDraft, { answers }, holder);
  return { outcome: "missing" as const, answers, errors: submitted.errors };
}

export default function RateReference({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const shown = useReportText();
  if (actionData?.outcome === "thanks") {
    return (
      <section className="narrow">
        <PageTitle title={t("rating.thanks")} />
        <h1>{t("rating.thanks")}</h1>
      </section>
    );
  }
  if (loaderData.state !== "open") return <ClosedLink state={loaderData.state} />;
  const answers: Record<string, string> = actionData?.answers ?? loaderData.draft;
  const errors: Record<string, unknown> = actionData?.errors ?? {};
  const title = t("rating.title", { name: loaderData.applicant });
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p>{t("rating.intro", { name: loaderData.applicant })}</p>
      {actionData?.outcome === "saved" ? (
        <p role="status" className="notice">
          {t("rating.saved")}
        </p>
      ) : null}
      {actionData?.outcome === "refused" ? (
        <p role="alert" className="error-summary">
          {t("error.unknownAction")}
        </p>
      ) : null}
      {actionData?.outcome === "missing" ? (
        <p role="alert" className="error-summary">
          {t("rating.missing")}
        </p>
      ) : null}
      <AppForm>
        {loaderData.form.items.map((item) => (
          <fieldset key={item.id} className={errors[item.id] ? "field field-invalid rating-item" : "field rating-item"} id={`field-${item.id}`}>
            <legend>{item.label[locale]}</legend>
            {errors[item.id] ? <p className="field-error">{t("error.choose")}</p> : null}
            {loaderData.form.scale.map((option) => (
              <div key={option.value} className="field-check">
                <input type="radio" id={`${item.id}-${option.value}`} name={item.id} value={option.value} defaultChecked={answers[item.id] === option.value} />
                <label htmlFor={`${item.id}-${option.value}`}>{shown(option.label)}</label>
              </div>
            ))}
          </fieldset>
        ))}
        <fieldset className="rating-item">
          <legend>{t("rating.aboutYou")}</legend>
          <p className="hint">{t("rating.aboutYouHint")}</p>
          <div className="field">
            <label htmlFor="field-raterCredential">{t("rating.credential")}</label>
            <select id="field-raterCredential" name="raterCredential" defaultValue={answers.raterCredential ?? ""}>
              <option value="">{t("rating.noCredential")}</option>
              {loaderData.credentialOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {`${option.abbreviation}: ${option.label[locale]}`}
                </option>
              ))}
            </select>
          </div>
          <Field name="raterEarned" label={t("rating.credentialSince")} error={errors.raterEarned ? t("error.date") : undefined}>
            <input
              id="field-raterEarned"
              name="raterEarned"
              type="date"
              defaultValue={answers.raterEarned ?? ""}
              aria-invalid={errors.raterEarned ? true : undefined}
              aria-describedby={describedBy("raterEarned", undefined, errors.raterEarned)}
            />
          </Field>
        </fieldset>
        <button type="submit" name="intent" value="submit">
          {t("rating.submit")}
        </button>{" "}
        <button type="submit" name="intent" value="save" className="secondary-button">
          {t("rating.save")}
        </button>
      </AppForm>
    </section>
  );
}
