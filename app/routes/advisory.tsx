import { Link } from "react-router";
import type { Route } from "./+types/advisory";
import { requestAdvisoryReview } from "../../src/commands/request-advisory-review.ts";
import { advisoryRequestForm } from "../../src/forms/advisory-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { applicationPolicy } from "../../src/policies/application.ts";
import { advisoryOverview } from "../../src/queries/advisory.ts";
import { AppForm, ErrorSummary, TextAreaField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { categoryChoices } from "../lib/category-choices.server.ts";
import { authorize, invalid, invalidForm, notFound, read, run } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** A member's advisory reviews and the form asking for one; an advisor's list of those assigned to them. */
export async function loader({ context }: Route.LoaderArgs) {
  const user = authorize(context, applicationPolicy.applyAsMember);
  const [overview, choices] = await Promise.all([read(context, (reader) => advisoryOverview(reader, user)), categoryChoices(context, user.userId)]);
  return { ...overview, choices };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = authorize(context, applicationPolicy.applyAsMember);
  const parsed = parseForm(advisoryRequestForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  // Only a category one of the person's associations offers, as the form lists them.
  if (!(await categoryChoices(context, user.userId)).some((choice) => choice.value === parsed.values.choice)) notFound();
  const result = await run(context, requestAdvisoryReview, { ...parsed.data.choice, question: parsed.data.question });
  if (!result.ok) return invalid(result.errors, parsed.values);
  return { requested: true as const };
}

export default function Advisory({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const failed = actionData && "errors" in actionData ? actionData : undefined;
  const choiceError = failed?.errors.choice ?? failed?.errors.form;
  return (
    <section>
      <PageTitle title={t("advisory.title")} />
      <h1>{t("advisory.title")}</h1>
      <p>{t("advisory.intro")}</p>
      {actionData && "requested" in actionData ? (
        <p role="status" className="notice">
          {t("advisory.requested")}
        </p>
      ) : null}
      {loaderData.advising.length > 0 ? (
        <>
          <h2>{t("advisory.assignedToYou")}</h2>
          <ul className="entries">
            {loaderData.advising.map((review) => (
              <li key={review.id}>
                <Link to={`/advisory/${review.id}`}>{t("advisory.fileTitle", { applicant: review.applicant, category: review.category[locale] })}</Link>
                <span className="muted">{` · ${review.association} · ${review.requested}`}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t("advisory.mine")}</h2>
      {loaderData.mine.length === 0 ? <p className="muted">{t("advisory.none")}</p> : null}
      <ul className="entries">
        {loaderData.mine.map((review) => (
          <li key={review.id}>
            {t("advisory.line", { category: review.category[locale], association: review.association, date: review.requested })}
            <span className="status">{t(`advisory.status.${review.status}`, { advisor: review.advisor })}</span>
            {review.status !== "requested" ? (
              <>
                {" · "}
                <Link to="/portfolio">{t("advice.title")}</Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {loaderData.choices.length > 0 ? (
        <>
          <h2>{t("advisory.request")}</h2>
          <ErrorSummary state={failed} fieldLabels={{ choice: t("advisory.category"), question: t("advisory.question") }} />
          <AppForm>
            <div className={choiceError ? "field field-invalid" : "field"}>
              <label htmlFor="field-choice">{t("advisory.category")}</label>
              {choiceError ? (
                <p className="field-error" id="error-choice">
                  {t(choiceError)}
                </p>
              ) : null}
              <select
                id="field-choice"
                name="choice"
                defaultValue={String(failed?.values.choice ?? "")}
                aria-describedby={choiceError ? "error-choice" : undefined}
              >
                {loaderData.choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>{`${choice.abbreviation}: ${choice.name[locale]} (${choice.association})`}</option>
                ))}
              </select>
            </div>
            <TextAreaField name="question" label={t("advisory.question")} state={failed} rows={4} />
            <button type="submit">{t("advisory.request")}</button>
          </AppForm>
        </>
      ) : null}
    </section>
  );
}
