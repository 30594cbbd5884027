import { Link } from "react-router";
import type { Route } from "./+types/association-applications";
import { assignReviewer } from "../../src/commands/assign-reviewer.ts";
import { markFeePaid } from "../../src/commands/mark-fee-paid.ts";
import { markTranscriptsReceived } from "../../src/commands/mark-transcripts-received.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { parseListQuery, staffApplicationsQuery } from "../../src/forms/list-filters.ts";
import { staffApplicationAction } from "../../src/forms/staff-forms.ts";
import { AppForm, describedBy, Field } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { MisreadNotice, Pager, StatusAndWindowFilter } from "../components/pager.tsx";
import { staffApplicationsPage } from "../../src/queries/staff.ts";
import { invalid, read, requireUser, run } from "../lib/route-context.server.ts";
import { associationForStaff } from "../lib/staff-pages.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** Staff record what arrives outside Cradle (the fee, official transcripts) and give submitted applications to reviewers. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  const list = parseListQuery(staffApplicationsQuery, request.url);
  const { association, reviewers, applications, page, filter, statusCounts } = await read(context, staffApplicationsPage, params.slug, list);
  return { association: association.name, slug: association.slug, reviewers, applications, page, filter, statusCounts };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const association = await associationForStaff(context, params.slug);
  const parsed = parseForm(staffApplicationAction, await request.formData());
  if (!parsed.ok) return invalid(parsed.errors, {}, { applicationId: String(parsed.values.applicationId ?? "") });
  const input = parsed.data;
  const target = { associationId: association.id, applicationId: input.applicationId };
  const result =
    input.intent === "assign"
      ? await run(context, assignReviewer, { ...target, associationSlug: association.slug, reviewerUserId: input.reviewer })
      : await run(context, input.intent === "fee" ? markFeePaid : markTranscriptsReceived, target);
  if (!result.ok) return invalid(result.errors, {}, { applicationId: input.applicationId });
  return { ok: true as const, applicationId: input.applicationId };
}

export default function AssociationApplications({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const title = `${loaderData.association}: ${t("staffApplications.title")}`;
  const failed = actionData && "errors" in actionData ? actionData : undefined;
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      {actionData && "ok" in actionData && actionData.ok ? (
        <p role="status" className="notice">
          {t("staffApplications.recorded")}
        </p>
      ) : null}
      <MisreadNotice page={loaderData.page} />
      <StatusAndWindowFilter
        filter={loaderData.filter}
        statusCounts={loaderData.statusCounts}
        statusLabel={(status) => t(`application.status.${status}`)}
        windowLabel={t("staffApplications.window")}
      />
      {loaderData.applications.length === 0 ? (
        <p className="muted">{loaderData.filter.status || loaderData.filter.window ? t("listFilter.noneMatch") : t("staffApplications.none")}</p>
      ) : null}
      {loaderData.applications.map((application) => {
        const heading = `${application.name}: ${application.category[locale]}`;
        const error = failed?.applicationId === application.id ? (failed.errors.reviewer ?? failed.errors.form) : undefined;
        const isOpen = application.status === "submitted" || application.status === "in-review";
        return (
          <article key={application.id} className="category">
            <h2>{application.readsFile ? <Link to={`/a/${loaderData.slug}/applications/${application.id}`}>{heading}</Link> : heading}</h2>
            <p>
              {`${t(`application.status.${application.status}`)}${application.submitted ? ` · ${application.submitted}` : ""} · `}
              {application.feePaid
                ? t("staffApplications.feePaid", { date: application.feePaid })
                : application.feeCents !== null
                  ? t("staffApplications.feeDue", { amount: `$${(application.feeCents / 100).toFixed(2)}` })
                  : t("application.noFee")}
            </p>
            {application.reviewers.length > 0 ? <p>{t("staffApplications.reviewers", { names: application.reviewers.join(", ") })}</p> : null}
            <AppForm className="inline-form">
              <input type="hidden" name="applicationId" value={application.id} />
              {application.feePaid ? null : (
                <button type="submit" name="intent" value="fee" className="secondary-button">
                  {t("staffApplications.markFee")}
                </button>
              )}{" "}
              <button type="submit" name="intent" value="transcripts" className="secondary-button">
                {t("staffApplications.markTranscripts")}
              </button>
            </AppForm>
            {error && !isOpen ? (
              <p className="field-error" role="alert">
                {t(error)}
              </p>
            ) : null}
            {isOpen && application.notOffered.length > 0 ? (
              <ul className="muted">
                {application.notOffered.map((reviewer) => (
                  <li key={reviewer.name}>
                    {reviewer.conflict
                      ? t("staffApplications.notOfferedConflict", { name: reviewer.name, reason: t(`conflict.${reviewer.conflict}`) })
                      : t("staffApplications.notOffered", { name: reviewer.name, reason: t(`reviewerProfile.refusal.${reviewer.refusal}`) })}
                  </li>
                ))}
              </ul>
            ) : null}
            {isOpen && loaderData.reviewers.length > 0 && application.offered.length === 0 ? <p>{t("staffApplications.noneOffered")}</p> : null}
            {isOpen && application.offered.length > 0 ? (
              <AppForm className="inline-form">
                <input type="hidden" name="applicationId" value={application.id} />
                <Field name={`reviewer-${application.id}`} label={t("staffApplications.reviewer")} error={error ? t(error) : undefined}>
                  <select
                    id={`field-reviewer-${application.id}`}
                    name="reviewer"
                    aria-describedby={describedBy(`reviewer-${application.id}`, undefined, error)}
                  >
                    {loaderData.reviewers
                      .filter((reviewer) => application.offered.includes(reviewer.id))
                      .map((reviewer) => (
                        <option key={reviewer.id} value={reviewer.id}>
                          {reviewer.name}
                        </option>
                      ))}
                  </select>
                </Field>
                <button type="submit" name="intent" value="assign" className="secondary-button">
                  {t("staffApplications.assign")}
                </button>
              </AppForm>
            ) : null}
          </article>
        );
      })}
      <Pager page={loaderData.page} label={t("pager.pagesOf", { list: t("staffApplications.title") })} />
      {loaderData.reviewers.length > 0 ? (
        <>
          <h2>{t("staffApplications.loadHeading")}</h2>
          <ul>
            {loaderData.reviewers.map((reviewer) => (
              <li key={reviewer.id}>
                <Link to={`/a/${loaderData.slug}/reviewers/${reviewer.id}`}>
                  {reviewer.maxOpen === null
                    ? t("staffApplications.loadNoProfile", { name: reviewer.name, open: reviewer.openLoad })
                    : t("staffApplications.load", { name: reviewer.name, open: reviewer.openLoad, max: reviewer.maxOpen })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
