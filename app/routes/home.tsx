import { Link } from "react-router";
import type { Route } from "./+types/home";
import { homePage } from "../../src/queries/home.ts";
import { currentUser, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";
import { PageTitle } from "../components/page-title.tsx";
import { noScript } from "../lib/page-handle.ts";

/** Works as plain HTML: sent with no script (decision 022). */
export const handle = noScript;

export async function loader({ context }: Route.LoaderArgs) {
  return homePage(services(context).db, currentUser(context));
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  return (
    <>
      <PageTitle />
      <h1>{t("home.title")}</h1>
      {loaderData.userName ? <p className="welcome">{t("home.welcome", { name: loaderData.userName })}</p> : null}
      <p className="lead">{t("home.intro")}</p>
      {/* What to do next, for who is here: one clear first step each. */}
      {loaderData.visitor === "anonymous" ? (
        <p className="actions">
          <Link to="/signup" className="button">
            {t("home.start.signUp")}
          </Link>{" "}
          <Link to="/login">{t("home.start.logIn")}</Link>
        </p>
      ) : (
        <p className="actions">
          <Link to="/portfolio" className="button">
            {t("home.start.portfolio")}
          </Link>{" "}
          <Link to="/progress">{t("home.start.progress")}</Link>
          {loaderData.visitor === "owner" ? (
            <>
              {" "}
              <Link to="/owner/associations">{t("home.start.associations")}</Link>
            </>
          ) : null}
        </p>
      )}
      <ul className="audiences">
        <li>{t("home.forWho.practitioners")}</li>
        <li>{t("home.forWho.associations")}</li>
        <li>
          <Link to="/verify">{t("home.forWho.public")}</Link>
        </li>
      </ul>
      <h2>{t("home.associations")}</h2>
      {loaderData.associations.length === 0 ? (
        <p>{t(loaderData.visitor === "owner" ? "home.noAssociations.owner" : "home.noAssociations")}</p>
      ) : (
        <ul>
          {loaderData.associations.map((association) => (
            <li key={association.slug}>
              <Link to={`/a/${association.slug}`}>{association.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
