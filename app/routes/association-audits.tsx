import { Link, redirect } from "react-router";
import type { Route } from "./+types/association-audits";
import { createHourAudit } from "../../src/commands/create-hour-audit.ts";
import { hourAuditForm } from "../../src/forms/hour-audit-forms.ts";
import { pageQuery, parseListQuery } from "../../src/forms/list-filters.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { staffHourAuditsPage } from "../../src/queries/hour-audits.ts";
import { AppForm, ErrorSummary, SelectField, TextAreaField, TextField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { MisreadNotice, Pager } from "../components/pager.tsx";
import { invalid, invalidForm, read, requireUser, run } from "../lib/route-context.server.ts";
import { associationForStaff } from "../lib/staff-pages.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

/** Staff's audits of reported hours, newest first, and the form to open one (a random sample of a period's holders, or people named). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  return read(context, staffHourAuditsPage, params.slug, parseListQuery(pageQuery, request.url));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const association = await associationForStaff(context, params.slug);
  const parsed = parseForm(hourAuditForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, createHourAudit, { associationId: association.id, ...parsed.data });
  if (!result.ok) return invalid(result.errors, parsed.values);
  return redirect(`/a/${association.slug}/audits/${result.value.auditId}?created`);
}

export default function AssociationAudits({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const { association } = loaderData;
  const title = `${association.name}: ${t("hourAudits.title")}`;
  const labels = {
    selection: t("hourAudits.selection"),
    periodDue: t("hourAudits.periodDue"),
    percent: t("hourAudits.percent"),
    people: t("hourAudits.people"),
    evidenceDue: t("hourAudits.evidenceDue"),
    instructions: t("hourAudits.instructions"),
  };
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p>{t("hourAudits.intro")}</p>
      <MisreadNotice page={loaderData.page} />
      {loaderData.audits.length === 0 ? <p className="muted">{t("hourAudits.none")}</p> : null}
      <ul className="entries">
        {loaderData.audits.map((audit) => (
          <li key={audit.id}>
            <Link to={`/a/${association.slug}/audits/${audit.id}`}>
              {t("hourAudits.item", { period: audit.periodDue, opened: audit.opened ?? "", people: audit.people, undetermined: audit.undetermined })}
            </Link>
            <p className="muted">
              {audit.selection === "sample" ? t("hourAudits.selection.sample", { percent: audit.percent ?? 0 }) : t("hourAudits.selection.picked")}
            </p>
          </li>
        ))}
      </ul>
      <Pager page={loaderData.page} label={t("pager.pagesOf", { list: t("hourAudits.title") })} />
      <h2>{t("hourAudits.createTitle")}</h2>
      {loaderData.periods.length === 0 ? (
        <p className="muted">{t("hourAudits.noPeriods")}</p>
      ) : (
        <>
          <ErrorSummary state={actionData} fieldLabels={labels} />
          <AppForm>
            <SelectField
              name="periodDue"
              label={labels.periodDue}
              state={actionData}
              options={loaderData.periods.map((period) => ({ value: period.due, label: t("hourAudits.period", period) }))}
            />
            <SelectField
              name="selection"
              label={labels.selection}
              state={actionData}
              options={[
                { value: "sample", label: t("hourAudits.sample") },
                { value: "picked", label: t("hourAudits.picked") },
              ]}
            />
            <TextField name="percent" label={labels.percent} hint={t("hourAudits.percentHint")} state={actionData} inputMode="numeric" defaultValue="10" />
            <TextAreaField name="people" label={labels.people} hint={t("hourAudits.peopleHint")} state={actionData} rows={4} />
            <TextField name="evidenceDue" label={labels.evidenceDue} state={actionData} type="date" min={loaderData.today} required />
            <TextAreaField
              name="instructions"
              label={labels.instructions}
              hint={t("hourAudits.instructionsHint")}
              state={actionData}
              rows={3}
              maxLength={2000}
            />
            <button type="submit">{t("hourAudits.create")}</button>
          </AppForm>
        </>
      )}
    </section>
  );
}
