import { Link, redirect } from "react-router";
import type { Route } from "./+types/association-exams";
import { createExamSitting } from "../../src/commands/create-exam-sitting.ts";
import { examModes } from "../../src/domain/exam-modes.ts";
import { sittingForm } from "../../src/forms/exam-forms.ts";
import { pageQuery, parseListQuery } from "../../src/forms/list-filters.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { timeZoneChoices } from "../../src/forms/time-zones.ts";
import { staffSittingsPage } from "../../src/queries/exams.ts";
import { AppForm, ErrorSummary, SelectField, TextField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { MisreadNotice, Pager } from "../components/pager.tsx";
import { invalid, invalidForm, read, requireUser, run } from "../lib/route-context.server.ts";
import { associationForStaff } from "../lib/staff-pages.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

/** Staff's sittings of the endorsement exam, newest first, and the form to add one. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  return read(context, staffSittingsPage, params.slug, parseListQuery(pageQuery, request.url));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const association = await associationForStaff(context, params.slug);
  const parsed = parseForm(sittingForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, createExamSitting, { associationId: association.id, ...parsed.data });
  if (!result.ok) return invalid(result.errors, parsed.values);
  return redirect(`/a/${association.slug}/exams/${result.value.sittingId}?created`);
}

export default function AssociationExams({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const { association } = loaderData;
  const title = `${association.name}: ${t("exams.title")}`;
  const labels = {
    day: t("exams.day"),
    startsAt: t("exams.startsAt"),
    timeZone: t("exams.timeZone"),
    mode: t("exams.mode"),
    place: t("exams.place"),
    capacity: t("exams.capacity"),
  };
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p>{t("exams.intro")}</p>
      <MisreadNotice page={loaderData.page} />
      {loaderData.sittings.length === 0 ? <p className="muted">{t("exams.none")}</p> : null}
      <ul className="entries">
        {loaderData.sittings.map((sitting) => (
          <li key={sitting.id}>
            <Link to={`/a/${association.slug}/exams/${sitting.id}`}>
              {t("exams.sitting", { day: sitting.day, time: sitting.startsAt, zone: sitting.timeZone })}
            </Link>
            <p className="muted">
              {`${t(`exams.mode.${sitting.mode}`)}: ${sitting.place} · ${t("exams.seats", { taken: sitting.taken, capacity: sitting.capacity })}`}
            </p>
          </li>
        ))}
      </ul>
      <Pager page={loaderData.page} label={t("pager.pagesOf", { list: t("exams.title") })} />
      <h2>{t("exams.createTitle")}</h2>
      <ErrorSummary state={actionData} fieldLabels={labels} />
      <AppForm>
        <TextField name="day" label={labels.day} state={actionData} type="date" required />
        <TextField name="startsAt" label={labels.startsAt} state={actionData} type="time" required />
        <SelectField
          name="timeZone"
          label={labels.timeZone}
          state={actionData}
          defaultValue={loaderData.timeZone}
          options={timeZoneChoices.map((zone) => ({ value: zone, label: zone }))}
        />
        <SelectField name="mode" label={labels.mode} state={actionData} options={examModes.map((mode) => ({ value: mode, label: t(`exams.mode.${mode}`) }))} />
        <TextField name="place" label={labels.place} state={actionData} maxLength={500} required />
        <TextField name="capacity" label={labels.capacity} state={actionData} type="number" inputMode="numeric" min={1} defaultValue="20" required />
        <button type="submit">{t("exams.create")}</button>
      </AppForm>
    </section>
  );
}
