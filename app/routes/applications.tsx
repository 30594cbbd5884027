import { Link, redirect } from "react-router";
import type { Route } from "./+types/applications";
import { enrolCandidate } from "../../src/commands/enrol-candidate.ts";
import { startApplication } from "../../src/commands/start-application.ts";
import { applicationsAction } from "../../src/forms/application-forms.ts";
import { pageQuery, parseListQuery } from "../../src/forms/list-filters.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { ownApplications } from "../../src/queries/applications.ts";
import { applicationPolicy } from "../../src/policies/application.ts";
import { AppForm } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { MisreadNotice, Pager } from "../components/pager.tsx";
import { categoryChoices } from "../lib/category-choices.server.ts";
import { personFrameworks } from "../lib/person-frameworks.server.ts";
import { authorize, invalidForm, notFound, read, run } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = authorize(context, applicationPolicy.applyAsMember);
  const list = parseListQuery(pageQuery, request.url);
  const [{ applications, page, candidacies }, choices] = await Promise.all([
    read(context, (reader) => ownApplications(reader, user, list)),
    categoryChoices(context, user.userId),
  ]);
  return { applications, page, candidacies, choices };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = authorize(context, applicationPolicy.applyAsMember);
  const parsed = parseForm(applicationsAction, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const input = parsed.data.choice;
  const { associations } = await personFrameworks(context, user.userId);
  const framework = associations
    .find((association) => association.id === input.associationId)
    ?.frameworks.find((candidate) => candidate.id === input.frameworkId);
  if (!framework?.categories.some((candidate) => candidate.id === input.categoryId)) notFound();
  if (parsed.data.intent === "candidate") {
    const result = await run(context, enrolCandidate, input);
    if (!result.ok) return { error: result.errors.form ?? null };
    return { enrolled: true as const };
  }
  const result = await run(context, startApplication, input);
  if (!result.ok) notFound();
  throw redirect(`/applications/${result.value.applicationId}`);
}

export default function Applications({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <section>
      <PageTitle title={t("applications.title")} />
      <h1>{t("applications.title")}</h1>
      <MisreadNotice page={loaderData.page} />
      {loaderData.applications.length === 0 ? <p className="muted">{t("applications.none")}</p> : null}
      <ul className="entries">
        {loaderData.applications.map((application) => (
          <li key={application.id}>
            <Link to={`/applications/${application.id}`}>{`${application.category[locale]} · ${application.association}`}</Link>
            <span className="status">{t(`application.status.${application.status}`)}</span>
          </li>
        ))}
      </ul>
      <Pager page={loaderData.page} label={t("pager.pagesOf", { list: t("applications.title") })} />
      <h2>{t("applications.start")}</h2>
      {loaderData.choices.length === 0 ? (
        <p>{t("applications.noCategories")}</p>
      ) : (
        <AppForm>
          <input type="hidden" name="intent" value="apply" />
          <div className="field">
            <label htmlFor="field-choice">{t("applications.categoryToApply")}</label>
            <select id="field-choice" name="choice">
              {loaderData.choices.map((choice) => (
                <option key={choice.value} value={choice.value}>{`${choice.abbreviation}: ${choice.name[locale]} (${choice.association})`}</option>
              ))}
            </select>
          </div>
          <button type="submit">{t("applications.startButton")}</button>
        </AppForm>
      )}
      <p>
        <Link to="/advisory">{t("advisory.request")}</Link>
      </p>
      <CandidateStatus candidacies={loaderData.candidacies} choices={loaderData.choices.filter((choice) => choice.offersCandidacy)} notice={actionData} />
    </section>
  );
}

function CandidateStatus({
  candidacies,
  choices,
  notice,
}: {
  candidacies: Route.ComponentProps["loaderData"]["candidacies"];
  choices: Route.ComponentProps["loaderData"]["choices"];
  notice: Route.ComponentProps["actionData"];
}) {
  const t = useTranslate();
  const locale = useLocale();
  if (choices.length === 0 && candidacies.length === 0) return null;
  return (
    <>
      <h2>{t("candidacy.title")}</h2>
      <p>{t("candidacy.intro")}</p>
      {notice && "enrolled" in notice ? (
        <p role="status" className="notice">
          {t("candidacy.enrolled")}
        </p>
      ) : null}
      {notice && "error" in notice && notice.error ? (
        <p role="alert" className="error-summary">
          {t(notice.error)}
        </p>
      ) : null}
      <ul className="entries">
        {candidacies.map((candidacy) => (
          <li key={candidacy.id}>
            <Link to={`/candidates/${candidacy.id}`}>{t("candidacy.until", { category: candidacy.category[locale], date: candidacy.until })}</Link>
            <span>{candidacy.hasAdvisor ? "" : t("candidacy.noAdvisor")}</span>
          </li>
        ))}
      </ul>
      {choices.length > 0 ? (
        <AppForm>
          <input type="hidden" name="intent" value="candidate" />
          <div className="field">
            <label htmlFor="field-candidate-choice">{t("candidacy.category")}</label>
            <select id="field-candidate-choice" name="choice">
              {choices.map((choice) => (
                <option key={choice.value} value={choice.value}>{`${choice.abbreviation}: ${choice.name[locale]} (${choice.association})`}</option>
              ))}
            </select>
          </div>
          <button type="submit">{t("candidacy.enrol")}</button>
        </AppForm>
      ) : null}
    </>
  );
}
