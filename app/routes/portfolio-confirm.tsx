import { Link } from "react-router";
import type { Route } from "./+types/portfolio-confirm";
import { askForConfirmation } from "../../src/commands/ask-for-confirmation.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { confirmationForm } from "../../src/forms/reference-forms.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { confirmableEntryOf } from "../../src/queries/references.ts";
import type { SessionActor } from "../../src/policies/actor.ts";
import { AppForm, ErrorSummary, TextField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { describeConfirmable } from "../lib/confirmable-entry.server.ts";
import { authorize, invalid, invalidForm, notFound, requestState, run, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

async function loadEntry(context: Route.LoaderArgs["context"], actor: SessionActor, entryId: string) {
  const entry = (await confirmableEntryOf(services(context), actor, entryId)) ?? notFound();
  return describeConfirmable(entry, requestState(context).locale);
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const entry = await loadEntry(context, user, params.entryId);
  return { summary: entry.summary, providerName: entry.providerName };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const entry = await loadEntry(context, user, params.entryId);
  const parsed = parseForm(confirmationForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, askForConfirmation, {
    entryId: params.entryId,
    ...parsed.data,
    summary: entry.summary,
    locale: requestState(context).locale,
  });
  if (!result.ok) return invalid(result.errors, parsed.values, undefined, result.retryAfterMinutes ? 429 : 400);
  return { ok: true as const, name: parsed.data.name };
}

export default function ConfirmEntry({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const failed = actionData && !actionData.ok ? actionData : undefined;
  return (
    <section className="narrow">
      <PageTitle title={t("confirm.title")} />
      <h1>{t("confirm.title")}</h1>
      <p>
        <strong>{loaderData.summary}</strong>
      </p>
      <p>{t("confirm.intro")}</p>
      {actionData?.ok ? (
        <p role="status" className="notice">
          {t("confirm.sent", { name: actionData.name })}
        </p>
      ) : (
        <>
          <ErrorSummary state={failed} fieldLabels={{ name: t("confirm.name"), email: t("confirm.email") }} />
          <AppForm>
            <TextField name="name" label={t("confirm.name")} state={failed} defaultValue={loaderData.providerName} />
            <TextField name="email" label={t("confirm.email")} state={failed} type="email" hint={t("field.emailHint")} />
            <button type="submit">{t("confirm.send")}</button>
          </AppForm>
        </>
      )}
      <p>
        <Link to="/portfolio">{t("portfolio.cancel")}</Link>
      </p>
    </section>
  );
}
