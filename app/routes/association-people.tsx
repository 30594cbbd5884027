import type { Route } from "./+types/association-people";
import { grantRole } from "../../src/commands/grant-role.ts";
import { revokeRole } from "../../src/commands/revoke-role.ts";
import { peopleAction } from "../../src/forms/association-forms.ts";
import { pageQuery, parseListQuery } from "../../src/forms/list-filters.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { associationRoles } from "../../src/policies/actor.ts";
import { associationPeople, peopleManagement } from "../../src/queries/associations.ts";
import { AppForm, ErrorSummary, SelectField, TextField } from "../components/form.tsx";
import { authorize, invalid, invalidForm, read, requireUser, run } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";
import { PageTitle } from "../components/page-title.tsx";
import { MisreadNotice, Pager } from "../components/pager.tsx";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  const list = parseListQuery(pageQuery, request.url);
  const { association, people, page, canManageRoles } = await read(context, associationPeople, params.slug, list);
  return { association: { name: association.name }, people, page, canManageRoles };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requireUser(context);
  const { association, canManageRoles } = await read(context, peopleManagement, params.slug);
  authorize(context, () => canManageRoles);
  const parsed = parseForm(peopleAction, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const input = parsed.data;
  if (input.intent === "revoke") {
    const revoked = await run(context, revokeRole, { associationId: association.id, userId: input.userId, role: input.role });
    if (!revoked.ok) return invalid(revoked.errors, parsed.values);
    return { ok: true as const, message: "revoked" as const };
  }
  const result = await run(context, grantRole, { associationId: association.id, email: input.email, role: input.role });
  if (!result.ok) return invalid(result.errors, parsed.values);
  return { ok: true as const, message: "granted" as const, email: input.email, role: input.role };
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
      <MisreadNotice page={loaderData.page} />
      <table role="table">
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {t("field.name")}
            </th>
            <th scope="col" role="columnheader">
              {t("field.email")}
            </th>
            <th scope="col" role="columnheader">
              {t("association.role")}
            </th>
            {loaderData.canManageRoles ? <td role="cell" /> : null}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {loaderData.people.map((person) => (
            <tr key={`${person.userId}-${person.role}`} role="row">
              <td role="cell">{person.name}</td>
              <td role="cell" className="long-string">
                {person.email}
              </td>
              <td role="cell">{t(`role.${person.role}`)}</td>
              {loaderData.canManageRoles ? (
                <td role="cell">
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
      <Pager page={loaderData.page} label={t("pager.pagesOf", { list: t("association.people") })} />
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
