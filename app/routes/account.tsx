import { Link } from "react-router";
import type { Route } from "./+types/account";
import { accountPage } from "../../src/queries/account.ts";
import { accountPolicy } from "../../src/policies/account.ts";
import { authorize, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";
import { PageTitle } from "../components/page-title.tsx";

export async function loader({ context }: Route.LoaderArgs) {
  const user = authorize(context, accountPolicy.viewOwnAccount);
  return accountPage(services(context).db, user);
}

export default function Account({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  return (
    <section>
      <PageTitle title={t("account.title")} />
      <h1>{t("account.title")}</h1>
      <dl className="facts">
        <dt>{t("field.name")}</dt>
        <dd>{loaderData.name}</dd>
        <dt>{t("field.email")}</dt>
        <dd>{loaderData.email}</dd>
      </dl>
      {loaderData.isOwner ? <p>{t("account.owner")}</p> : null}
      <h2>{t("account.roles")}</h2>
      {loaderData.roles.length === 0 ? (
        <p>{t("account.noRoles")}</p>
      ) : (
        <ul>
          {loaderData.roles.map((role) => (
            <li key={`${role.slug}-${role.role}`}>
              <Link to={`/a/${role.slug}`}>{role.name}</Link>: {t(`role.${role.role}`)}
              {role.role === "reviewer" ? (
                <>
                  {" · "}
                  <Link to={`/a/${role.slug}/conflicts`}>{t("conflicts.title")}</Link>
                  {" · "}
                  <Link to="/exam-ratings">{t("examRatings.title")}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
