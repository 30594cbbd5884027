import type { Route } from "./+types/portfolio-references";
import { askForReference } from "../../src/commands/ask-for-reference.ts";
import { referenceRoles } from "../../src/domain/portfolio-codes.ts";
import { askForReferenceForm } from "../../src/forms/reference-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { referencesOf } from "../../src/queries/references.ts";
import { AppForm, describedBy, ErrorSummary, Field, SelectField, TextField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { personFrameworks } from "../lib/person-frameworks.server.ts";
import { authorize, invalid, invalidForm, requestState, run, services } from "../lib/route-context.server.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** The applicant's references: who was asked, where each stands, and a form to ask someone else. */
export async function loader({ context }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const [references, { associations, frameworks }] = await Promise.all([referencesOf(services(context), user), personFrameworks(context, user.userId)]);
  // The categories of the person's associations, each under its association; everyone's, by framework, for someone in none.
  const groups =
    associations.length > 0
      ? associations.map((association) => ({ label: association.name, id: association.id, frameworks: association.frameworks }))
      : frameworks.map((framework) => ({ label: framework.shortName, id: "", frameworks: [framework] }));
  return {
    references,
    categoryGroups: groups.map((group) => ({
      key: group.id || group.label,
      label: group.label,
      options: group.frameworks.flatMap((framework) =>
        framework.categories.map((category) => ({
          value: `${group.id}|${framework.id}|${category.id}`,
          abbreviation: category.abbreviation,
          name: category.name,
        })),
      ),
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  authorize(context, portfolioPolicy.editOwn);
  const parsed = parseForm(askForReferenceForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const { category, ...asked } = parsed.data;
  const result = await run(context, askForReference, { ...asked, ...category, locale: requestState(context).locale });
  if (!result.ok) return invalid(result.errors, parsed.values, undefined, result.retryAfterMinutes ? 429 : 400);
  return { ok: true as const, name: parsed.data.raterName };
}

export default function References({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const shown = useReportText();
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const labels = {
    raterName: t("references.raterName"),
    raterEmail: t("references.raterEmail"),
    role: t("references.role"),
    category: t("references.category"),
  };
  const categoryError = failed?.errors?.category;
  const chosenCategory = typeof failed?.values?.category === "string" ? failed.values.category : undefined;
  return (
    <section>
      <PageTitle title={t("references.title")} />
      <h1>{t("references.title")}</h1>
      <p>{t("references.intro")}</p>
      {actionData?.ok ? (
        <p role="status" className="notice">
          {t("references.sent", { name: actionData.name })}
        </p>
      ) : null}
      {loaderData.references.length === 0 ? <p className="muted">{t("references.none")}</p> : null}
      <ul className="entries">
        {loaderData.references.map((reference) => (
          <li key={reference.id}>
            <span>
              <strong>{reference.raterName}</strong> ({t(`role.${reference.role}`)})
            </span>
            <span>
              {reference.completed
                ? reference.isVoid
                  ? t("references.status.void")
                  : t("references.status.completed", { date: reference.completed })
                : `${t("references.status.pending")} · ${t("references.reminders", { count: reference.remindersSent })}`}
              {reference.waived ? ` · ${t("references.waived")}` : ""}
            </span>
            {reference.answers.length > 0 ? (
              <details className="rating-answers">
                <summary>{t("references.answers")}</summary>
                <dl>
                  {reference.answers.map((item) => (
                    <div key={item.id}>
                      <dt>{item.label[locale]}</dt>
                      <dd>{item.answer ? shown(item.answer) : ""}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      <h2>{t("references.ask")}</h2>
      <ErrorSummary state={failed} fieldLabels={labels} />
      <AppForm key={actionData?.ok ? actionData.name : "ask"}>
        <TextField name="raterName" label={labels.raterName} state={failed} autoComplete="off" />
        <TextField name="raterEmail" label={labels.raterEmail} state={failed} type="email" autoComplete="off" hint={t("field.emailHint")} />
        <SelectField name="role" label={labels.role} state={failed} options={referenceRoles.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
        <Field name="category" label={labels.category} hint={t("references.categoryHint")} error={categoryError ? t(categoryError) : undefined}>
          <select
            id="field-category"
            name="category"
            defaultValue={chosenCategory}
            aria-invalid={categoryError ? true : undefined}
            aria-describedby={describedBy("category", "hint", categoryError)}
          >
            {loaderData.categoryGroups.map((group) => (
              <optgroup key={group.key} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>{`${option.abbreviation}: ${option.name[locale]}`}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <div className="field field-check">
          <input id="field-waived" type="checkbox" name="waived" defaultChecked={failed?.values?.waived === "on"} />
          <label htmlFor="field-waived">{t("references.waive")}</label>
        </div>
        <button type="submit">{t("references.send")}</button>
      </AppForm>
    </section>
  );
}
