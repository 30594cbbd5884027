import { Link, redirect } from "react-router";
import type { Route } from "./+types/portfolio-series";
import { addSessionSeries } from "../../src/commands/add-session-series.ts";
import { findSection, formValuesOf, parseEntry } from "../../src/forms/portfolio-sections.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { sessionSeriesForm } from "../../src/queries/portfolio.ts";
import { EntryFields } from "../components/entry-fields.tsx";
import { AppForm, ErrorSummary, SelectField, TextField } from "../components/form.tsx";
import { KnownProviderLinks } from "../components/known-providers.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { authorize, invalid, requestState, run, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

const sectionId = "reflective-supervision";
const everyWeeks = ["1", "2", "4"] as const;
const weeksOf = { "1": 1, "2": 2, "4": 4 } as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  return sessionSeriesForm(services(context), user, requestState(context).locale, new URL(request.url).searchParams.get("from"));
}

/**
 * Adds one session per date of the series. The session's fields are checked as a single entry
 * would be (with the first date); the dates by the command; errors come back by field with what
 * was typed, and nothing is added.
 */
export async function action({ request, context }: Route.ActionArgs) {
  authorize(context, portfolioPolicy.editOwn);
  const section = findSection(sectionId)!;
  const values = formValuesOf(section, await request.formData());
  const firstDate = typeof values.firstDate === "string" ? values.firstDate : "";
  const lastDate = typeof values.lastDate === "string" ? values.lastDate : "";
  const every = everyWeeks.find((choice) => choice === values.everyWeeks);
  const parsed = parseEntry(section, { ...values, date: firstDate }, "pending");
  if (!parsed.ok || !every) {
    const { date, ...errors } = parsed.ok ? {} : parsed.errors;
    return invalid({ ...errors, ...(date ? { firstDate: date } : {}), ...(every ? {} : { everyWeeks: "error.choose" as const }) }, values);
  }
  // The command gives each session its own date and id.
  const added = await run(context, addSessionSeries, { session: parsed.entry, firstDate, lastDate, everyWeeks: weeksOf[every] });
  if (!added.ok) return invalid(added.errors, values);
  throw redirect(`/portfolio?added=${added.value.count}#${sectionId}`);
}

export default function PortfolioSeries({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const failed = actionData && "errors" in actionData ? actionData : undefined;
  const values = failed?.values ?? loaderData.values;
  const labels = {
    ...Object.fromEntries(loaderData.fields.map((field) => [field.name, t(field.label)])),
    firstDate: t("series.firstDate"),
    lastDate: t("series.lastDate"),
    everyWeeks: t("series.every"),
  };
  return (
    <section className="narrow">
      <PageTitle title={t("series.title")} />
      <h1>{t("series.title")}</h1>
      <p>{t("series.intro")}</p>
      {loaderData.providers.length > 0 ? (
        <>
          <h2>{t("series.providersKnown")}</h2>
          <KnownProviderLinks providers={loaderData.providers} />
        </>
      ) : null}
      <ErrorSummary state={failed} fieldLabels={labels} />
      <AppForm key={JSON.stringify(loaderData.values)}>
        <TextField name="firstDate" type="date" label={t("series.firstDate")} state={failed} />
        <TextField name="lastDate" type="date" label={t("series.lastDate")} hint={t("series.lastDateHint")} state={failed} />
        <SelectField
          name="everyWeeks"
          label={t("series.every")}
          state={failed}
          defaultValue="2"
          options={everyWeeks.map((choice) => ({ value: choice, label: t(`series.every.${choice}`) }))}
        />
        <EntryFields fields={loaderData.fields} values={values} errors={failed?.errors ?? {}} extraOptions={loaderData.options} />
        <button type="submit">{t("series.save")}</button> <Link to={`/portfolio#${sectionId}`}>{t("portfolio.cancel")}</Link>
      </AppForm>
    </section>
  );
}
