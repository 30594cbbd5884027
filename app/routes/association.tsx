import { Link, redirect } from "react-router";
import type { Route } from "./+types/association";
import { joinAssociation } from "../../src/commands/join-association.ts";
import { publicAssociation } from "../../src/queries/associations.ts";
import { read, requireUser, run } from "../lib/route-context.server.ts";
import { AppForm } from "../components/form.tsx";
import { useTranslate } from "../lib/use-translate.ts";
import { PageTitle } from "../components/page-title.tsx";
import { noScript } from "../lib/page-handle.ts";

/** Works as plain HTML: sent with no script (decision 022). */
export const handle = noScript;

/** The association's public page: only the fields an association publishes leave the server. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { signedIn, isMember, association, canViewPeople } = await read(context, publicAssociation, params.slug);
  return { signedIn, isMember, association, canViewPeople };
}

/** Joining as a member is open to anyone signed in; membership dues are the association's own business. */
export async function action({ params, context }: Route.ActionArgs) {
  requireUser(context);
  const { id } = await read(context, publicAssociation, params.slug);
  await run(context, joinAssociation, { associationId: id });
  return redirect("/progress");
}

export default function AssociationPage({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const { association } = loaderData;
  return (
    <section>
      <PageTitle title={association.name} />
      <h1>{association.name}</h1>
      <h2>{t("association.contact")}</h2>
      <ul>
        <li>
          <a href={`mailto:${association.contactEmail}`}>{association.contactEmail}</a>
        </li>
        {association.contactPhone ? <li>{association.contactPhone}</li> : null}
        {association.website ? (
          <li>
            <a href={association.website} rel="noopener noreferrer">
              {association.website}
            </a>
          </li>
        ) : null}
      </ul>
      <p>
        <Link to={`/a/${association.slug}/registry`}>{t("registry.link")}</Link> · <Link to="/verify">{t("verification.lookupTitle")}</Link>
      </p>
      {loaderData.isMember ? (
        <p className="notice">{t("association.youAreMember")}</p>
      ) : loaderData.signedIn ? (
        <AppForm>
          <p>{t("association.joinIntro")}</p>
          <button type="submit">{t("association.join")}</button>
        </AppForm>
      ) : (
        <p>
          <Link to={`/signup`}>{t("association.signUpToJoin")}</Link>
        </p>
      )}
      {loaderData.canViewPeople ? (
        <p>
          <Link to={`/a/${association.slug}/people`}>{t("association.manage")}</Link> ·{" "}
          <Link to={`/a/${association.slug}/candidates`}>{t("candidates.title")}</Link> ·{" "}
          <Link to={`/a/${association.slug}/applications`}>{t("staffApplications.title")}</Link> ·{" "}
          <Link to={`/a/${association.slug}/advisory`}>{t("advisory.staffTitle")}</Link> · <Link to={`/a/${association.slug}/exams`}>{t("exams.title")}</Link> ·{" "}
          <Link to={`/a/${association.slug}/letters`}>{t("letterTexts.title")}</Link> ·{" "}
          <Link to={`/a/${association.slug}/renewal-cycle`}>{t("renewalCycle.title")}</Link> ·{" "}
          <Link to={`/a/${association.slug}/credentials`}>{t("staffCredentials.title")}</Link>
          <Link to={`/a/${association.slug}/certificate-settings`}>{t("certificateSettings.title")}</Link>
          <Link to={`/a/${association.slug}/audits`}>{t("hourAudits.title")}</Link>
        </p>
      ) : null}
    </section>
  );
}
