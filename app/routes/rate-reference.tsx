import type { Route } from "./+types/rate-reference";
import { findOpenLink, saveRatingDraft, submitRating } from "../../src/commands/answer-rating.ts";
import { findUserById } from "../../src/data/users.ts";
import { ratingFormFor } from "../../src/domain/rating-form.ts";
import { ClosedLink } from "../components/closed-link.tsx";
import { AppForm, describedBy, Field } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { commands, services } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** The rater's form, reached only through the emailed link: the token is the permission. */
async function loadLink(context: Route.LoaderArgs["context"], token: string) {
  const { link, state } = await findOpenLink(commands(context), "reference", token);
  const framework = services(context).frameworks.find((candidate) => candidate.id === link?.framework_id) ?? services(context).frameworks[0]!;
  const credentialOptions = framework.categories.map((category) => ({ value: `${framework.id}/${category.id}`, label: category.name, abbreviation: category.abbreviation }));
  return { link, state, form: ratingFormFor(framework), credentialOptions };
}

const aboutRater = ["raterCredential", "raterEarned"] as const;

export async function loader({ params, context }: Route.LoaderArgs) {
  const { link, state, form, credentialOptions } = await loadLink(context, params.token);
  if (state !== "open" || !link) return { state, applicant: "", form, credentialOptions, draft: {} as Record<string, string> };
  const applicant = await findUserById(services(context).db, link.user_id);
  return { state, applicant: applicant?.name ?? "", form, credentialOptions, draft: link.draft ?? {} };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { form } = await loadLink(context, params.token);
  const data = await request.formData();
  const fields = [...form.items.map((item) => item.id), ...aboutRater];
  const answers = Object.fromEntries(fields.map((field) => [field, String(data.get(field) ?? "").trim()] as const).filter(([, value]) => value !== ""));
  if (data.get("intent") === "save") {
    return { outcome: (await saveRatingDraft(commands(context), params.token, answers)) === "open" ? ("saved" as const) : ("closed" as const), answers, errors: {} };
  }
  const result = await submitRating(commands(context), params.token, form, answers);
  if (!result.ok) return { outcome: "missing" as const, answers, errors: result.errors };
  services(context).mailWorker.wake();
  return { outcome: result.value.state === "used" ? ("thanks" as const) : ("closed" as const), answers, errors: {} };
}

export default function RateReference({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
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
                <label htmlFor={`${item.id}-${option.value}`}>{option.label[locale]}</label>
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
