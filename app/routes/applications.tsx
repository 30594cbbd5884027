import { Link, redirect } from "react-router";
import type { Route } from "./+types/applications";
import { startApplication } from "../../src/commands/apply.ts";
import { listApplicationsOfUser } from "../../src/data/applications.ts";
import { applicationPolicy } from "../../src/policies/application.ts";
import { AppForm } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { personFrameworks } from "../lib/person-frameworks.server.ts";
import { authorize, commands, notFound, services } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

export async function loader({ context }: Route.LoaderArgs) {
  const user = authorize(context, applicationPolicy.applyAsMember);
  const [applications, { associations }] = await Promise.all([listApplicationsOfUser(services(context).db, user.userId), personFrameworks(context, user.userId)]);
  const names = new Map(services(context).frameworks.flatMap((framework) => framework.categories.map((category) => [`${framework.id}/${category.id}`, category.name])));
  return {
    applications: applications.map((application) => ({
      id: application.id,
      association: application.associationName,
      category: names.get(`${application.framework_id}/${application.category_id}`) ?? { en: application.category_id, es: application.category_id },
      status: application.status,
    })),
    choices: associations.flatMap((association) =>
      association.frameworks.flatMap((framework) =>
        framework.categories.map((category) => ({
          value: `${association.id}|${framework.id}|${category.id}`,
          association: association.name,
          name: category.name,
          abbreviation: category.abbreviation,
        })),
      ),
    ),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = authorize(context, applicationPolicy.applyAsMember);
  const [associationId = "", frameworkId, categoryId] = String((await request.formData()).get("choice") ?? "").split("|");
  const { associations } = await personFrameworks(context, user.userId);
  const framework = associations.find((association) => association.id === associationId)?.frameworks.find((candidate) => candidate.id === frameworkId);
  const category = framework?.categories.find((candidate) => candidate.id === categoryId);
  if (!framework || !category) notFound();
  const { applicationId } = await startApplication(commands(context), user, { associationId, framework, category });
  throw redirect(`/applications/${applicationId}`);
}

export default function Applications({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <section>
      <PageTitle title={t("applications.title")} />
      <h1>{t("applications.title")}</h1>
      {loaderData.applications.length === 0 ? <p className="muted">{t("applications.none")}</p> : null}
      <ul className="entries">
        {loaderData.applications.map((application) => (
          <li key={application.id}>
            <Link to={`/applications/${application.id}`}>{`${application.category[locale]} · ${application.association}`}</Link>
            <span className="status">{t(`application.status.${application.status}`)}</span>
          </li>
        ))}
      </ul>
      <h2>{t("applications.start")}</h2>
      {loaderData.choices.length === 0 ? (
        <p>{t("applications.noCategories")}</p>
      ) : (
        <AppForm>
          <div className="field">
            <label htmlFor="field-choice">{t("applications.category")}</label>
            <select id="field-choice" name="choice">
              {loaderData.choices.map((choice) => (
                <option key={choice.value} value={choice.value}>{`${choice.abbreviation}: ${choice.name[locale]} (${choice.association})`}</option>
              ))}
            </select>
          </div>
          <button type="submit">{t("applications.startButton")}</button>
        </AppForm>
      )}
    </section>
  );
}
