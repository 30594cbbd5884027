import { redirect } from "react-router";
import type { Route } from "./+types/association-renewal-cycle";
import { setRenewalCycle } from "../../src/commands/set-renewal-cycle.ts";
import { renewalCycleForm } from "../../src/forms/renewal-cycle-form.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { renewalCyclePage } from "../../src/queries/renewal-cycle.ts";
import { AppForm, ErrorSummary, SelectField, TextField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { invalid, invalidForm, read, requireUser, run } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** Staff set when their association's credentials are due for renewal, the late date and fees, and when a lapsed one is removed. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  return { ...(await read(context, renewalCyclePage, params.slug)), isSaved: new URL(request.url).searchParams.has("saved") };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requireUser(context);
  const { association } = await read(context, renewalCyclePage, params.slug);
  const parsed = parseForm(renewalCycleForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, setRenewalCycle, { associationId: association.id, ...parsed.data });
  if (!result.ok) return invalid(result.errors, parsed.values);
  throw redirect(`/a/${association.slug}/renewal-cycle?saved=1`);
}

const amount = (cents: number) => (cents / 100).toFixed(2);

export default function AssociationRenewalCycle({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { association, cycle, thisYear } = loaderData;
  const state = actionData && !actionData.ok ? actionData : undefined;
  const monthName = new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" });
  const months = Array.from({ length: 12 }, (_, index) => ({ value: String(index + 1), label: monthName.format(Date.UTC(2001, index, 1)) }));
  const labels = {
    dueMonth: t("renewalCycle.dueMonth"),
    dueDay: t("renewalCycle.dueDay"),
    lateMonth: t("renewalCycle.lateMonth"),
    lateDay: t("renewalCycle.lateDay"),
    renewalFee: t("renewalCycle.renewalFee"),
    lateFee: t("renewalCycle.lateFee"),
    removalDaysAfterLate: t("renewalCycle.removalDaysAfterLate"),
    firstRenewalAfterMonths: t("renewalCycle.firstRenewalAfterMonths"),
  };
  const title = `${association.name}: ${t("renewalCycle.title")}`;
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      {loaderData.isSaved && !actionData ? (
        <p role="status" className="notice">
          {t("renewalCycle.saved")}
        </p>
      ) : null}
      <p>{t(cycle.isDefault ? "renewalCycle.isDefault" : "renewalCycle.isOwn")}</p>
      <p>{t("renewalCycle.thisYear", thisYear)}</p>
      <p>{t("renewalCycle.remindersIntro")}</p>
      <ul>
        {loaderData.reminders.map((reminder) => (
          <li key={reminder.kind}>{t(`renewalCycle.reminder.${reminder.kind}`, { date: reminder.on })}</li>
        ))}
      </ul>
      <ErrorSummary state={state} fieldLabels={labels} />
      <AppForm>
        <fieldset>
          <legend>{t("renewalCycle.dueLegend")}</legend>
          <SelectField name="dueMonth" label={labels.dueMonth} state={state} defaultValue={String(cycle.due.month)} options={months} />
          <TextField name="dueDay" label={labels.dueDay} state={state} defaultValue={String(cycle.due.day)} inputMode="numeric" />
          <TextField name="renewalFee" label={labels.renewalFee} state={state} defaultValue={amount(cycle.renewalFeeCents)} inputMode="decimal" />
          <TextField
            name="firstRenewalAfterMonths"
            label={labels.firstRenewalAfterMonths}
            hint={t("renewalCycle.firstRenewalAfterMonthsHint")}
            state={state}
            defaultValue={String(cycle.firstRenewalAfterMonths)}
            inputMode="numeric"
          />
        </fieldset>
        <fieldset>
          <legend>{t("renewalCycle.lateLegend")}</legend>
          <SelectField name="lateMonth" label={labels.lateMonth} state={state} defaultValue={String(cycle.late.month)} options={months} />
          <TextField name="lateDay" label={labels.lateDay} state={state} defaultValue={String(cycle.late.day)} inputMode="numeric" />
          <TextField
            name="lateFee"
            label={labels.lateFee}
            hint={t("renewalCycle.lateFeeHint")}
            state={state}
            defaultValue={amount(cycle.lateFeeCents)}
            inputMode="decimal"
          />
          <TextField
            name="removalDaysAfterLate"
            label={labels.removalDaysAfterLate}
            hint={t("renewalCycle.removalDaysAfterLateHint")}
            state={state}
            defaultValue={String(cycle.removalDaysAfterLate)}
            inputMode="numeric"
          />
        </fieldset>
        <button type="submit">{t("form.save")}</button>
      </AppForm>
    </section>
  );
}
