import { Link, redirect } from "react-router";
import type { Route } from "./+types/association-application";
import { decideApplication } from "../../src/commands/decide-application.ts";
import { recuseReviewer } from "../../src/commands/recuse-reviewer.ts";
import { fileChanges } from "../../src/domain/file-changes.ts";
import type { Portfolio } from "../../src/domain/portfolio-schema.ts";
import type { StoredEligibilityReport } from "../../src/domain/report.ts";
import { decisionForm } from "../../src/forms/decision-forms.ts";
import { recuseForm } from "../../src/forms/conflict-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { reviewsApplication } from "../../src/queries/reviewer-conflicts.ts";
import { DecisionForm } from "../components/decision-form.tsx";
import { RecuseForm } from "../components/recuse-form.tsx";
import { entriesOf, sections } from "../../src/forms/portfolio-sections.ts";
import { applicationFile } from "../../src/queries/staff.ts";
import { ApplicationHistory } from "../components/application-history.tsx";
import { LetterList } from "../components/letter-list.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { StatusBadge } from "../components/status-badge.tsx";
import { describeEntry } from "../lib/describe-entry.server.ts";
import { invalid, invalidForm, notFound, read, requestState, requireUser, run } from "../lib/route-context.server.ts";
import { type Translate, translator } from "../../src/i18n/translate.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/**
 * A submitted application's file as it was frozen at submission, for the association's staff and the
 * reviewers assigned to it. Anyone else gets 404: not even a hint that the application exists.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  const asked = new URL(request.url).searchParams.get("version");
  // An earlier version is read with ?version=N; anything but a version the file has is not found.
  if (asked !== null && !/^[1-9]\d{0,5}$/.test(asked)) notFound();
  const { portfolio, report, samePersonFlags, previous, ...file } = await read(
    context,
    applicationFile,
    params.slug,
    params.id,
    asked === null ? undefined : Number(asked),
  );
  const t = translator(requestState(context).locale);
  const canRecuse = await read(context, reviewsApplication, params.id);
  return {
    ...file,
    slug: params.slug,
    id: params.id,
    changes: previous ? describeChanges(previous, { portfolio, report }, t) : null,
    decided: new URL(request.url).searchParams.get("decided") === "1",
    // An earlier version is read only: no recusing from it (nor deciding: applicationFile offers no decision there).
    canRecuse: file.version === file.newestVersion && canRecuse,
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

/** What is done on this page: staff decide the outcome; an assigned reviewer recuses, and the file closes to them. */
export async function action({ request, params, context }: Route.ActionArgs) {
  requireUser(context);
  const file = await read(context, applicationFile, params.slug, params.id);
  const form = await request.formData();
  if (form.get("intent") === "decide") {
    const decision = { intent: "decide" as const };
    const parsed = parseForm(decisionForm, form);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values, decision);
    const result = await run(context, decideApplication, { associationId: file.associationId, applicationId: file.applicationId, ...parsed.data });
    if (!result.ok) return invalid(result.errors, parsed.values, decision, result.forbidden ? 403 : 400);
    throw redirect(`/a/${params.slug}/applications/${params.id}?decided=1`);
  }
  const parsed = parseForm(recuseForm, form);
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, recuseReviewer, { applicationId: params.id, ...parsed.data });
  if (!result.ok) return invalid(result.errors, parsed.values);
  throw redirect(`/a/${params.slug}/conflicts?recused=1`);
}

/** The changes since the previous version, in words: each entry by its section and summary, each verdict that changed. */
function describeChanges(
  previous: { portfolio: Portfolio; report: StoredEligibilityReport },
  current: { portfolio: Portfolio; report: StoredEligibilityReport },
  t: Translate,
) {
  const compared = (version: typeof current) => ({
    lists: Object.fromEntries(sections.map((section) => [section.id, version.portfolio[section.list] as ReadonlyArray<{ id: string }>])),
    verdicts: version.report.requirements,
  });
  const { entries, verdicts } = fileChanges(compared(previous), compared(current));
  const entryIn = (version: typeof current, sectionId: string, id: string) => {
    const section = sections.find((each) => each.id === sectionId)!;
    const entry = entriesOf(section, version.portfolio).find((each) => each.id === id);
    return { section: t(section.title), entry: entry ? describeEntry(section.id, entry.fields, t) : id };
  };
  return {
    entries: entries.map((change) => ({
      key: `${change.change}-${change.list}-${change.id}`,
      change: change.change,
      ...entryIn(change.change === "removed" ? previous : current, change.list, change.id),
    })),
    verdicts: verdicts.map((change) => ({
      id: change.id,
      label: (current.report.requirements.find((each) => each.id === change.id) ?? previous.report.requirements.find((each) => each.id === change.id))!.label,
      from: change.from,
      to: change.to,
    })),
  };
}

export default function AssociationApplication({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const shown = useReportText();
  const title = `${t("review.title")}: ${loaderData.applicant}, ${loaderData.category[locale]}`;
  const deciding = actionData && "intent" in actionData ? actionData : undefined;
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
      <FileVersion file={loaderData} />
      {loaderData.examExpired && loaderData.examApprovedUntil ? (
        <p className="notice">{t("decision.examExpired", { date: loaderData.examApprovedUntil })}</p>
      ) : loaderData.examApprovedUntil ? (
        <p>{t("decision.examApprovedUntil", { date: loaderData.examApprovedUntil })}</p>
      ) : null}
      {loaderData.emergingUntil ? <p>{t("decision.emergingUntil", { date: loaderData.emergingUntil })}</p> : null}
      {loaderData.decided ? (
        <p role="status" className="notice">
          {t("decision.done")}
        </p>
      ) : null}
      {loaderData.changes ? (
        <section aria-labelledby="changes-title">
          <h2 id="changes-title">{t("file.changes", { version: loaderData.version - 1 })}</h2>
          {loaderData.changes.entries.length === 0 && loaderData.changes.verdicts.length === 0 ? <p className="muted">{t("file.noChanges")}</p> : null}
          <ul className="changes">
            {loaderData.changes.entries.map((change) => (
              <li key={change.key}>{t("file.change.line", { change: t(`file.change.${change.change}`), section: change.section, entry: change.entry })}</li>
            ))}
            {loaderData.changes.verdicts.map((change) => (
              <li key={change.id}>
                {t("file.change.verdict", {
                  requirement: shown(change.label),
                  from: change.from ? t(`progress.status.${change.from}`) : "—",
                  to: change.to ? t(`progress.status.${change.to}`) : "—",
                })}
              </li>
            ))}
          </ul>
        </section>
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
      {loaderData.letters.length > 0 ? (
        <section aria-labelledby="letters-title">
          <h2 id="letters-title">{t("letters.title")}</h2>
          <LetterList letters={loaderData.letters} />
        </section>
      ) : null}
      {loaderData.decision ? <DecisionForm decision={loaderData.decision} state={deciding} /> : null}
      <ApplicationHistory history={loaderData.history} versionHref={(version) => `?version=${version}`} />
      {loaderData.canExportTrail ? (
        <p>
          <a href={`/a/${loaderData.slug}/applications/${loaderData.id}/audit.csv`} download>
            {t("history.exportTrail")}
          </a>
        </p>
      ) : null}
      {loaderData.canRecuse ? <RecuseForm state={deciding ? undefined : actionData} /> : null}
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

/** Which version of the file this is once there are several (an earlier one is read-only); the history links to each. */
function FileVersion({ file }: { file: { version: number; newestVersion: number } }) {
  const t = useTranslate();
  if (file.newestVersion === 1) return null;
  return file.version < file.newestVersion ? (
    <p className="notice">{t("file.earlierVersion", { version: file.version, newest: file.newestVersion })}</p>
  ) : (
    <p>{t("file.version", { version: file.version })}</p>
  );
}
