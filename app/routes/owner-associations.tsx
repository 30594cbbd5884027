import { Link } from "react-router";
import type { Route } from "./+types/owner-associations";
import { createAssociation } from "../../src/commands/create-association.ts";
import { associationForm } from "../../src/forms/association-forms.ts";
import { pageQuery, parseListQuery } from "../../src/forms/list-filters.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { associationPolicy } from "../../src/policies/association.ts";
import { AssociationFields, useAssociationLabels } from "../components/association-fields.tsx";
import { AppForm, ErrorSummary } from "../components/form.tsx";
import { allAssociations } from "../../src/queries/associations.ts";
import { authorize, frameworkChoices, invalid, invalidForm, read, run } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";
import { PageTitle } from "../components/page-title.tsx";
import { MisreadNotice, Pager } from "../components/pager.tsx";

export async function loader({ request, context }: Route.LoaderArgs) {
  authorize(context, associationPolicy.listAll);
  const { associations, page } = await read(context, allAssociations, parseListQuery(pageQuery, request.url));
  return {
    associations,
    page,
    frameworkChoices: frameworkChoices(context),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  authorize(context, associationPolicy.create);
  const parsed = parseForm(associationForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, createAssociation, parsed.data);
  if (!result.ok) return invalid(result.errors, parsed.values);
  return { ok: true as const, name: parsed.data.name };
}

export default function OwnerAssociations({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const labels = useAssociationLabels();
  const state = actionData && !actionData.ok ? actionData : undefined;
  return (
    <section>
      <PageTitle title={t("associations.title")} />
      <h1>{t("associations.title")}</h1>
      {actionData?.ok ? <p role="status">{t("associations.created", { name: actionData.name })}</p> : null}
      <MisreadNotice page={loaderData.page} />
      {loaderData.associations.length === 0 ? (
        <p>{t("associations.none")}</p>
      ) : (
        <ul className="cards">
          {loaderData.associations.map((association) => (
            <li key={association.slug}>
              <Link to={`/a/${association.slug}`}>{association.name}</Link> ({association.contactEmail}) ·{" "}
              <Link to={`/owner/associations/${association.slug}`} aria-label={`${t("associations.edit")}: ${association.name}`}>
                {t("associations.edit")}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pager page={loaderData.page} label={t("pager.pagesOf", { list: t("associations.title") })} />
      <h2>{t("associations.create")}</h2>
      <ErrorSummary state={state} fieldLabels={labels} />
      {/* A new key after each success empties the form for the next association. */}
      <AppForm key={actionData?.ok ? actionData.name : "new"}>
        <AssociationFields state={state} frameworkChoices={loaderData.frameworkChoices} />
        <button type="submit">{t("associations.create")}</button>
      </AppForm>
    </section>
  );
}
