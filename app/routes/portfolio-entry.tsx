import { useRef } from "react";
import { Link, redirect, useLocation } from "react-router";
import type { Route } from "./+types/portfolio-entry";
import { discardPortfolioDraft } from "../../src/commands/discard-portfolio-draft.ts";
import { keepPortfolioDraft } from "../../src/commands/keep-portfolio-draft.ts";
import { savePortfolioEntry } from "../../src/commands/save-portfolio-entry.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { portfolioEntryAction } from "../../src/forms/portfolio-actions.ts";
import { findSection, formValuesOf, parseEntry } from "../../src/forms/portfolio-sections.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { portfolioEntryForm } from "../../src/queries/portfolio.ts";
import { EntryFields } from "../components/entry-fields.tsx";
import { AppForm, ErrorSummary } from "../components/form.tsx";
import { KnownProviderLinks } from "../components/known-providers.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { skipAfterAutosave, useAutosave } from "../lib/use-autosave.ts";
import { authorize, invalid, notFound, requestState, run, safeRedirectPath, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const entryId = params.entryId === "new" ? null : params.entryId;
  const from = new URL(request.url).searchParams.get("from");
  return (await portfolioEntryForm(services(context), user, params.section, entryId, requestState(context).locale, from)) ?? notFound();
}

/**
 * Saves the entry; when its fields do not validate, what was typed is kept as a draft (so nothing
 * is lost) and the errors come back by field. Autosave keeps a draft; discard throws it away;
 * any other intent is refused before anything is kept.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  authorize(context, portfolioPolicy.editOwn);
  const section = findSection(params.section) ?? notFound();
  const entryId = params.entryId === "new" ? null : params.entryId;
  const form = await request.formData();
  const fields = formValuesOf(section, form);
  const asked = parseForm(portfolioEntryAction, form);
  if (!asked.ok) return invalid(asked.errors, {}, { fields, draftKept: false });
  const { intent } = asked.data;
  if (intent === "autosave") {
    const kept = await run(context, keepPortfolioDraft, { section: section.id, entryId, fields });
    if (!kept.ok) return kept.errors.form === "portfolio.notFound" ? notFound() : invalid(kept.errors, {}, { fields, draftKept: false });
    return { autosaved: true as const };
  }
  if (intent === "discard") {
    await run(context, discardPortfolioDraft, { section: section.id, entryId });
    throw redirect(safeRedirectPath(new URL(request.url).pathname + new URL(request.url).search));
  }
  const parsed = parseEntry(section, fields, entryId ?? "new");
  if (!parsed.ok) {
    const kept = await run(context, keepPortfolioDraft, { section: section.id, entryId, fields });
    if (!kept.ok && kept.errors.form === "portfolio.notFound") notFound();
    return invalid({ ...parsed.errors, ...(kept.ok ? {} : kept.errors) }, {}, { fields, draftKept: kept.ok });
  }
  const result = await run(context, savePortfolioEntry, { section: section.id, entryId, entry: parsed.entry });
  if (!result.ok) return invalid(result.errors, {}, { fields, draftKept: false });
  throw redirect(`/portfolio?saved=1#${section.id}`);
}

export const shouldRevalidate = skipAfterAutosave;

export default function PortfolioEntry({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const { pathname, search } = useLocation();
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
      {failed?.draftKept ? <p className="notice">{t("portfolio.draftKept")}</p> : null}
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
      {loaderData.providers.length > 0 ? (
        <div className="notice">
          <p>{t("series.providersKnown")}</p>
          <KnownProviderLinks providers={loaderData.providers} />
          <p>
            <Link to="/portfolio/reflective-supervision/series">{t("portfolio.addSeries")}</Link>
          </p>
        </div>
      ) : null}
      <ErrorSummary state={failed} fieldLabels={labels} />
      {/* A new form only for another entry (or one to start from), or once a draft is discarded or kept by a refused save: never while typing. */}
      <AppForm ref={formRef} key={`${pathname}${search}:${loaderData.hasDraft}`}>
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
