import { Link } from "react-router";
import type { Route } from "./+types/association-candidates";
import { assignAdvisor } from "../../src/commands/assign-advisor.ts";
import { parseListQuery, staffCandidatesQuery } from "../../src/forms/list-filters.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { assignAdvisorForm } from "../../src/forms/staff-forms.ts";
import { AppForm } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { MisreadNotice, Pager, StatusAndWindowFilter } from "../components/pager.tsx";
import { staffCandidatesPage } from "../../src/queries/staff.ts";
import { invalid, read, requireUser, run } from "../lib/route-context.server.ts";
import { associationForStaff } from "../lib/staff-pages.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  const list = parseListQuery(staffCandidatesQuery, request.url);
  const { association, candidates, page, filter, statusCounts } = await read(context, staffCandidatesPage, params.slug, list);
  return { association: association.name, candidates, page, filter, statusCounts };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  await associationForStaff(context, params.slug);
  const parsed = parseForm(assignAdvisorForm, await request.formData());
  if (!parsed.ok) return invalid(parsed.errors, { candidacyId: String(parsed.values.candidacyId ?? "") });
  const result = await run(context, assignAdvisor, parsed.data);
  if (!result.ok) return invalid(result.errors, { candidacyId: parsed.data.candidacyId });
  return { ok: true as const };
}

export default function AssociationCandidates({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const failed = actionData && "errors" in actionData ? actionData : undefined;
  const title = `${loaderData.association}: ${t("candidates.title")}`;
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      {actionData?.ok ? (
        <p role="status" className="notice">
          {t("candidates.assigned")}
        </p>
      ) : null}
      <MisreadNotice page={loaderData.page} />
      <StatusAndWindowFilter
        filter={loaderData.filter}
        statusCounts={loaderData.statusCounts}
        statusLabel={(status) => t(`candidates.status.${status}`)}
        windowLabel={t("candidates.window")}
      />
      {loaderData.candidates.length === 0 ? (
        <p className="muted">{loaderData.filter.status || loaderData.filter.window ? t("listFilter.noneMatch") : t("candidates.none")}</p>
      ) : null}
      {loaderData.candidates.map((candidate) => {
        const error = failed?.values.candidacyId === candidate.id ? (failed.errors.advisorEmail ?? failed.errors.form) : undefined;
        return (
          <article key={candidate.id} className="category">
            <h2>{candidate.name}</h2>
            <p>
              {`${candidate.category[locale]} · ${t("candidates.expires", { date: candidate.until })} · `}
              {candidate.advisor ? t("candidacy.advisor", { name: candidate.advisor }) : t("candidacy.noAdvisor")}
              {candidate.viewsProgress ? (
                <>
                  {" · "}
                  <Link to={`/candidates/${candidate.id}`}>{t("candidates.progress")}</Link>
                </>
              ) : null}
            </p>
            <AppForm>
              <input type="hidden" name="candidacyId" value={candidate.id} />
              <div className={error ? "field field-invalid" : "field"}>
                <label htmlFor={`advisor-${candidate.id}`}>{t("candidates.advisorEmail")}</label>
                {error ? (
                  <p className="field-error" id={`error-advisor-${candidate.id}`}>
                    {t(error)}
                  </p>
                ) : null}
                <input id={`advisor-${candidate.id}`} name="advisorEmail" type="email" aria-describedby={error ? `error-advisor-${candidate.id}` : undefined} />
              </div>
              <button type="submit">{t("candidates.assign")}</button>
            </AppForm>
          </article>
        );
      })}
      <Pager page={loaderData.page} label={t("pager.pagesOf", { list: t("candidates.title") })} />
    </section>
  );
}
