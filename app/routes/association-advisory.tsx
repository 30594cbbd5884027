import type { Route } from "./+types/association-advisory";
import { assignAdvisoryReviewer } from "../../src/commands/assign-advisory-reviewer.ts";
import { assignAdvisoryForm } from "../../src/forms/advisory-forms.ts";
import { pageQuery, parseListQuery } from "../../src/forms/list-filters.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { staffAdvisoryPage } from "../../src/queries/advisory.ts";
import { AppForm, SelectField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { MisreadNotice, Pager } from "../components/pager.tsx";
import { invalid, read, requireUser, run } from "../lib/route-context.server.ts";
import { associationForStaff } from "../lib/staff-pages.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** Staff's list of advisory reviews asked for, a page at a time, naming an advisor for each new one. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  return read(context, staffAdvisoryPage, params.slug, parseListQuery(pageQuery, request.url));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  await associationForStaff(context, params.slug);
  const parsed = parseForm(assignAdvisoryForm, await request.formData());
  if (!parsed.ok) return invalid(parsed.errors, { advisoryReviewId: String(parsed.values.advisoryReviewId ?? "") });
  const result = await run(context, assignAdvisoryReviewer, { advisoryReviewId: parsed.data.advisoryReviewId, advisorUserId: parsed.data.advisor });
  if (!result.ok) return invalid(result.errors, { advisoryReviewId: parsed.data.advisoryReviewId });
  return { ok: true as const };
}

export default function AssociationAdvisory({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const failed = actionData && "errors" in actionData ? actionData : undefined;
  const title = `${loaderData.association.name}: ${t("advisory.staffTitle")}`;
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      {actionData && "ok" in actionData ? (
        <p role="status" className="notice">
          {t("candidates.assigned")}
        </p>
      ) : null}
      <MisreadNotice page={loaderData.page} />
      {loaderData.reviews.length === 0 ? <p className="muted">{t("advisory.staffNone")}</p> : null}
      {loaderData.reviews.map((review) => {
        // This row's refusal, shown at its one field whatever the command named (the advisor, or the review itself).
        const error = failed?.values.advisoryReviewId === review.id ? (failed.errors.advisor ?? failed.errors.form) : undefined;
        const advisors = review.candidacyAdvisor
          ? [review.candidacyAdvisor, ...loaderData.advisors.filter((advisor) => advisor.id !== review.candidacyAdvisor?.id)]
          : loaderData.advisors;
        return (
          <article key={review.id} className="category">
            <h2>{review.applicant}</h2>
            <p>
              {`${review.category[locale]} · ${review.requested} · `}
              {t(`advisory.status.${review.status}`, { advisor: review.advisor })}
            </p>
            {review.question ? <p className="statement">{t("advisory.applicantQuestion", { question: review.question })}</p> : null}
            {review.status === "requested" ? (
              advisors.length === 0 ? (
                <p className="muted">{t("advisory.noAdvisors")}</p>
              ) : (
                <AppForm>
                  <input type="hidden" name="advisoryReviewId" value={review.id} />
                  <SelectField
                    name="advisor"
                    idKey={`advisor-${review.id}`}
                    label={t("advisory.advisorFor", { applicant: review.applicant })}
                    state={error ? { errors: { advisor: error } } : undefined}
                    options={advisors.map((advisor) => ({
                      value: advisor.id,
                      label: advisor.id === review.candidacyAdvisor?.id ? t("advisory.candidacyAdvisor", { name: advisor.name }) : advisor.name,
                    }))}
                  />
                  <button type="submit">{t("advisory.assign")}</button>
                </AppForm>
              )
            ) : (
              <p>
                <a href={`/advisory/${review.id}`}>{t("advisory.title")}</a>
              </p>
            )}
          </article>
        );
      })}
      <Pager page={loaderData.page} label={t("pager.pagesOf", { list: t("advisory.staffTitle") })} />
    </section>
  );
}
