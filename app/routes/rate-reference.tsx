import { data } from "react-router";
import type { Route } from "./+types/rate-reference";
import { closedLinkState } from "../../src/commands/guards/assert-open-link.ts";
import { saveRatingDraft } from "../../src/commands/save-rating-draft.ts";
import { submitRating } from "../../src/commands/submit-rating.ts";
import type { FieldErrors } from "../../src/commands/command-context.ts";
import { countNotEnoughInformation, ratingAnswersOf } from "../../src/domain/rating-form.ts";
import type { Translate } from "../../src/i18n/format.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { ratingAction } from "../../src/forms/reference-forms.ts";
import { linkHolder, ratingPage } from "../../src/queries/links.ts";
import { ClosedLink } from "../components/closed-link.tsx";
import { AppForm, describedBy, ErrorSummary, Field } from "../components/form.tsx";
import { NotEnoughInformationRule } from "../components/not-enough-information-rule.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RatingItem } from "../components/rating-item.tsx";
import { run, services } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";
import { ownScriptsOnly } from "../lib/page-handle.ts";
// Vite bundles a worker entry into a script of its own and gives its address, named by content and the
// same in both builds; the script uses nothing of a worker.
import countScript from "../enhancements/count-not-enough-information.ts?worker&url";

/** Works as plain HTML: sent without React, with the 0.4 KB live count of "not enough information" (decision 022). */
export const handle = ownScriptsOnly(countScript);

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
  const submitted = await run(context, submitRating, { answers, anyway: asked.data.intent === "submit-anyway" }, holder);
  if (submitted.ok) return { outcome: "thanks" as const, answers, errors: {} };
  if (closedLinkState(submitted.errors)) return { outcome: "closed" as const, answers, errors: {} };
  // Not every area answered, or a rating that would not count: keep what was, so the rater finds it again through the link.
  await run(context, saveRatingDraft, { answers }, holder);
  return data({ outcome: "held" as const, answers, errors: submitted.errors }, { status: 400 });
}

export default function RateReference({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { form, sought } = loaderData;
  const answers: Record<string, string> = actionData?.answers ?? loaderData.draft;
  const errors: FieldErrors = actionData?.errors ?? {};
  if (actionData?.outcome === "thanks") {
    return (
      <section className="narrow">
        <PageTitle title={t("rating.thanks")} />
        <h1>{t("rating.thanks")}</h1>
      </section>
    );
  }
  if (loaderData.state !== "open") return <ClosedLink state={loaderData.state} />;
  const title = t("rating.title", { name: loaderData.applicant });
  const heldBack = errors.notEnoughInformation ? countNotEnoughInformation(form, answers) : null;
  const labels = {
    ...Object.fromEntries(form.items.map((item) => [item.id, item.label[locale]])),
    raterEarned: t("rating.credentialSince"),
    notEnoughInformation: t("rating.notEnoughLabel"),
  };
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p className="lead">{soughtText(t, loaderData.applicant, sought)}</p>
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
      <ErrorSummary state={actionData?.outcome === "held" ? { errors } : undefined} fieldLabels={labels} />
      <AppForm>
        {form.maxNotEnoughInformation !== null ? (
          <NotEnoughInformationRule max={form.maxNotEnoughInformation} items={form.items.length} heldBack={heldBack} />
        ) : null}
        {form.items.map((item) => (
          <RatingItem key={item.id} item={item} scale={form.scale} answer={answers[item.id]} error={errors[item.id]} />
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
        {heldBack !== null ? (
          <p>
            {/* Last in the form: pressing Enter in a field sends the rating the usual way, never this. */}
            <button type="submit" name="intent" value="submit-anyway" className="secondary-button">
              {t("rating.submitAnyway")}
            </button>
          </p>
        ) : null}
      </AppForm>
    </section>
  );
}

/** What the applicant seeks, as plainly as the request said it: category and association, or only the framework for an older request. */
function soughtText(t: Translate, name: string, sought: Route.ComponentProps["loaderData"]["sought"]): string {
  if (!sought) return "";
  const { category, association } = sought;
  if (category && association) return t("rating.seeksWithAssociation", { name, association, category: category.name, abbreviation: category.abbreviation });
  if (category) return t("rating.seeksCategory", { name, framework: sought.framework, category: category.name, abbreviation: category.abbreviation });
  return t("rating.seeksFramework", { name, framework: sought.framework });
}
