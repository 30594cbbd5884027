import { Link, redirect } from "react-router";
import type { Route } from "./+types/association-application";
import { recuseReviewer } from "../../src/commands/recuse-reviewer.ts";
import { recuseForm } from "../../src/forms/conflict-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { reviewsApplication } from "../../src/queries/reviewer-conflicts.ts";
import { RecuseForm } from "../components/recuse-form.tsx";
import { entriesOf, sections } from "../../src/forms/portfolio-sections.ts";
import { applicationFile } from "../../src/queries/staff.ts";
import { ApplicationHistory } from "../components/application-history.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { StatusBadge } from "../components/status-badge.tsx";
import { describeEntry } from "../lib/describe-entry.server.ts";
import { invalid, invalidForm, read, requestState, requireUser, run } from "../lib/route-context.server.ts";
import { translator } from "../../src/i18n/translate.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/**
 * A submitted application's file as it was frozen at submission, for the association's staff and the
 * reviewers assigned to it. Anyone else gets 404: not even a hint that the application exists.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  requireUser(context);
  const { portfolio, report, samePersonFlags, ...file } = await read(context, applicationFile, params.slug, params.id);
  const t = translator(requestState(context).locale);
  const canRecuse = await read(context, reviewsApplication, params.id);
  return {
    ...file,
    slug: params.slug,
    id: params.id,
    canRecuse,
    // Staff compare the submitted reviews; an assigned reviewer opens their own.
    reviewLink: canRecuse ? "review" : file.email !== null ? "reviews" : null,
    requirements: report.requirements.map((requirement) => ({
      id: requirement.id,
      label: requirement.label,
      status: requirement.status,
      missing: requirement.missing,
    })),
    sections: sections
      .map((section) => ({
        id: section.id,
        title: section.title,
        entries: entriesOf(section, portfolio).map((entry) => ({
          ...entry,
          summary: describeEntry(section.id, entry.fields, t),
          samePerson: samePersonFlags[entry.id] ?? [],
        })),
      }))
      .filter((section) => section.entries.length > 0),
    references: portfolio.references.map((reference) => ({
      id: reference.id,
      role: reference.role,
      name: reference.raterName ?? "",
      completed: reference.completed ?? null,
      notEnoughInformation: reference.notEnoughInformation,
      samePerson: samePersonFlags[reference.id] ?? [],
    })),
    documents: portfolio.documents.map((document) => ({
      id: document.id,
      type: document.type,
      words: document.words ?? null,
      text: document.text ?? null,
      about: document.about ?? null,
    })),
  };
}

/** The one thing done on this page: an assigned reviewer recuses, and the file closes to them. */
export async function action({ request, params, context }: Route.ActionArgs) {
  requireUser(context);
  await read(context, applicationFile, params.slug, params.id);
  const parsed = parseForm(recuseForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, recuseReviewer, { applicationId: params.id, ...parsed.data });
  if (!result.ok) return invalid(result.errors, parsed.values);
  throw redirect(`/a/${params.slug}/conflicts?recused=1`);
}

export default function AssociationApplication({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const shown = useReportText();
  const title = `${t("review.title")}: ${loaderData.applicant}, ${loaderData.category[locale]}`;
  const describe = (entryId: string | null) => loaderData.sections.flatMap((section) => section.entries).find((entry) => entry.id === entryId)?.summary ?? null;
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p>
        <span className="status">{t(`application.status.${loaderData.status}`)}</span> · {t("review.submittedOn", { date: loaderData.submitted })}
        {loaderData.email ? ` · ${loaderData.email}` : ""}
      </p>
      <p className="muted fingerprint">{t("review.fingerprint", { sha: loaderData.sha256 })}</p>
      {loaderData.reviewLink ? (
        <p>
          <Link to={`/a/${params.slug}/applications/${params.id}/${loaderData.reviewLink}`}>
            {t(loaderData.reviewLink === "review" ? "checklist.open" : "reviewsCompared.link")}
          </Link>
        </p>
      ) : null}
      <h2>{t("review.engine")}</h2>
      <ul className="requirements">
        {loaderData.requirements.map((requirement) => (
          <li key={requirement.id}>
            <StatusBadge status={requirement.status} /> {shown(requirement.label)}
            {requirement.missing ? <p className="muted">{shown(requirement.missing)}</p> : null}
          </li>
        ))}
      </ul>
      <h2>{t("review.portfolio")}</h2>
      {loaderData.sections.map((section) => (
        <section key={section.id} aria-labelledby={`file-${section.id}`}>
          <h3 id={`file-${section.id}`}>{t(section.title)}</h3>
          <ul className="entries">
            {section.entries.map((entry) => (
              <li key={entry.id}>
                {entry.summary}
                {entry.verified ? <span className="status status-met">{` ${t("confirm.verified")}`}</span> : null}
                <SamePersonFlags reasons={entry.samePerson} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>{t("review.references")}</h2>
      {loaderData.references.length === 0 ? <p className="muted">{t("review.nothing")}</p> : null}
      <ul className="entries">
        {loaderData.references.map((reference) => {
          const role = `${reference.name ? `${reference.name}, ` : ""}${t(`role.${reference.role}`)}`;
          return (
            <li key={reference.id}>
              {reference.completed
                ? t("review.referenceLine", { role, date: reference.completed, count: String(reference.notEnoughInformation) })
                : t("review.referencePending", { role })}
              <SamePersonFlags reasons={reference.samePerson} />
            </li>
          );
        })}
      </ul>
      <h2>{t("review.documents")}</h2>
      {loaderData.documents.length === 0 ? <p className="muted">{t("review.nothing")}</p> : null}
      <ul className="entries">
        {loaderData.documents.map((document) => {
          const about = describe(document.about);
          return document.text !== null ? (
            <li key={document.id}>
              <details>
                <summary>{t("review.statement", { words: String(document.words ?? 0) })}</summary>
                <p className="statement">{document.text}</p>
              </details>
            </li>
          ) : (
            <li key={document.id}>
              <a href={`/documents/${document.id}`}>{t(`documentType.${document.type as "other"}`)}</a>
              {about ? ` · ${t("documents.for", { entry: about })}` : ""}
            </li>
          );
        })}
      </ul>
      <ApplicationHistory history={loaderData.history} versionHref={(version) => `?version=${version}`} />
      {loaderData.canExportTrail ? (
        <p>
          <a href={`/a/${loaderData.slug}/applications/${loaderData.id}/audit.csv`} download>
            {t("history.exportTrail")}
          </a>
        </p>
      ) : null}
      {loaderData.canRecuse ? <RecuseForm state={actionData} /> : null}
    </section>
  );
}

/** What Cradle noticed when the rater or provider was asked: their address is another account of the applicant's. */
function SamePersonFlags({ reasons }: { reasons: ReadonlyArray<"same-name" | "same-sign-up-address"> }) {
  const t = useTranslate();
  if (reasons.length === 0) return null;
  return (
    <ul className="flags">
      {reasons.map((reason) => (
        <li key={reason} className="status status-needs-review">
          {t(reason === "same-name" ? "mailSafety.flag.sameName" : "mailSafety.flag.sameSignUpAddress")}
        </li>
      ))}
    </ul>
  );
}
