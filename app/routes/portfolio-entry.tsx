import { useRef } from "react";
import { Link, redirect } from "react-router";
import type { Route } from "./+types/portfolio-entry";
import { draftKey, keepPortfolioDraft, savePortfolioEntry } from "../../src/commands/save-portfolio-entry.ts";
import { deleteFormDraft, type DraftFields, findFormDraft } from "../../src/data/form-drafts.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { findSection } from "../../src/forms/portfolio-sections.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { EntryFields } from "../components/entry-fields.tsx";
import { AppForm, ErrorSummary } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { personFrameworks } from "../lib/person-frameworks.server.ts";
import { useAutosave } from "../lib/use-autosave.ts";
import { frameworkOptions } from "../lib/portfolio-options.server.ts";
import { authorize, commands, invalid, notFound, requestState, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

/** Fields as the browser sent them: repeated names (ticked boxes) become lists. */
function fieldsOf(form: FormData): DraftFields {
  const fields: DraftFields = {};
  for (const name of new Set(form.keys())) {
    if (name === "csrf" || name === "intent") continue;
    const values = form.getAll(name).filter((value): value is string => typeof value === "string");
    fields[name] = values.length > 1 || name === "topics" || name === "domains" ? values : (values[0] ?? "");
  }
  return fields;
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const section = findSection(params.section) ?? notFound();
  const entryId = params.entryId === "new" ? null : params.entryId;
  const { db } = services(context);
  const { portfolio } = await findPortfolio(db, user.userId);
  const entry = entryId ? (portfolio[section.list] as Array<Record<string, unknown> & { id: string }>).find((candidate) => candidate.id === entryId) : undefined;
  if (entryId && !entry) notFound();
  const draft = await findFormDraft(db, user.userId, draftKey(section, entryId));
  const { frameworks } = await personFrameworks(context, user.userId);
  const defaults: DraftFields = section.id === "work" ? { paid: "on", kind: "direct-service" } : section.id === "education" ? { relatedField: "on" } : {};
  return {
    section: { id: section.id, title: section.title, fields: section.fields },
    isNew: entryId === null,
    values: draft ?? (entry ? section.fromEntry(entry) : defaults),
    hasDraft: draft !== undefined,
    options: frameworkOptions(frameworks, requestState(context).locale),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const section = findSection(params.section) ?? notFound();
  const entryId = params.entryId === "new" ? null : params.entryId;
  const form = await request.formData();
  const fields = fieldsOf(form);
  const intent = form.get("intent");
  if (intent === "autosave") {
    await keepPortfolioDraft(commands(context), user.userId, section, entryId, fields);
    return { autosaved: true as const };
  }
  if (intent === "discard") {
    await deleteFormDraft(services(context).db, user.userId, draftKey(section, entryId));
    throw redirect(request.url);
  }
  const result = await savePortfolioEntry(commands(context), user.userId, { section, entryId, fields });
  if (!result.ok) return invalid(result.errors, {}, { fields });
  throw redirect(`/portfolio?saved=1#${section.id}`);
}

export default function PortfolioEntry({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const formRef = useRef<HTMLFormElement>(null);
  const isAutosaved = useAutosave(formRef);
  const failed = actionData && "errors" in actionData ? actionData : undefined;
  const values = failed?.fields ?? loaderData.values;
  const heading = `${t(loaderData.section.title)}: ${t(loaderData.isNew ? "portfolio.newEntry" : "portfolio.editEntry")}`;
  const labels = Object.fromEntries(loaderData.section.fields.map((field) => [field.name, t(field.label)]));
  return (
    <section className="narrow">
      <PageTitle title={heading} />
      <h1>{heading}</h1>
      {failed ? <p className="notice">{t("portfolio.draftKept")}</p> : null}
      {!failed && loaderData.hasDraft ? (
        <div className="notice">
          <p>{t("portfolio.draftRestored")}</p>
          <AppForm>
            <input type="hidden" name="intent" value="discard" />
            <button type="submit" className="link-button">
              {t("portfolio.discardDraft")}
            </button>
          </AppForm>
        </div>
      ) : null}
      <ErrorSummary state={failed} fieldLabels={labels} />
      <AppForm ref={formRef} key={JSON.stringify(values)}>
        <EntryFields fields={loaderData.section.fields} values={values} errors={failed?.errors ?? {}} extraOptions={loaderData.options} />
        <button type="submit" name="intent" value="save">
          {t("portfolio.save")}
        </button>{" "}
        <Link to={`/portfolio#${loaderData.section.id}`}>{t("portfolio.cancel")}</Link>
        <p role="status" className="autosave-status">
          {isAutosaved ? t("portfolio.autosaved") : ""}
        </p>
      </AppForm>
    </section>
  );
}
