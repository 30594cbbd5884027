import { redirect } from "react-router";
import type { Route } from "./+types/owner-association-edit";
import { editAssociation } from "../../src/commands/edit-association.ts";
import { associationForm } from "../../src/forms/association-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { associationPolicy } from "../../src/policies/association.ts";
import { AssociationFields, useAssociationLabels } from "../components/association-fields.tsx";
import { AppForm, ErrorSummary } from "../components/form.tsx";
import { associationSettings } from "../../src/queries/associations.ts";
import { authorize, frameworkChoices, invalid, invalidForm, read, run } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";
import { PageTitle } from "../components/page-title.tsx";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  authorize(context, associationPolicy.update);
  const { fields } = await read(context, associationSettings, params.slug);
  return {
    isSaved: new URL(request.url).searchParams.has("saved"),
    association: fields,
    frameworkChoices: frameworkChoices(context),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  authorize(context, associationPolicy.update);
  const association = await read(context, associationSettings, params.slug);
  const parsed = parseForm(associationForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, editAssociation, { associationId: association.id, ...parsed.data });
  if (!result.ok) return invalid(result.errors, parsed.values);
  throw redirect(`/owner/associations/${result.value.slug}?saved=1`);
}

export default function EditAssociation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const labels = useAssociationLabels();
  return (
    <section>
      <PageTitle title={loaderData.association.name} />
      <h1>{loaderData.association.name}</h1>
      {loaderData.isSaved && !actionData ? <p role="status">{t("associations.updated")}</p> : null}
      <ErrorSummary state={actionData} fieldLabels={labels} />
      <AppForm>
        <AssociationFields state={actionData} defaults={loaderData.association} frameworkChoices={loaderData.frameworkChoices} />
        <button type="submit">{t("form.save")}</button>
      </AppForm>
    </section>
  );
}
