import type { Route } from "./+types/association-conflicts";
import { declareConflict } from "../../src/commands/declare-conflict.ts";
import { removeDeclaredConflict } from "../../src/commands/remove-declared-conflict.ts";
import { declaredConflictKinds } from "../../src/domain/conflicts-of-interest.ts";
import { declareConflictForm, removeConflictForm } from "../../src/forms/conflict-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { myDeclaredConflicts } from "../../src/queries/reviewer-conflicts.ts";
import { AppForm, ErrorSummary, SelectField, TextAreaField, TextField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { invalid, invalidForm, read, requireUser, run } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

/** A reviewer's declared conflicts of interest in one association: whom assignment should never give them. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  const recused = new URL(request.url).searchParams.has("recused");
  return { ...(await read(context, myDeclaredConflicts, params.slug)), recused };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requireUser(context);
  const { association } = await read(context, myDeclaredConflicts, params.slug);
  const form = await request.formData();
  if (form.get("intent") === "remove") {
    const parsed = parseForm(removeConflictForm, form);
    if (!parsed.ok) return invalidForm(parsed);
    const removed = await run(context, removeDeclaredConflict, { associationId: association.id, conflictId: parsed.data.conflictId });
    if (!removed.ok) return invalid(removed.errors, {});
    return { ok: true as const, message: "conflicts.removed" as const };
  }
  const parsed = parseForm(declareConflictForm, form);
  if (!parsed.ok) return invalidForm(parsed);
  const declared = await run(context, declareConflict, { associationId: association.id, ...parsed.data });
  if (!declared.ok) return invalid(declared.errors, parsed.values);
  return { ok: true as const, message: "conflicts.declared" as const };
}

export default function AssociationConflicts({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const state = actionData && !actionData.ok ? actionData : undefined;
  const title = `${loaderData.association.name}: ${t("conflicts.title")}`;
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p>{t("conflicts.intro", { association: loaderData.association.name })}</p>
      {loaderData.recused && !actionData ? (
        <p role="status" className="notice">
          {t("recuse.done")}
        </p>
      ) : null}
      {actionData?.ok ? (
        <p role="status" className="notice">
          {t(actionData.message)}
        </p>
      ) : null}
      <h2>{t("conflicts.listTitle")}</h2>
      {loaderData.conflicts.length === 0 ? <p className="muted">{t("conflicts.none")}</p> : null}
      <ul className="entries">
        {loaderData.conflicts.map((conflict) => (
          <li key={conflict.id}>
            <span className="long-string">{`${t(`conflicts.kind.${conflict.kind}`)}: ${conflict.value}`}</span>
            <p className="muted">{conflict.reason}</p>
            <AppForm className="inline-form">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="conflictId" value={conflict.id} />
              <button type="submit" className="link-button" aria-label={t("conflicts.removeLabel", { value: conflict.value })}>
                {t("conflicts.remove")}
              </button>
            </AppForm>
          </li>
        ))}
      </ul>
      <h2>{t("conflicts.addTitle")}</h2>
      <ErrorSummary state={state} fieldLabels={{ kind: t("conflicts.kind"), value: t("conflicts.value"), reason: t("conflicts.reason") }} />
      <AppForm>
        <input type="hidden" name="intent" value="declare" />
        <SelectField
          name="kind"
          label={t("conflicts.kind")}
          state={state}
          defaultValue="person"
          options={declaredConflictKinds.map((kind) => ({ value: kind, label: t(`conflicts.kind.${kind}`) }))}
        />
        <TextField name="value" label={t("conflicts.value")} state={state} maxLength={254} required />
        <TextAreaField name="reason" label={t("conflicts.reason")} state={state} rows={3} maxLength={1000} required />
        <button type="submit">{t("conflicts.declare")}</button>
      </AppForm>
    </section>
  );
}
