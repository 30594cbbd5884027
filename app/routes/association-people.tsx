import type { Route } from "./+types/association-people";
import { grantRole } from "../../src/commands/grant-role.ts";
import { revokeRole } from "../../src/commands/revoke-role.ts";
import { associationRoles, listPeopleOfAssociation } from "../../src/data/association-roles.ts";
import { findAssociationBySlug } from "../../src/data/associations.ts";
import { grantRoleForm, revokeRoleForm } from "../../src/forms/association-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { associationPolicy } from "../../src/policies/association.ts";
import { AppForm, ErrorSummary, SelectField, TextField } from "../components/form.tsx";
import { authorize, currentUser, invalid, invalidForm, notFound, run, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";
import { PageTitle } from "../components/page-title.tsx";

type Context = Route.LoaderArgs["context"];

async function loadAssociation(context: Context, slug: string) {
  return (await findAssociationBySlug(services(context).db, slug)) ?? notFound();
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const association = await loadAssociation(context, params.slug);
  authorize(context, (actor) => associationPolicy.viewPeople(actor, association));
  const people = await listPeopleOfAssociation(services(context).db, association.id);
  return {
    association: { name: association.name },
    people,
    canManageRoles: associationPolicy.manageRoles(currentUser(context), association),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const association = await loadAssociation(context, params.slug);
  authorize(context, (user) => associationPolicy.manageRoles(user, association));
  const formData = await request.formData();
  if (formData.get("intent") === "revoke") {
    const parsed = parseForm(revokeRoleForm, formData);
    if (!parsed.ok) return invalidForm(parsed);
    await run(context, revokeRole, { associationId: association.id, ...parsed.data });
    return { ok: true as const, message: "revoked" as const };
  }
  const parsed = parseForm(grantRoleForm, formData);
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, grantRole, { associationId: association.id, ...parsed.data });
  if (!result.ok) return invalid(result.errors, parsed.values);
  return { ok: true as const, message: "granted" as const, email: parsed.data.email, role: parsed.data.role };
}

export default function AssociationPeople({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const state = actionData && !actionData.ok ? actionData : undefined;
  const roleOptions = associationRoles.map((role) => ({ value: role, label: t(`role.${role}`) }));
  return (
    <section>
      <PageTitle title={`${loaderData.association.name}: ${t("association.people")}`} />
      <h1>
        {loaderData.association.name}: {t("association.people")}
      </h1>
      {actionData?.ok ? (
        <p role="status">
          {actionData.message === "granted"
            ? t("association.roleGranted", { email: actionData.email ?? "", role: t(`role.${actionData.role ?? "member"}`) })
            : t("association.roleRevoked")}
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t("field.name")}</th>
            <th scope="col">{t("field.email")}</th>
            <th scope="col">{t("association.role")}</th>
            {loaderData.canManageRoles ? <td /> : null}
          </tr>
        </thead>
        <tbody>
          {loaderData.people.map((person) => (
            <tr key={`${person.userId}-${person.role}`}>
              <td>{person.name}</td>
              <td>{person.email}</td>
              <td>{t(`role.${person.role}`)}</td>
              {loaderData.canManageRoles ? (
                <td>
                  <AppForm className="inline-form">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="userId" value={person.userId} />
                    <input type="hidden" name="role" value={person.role} />
                    <button type="submit" className="link-button" aria-label={`${t("association.revoke")}: ${person.name}, ${t(`role.${person.role}`)}`}>
                      {t("association.revoke")}
                    </button>
                  </AppForm>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {loaderData.canManageRoles ? (
        <>
          <h2>{t("association.grantRole")}</h2>
          <ErrorSummary state={state} fieldLabels={{ email: t("field.email"), role: t("association.role") }} />
          <AppForm>
            <input type="hidden" name="intent" value="grant" />
            <TextField name="email" label={t("field.email")} state={state} type="email" required />
            <SelectField name="role" label={t("association.role")} state={state} options={roleOptions} defaultValue="member" />
            <button type="submit">{t("association.grant")}</button>
          </AppForm>
        </>
      ) : null}
    </section>
  );
}
