import { Link } from "react-router";
import type { Route } from "./+types/portfolio-confirm";
import { askForConfirmation } from "../../src/commands/ask-for-confirmation.ts";
import { askToConfirmEntries } from "../../src/commands/ask-to-confirm-entries.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { confirmationForm } from "../../src/forms/reference-forms.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { confirmableEntryOf, entriesAwaitingConfirmerOf } from "../../src/queries/references.ts";
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
  const awaiting = await entriesAwaitingConfirmerOf(services(context), user, params.entryId);
  return { summary: entry.summary, providerName: entry.providerName, awaiting };
}

/** "all" asks the named provider about every entry awaiting them in one mail (decision 020); "one" about this entry only. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const entry = await loadEntry(context, user, params.entryId);
  const parsed = parseForm(confirmationForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const { scope, ...recipient } = parsed.data;
  const locale = requestState(context).locale;
  const result =
    scope === "all"
      ? await run(context, askToConfirmEntries, { entryId: params.entryId, ...recipient, locale })
      : await run(context, askForConfirmation, { entryId: params.entryId, ...recipient, summary: entry.summary, locale });
  if (!result.ok) return invalid(result.errors, parsed.values, undefined, result.retryAfterMinutes ? 429 : 400);
  return { ok: true as const, name: recipient.name, count: "count" in result.value ? result.value.count : 1 };
}

export default function ConfirmEntry({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const { awaiting, providerName } = loaderData;
  const offersAll = awaiting > 1 && providerName !== "";
  return (
    <section className="narrow">
      <PageTitle title={t("confirm.title")} />
      <h1>{t("confirm.title")}</h1>
      <p>
        <strong>{loaderData.summary}</strong>
      </p>
      <p>{t("confirm.intro")}</p>
      {offersAll ? <p>{t("confirm.allIntro", { count: awaiting, name: providerName })}</p> : null}
      {actionData?.ok ? (
        <p role="status" className="notice">
          {(actionData.count ?? 1) > 1
            ? t("confirm.sentAll", { name: actionData.name, count: actionData.count ?? 1 })
            : t("confirm.sent", { name: actionData.name })}
        </p>
      ) : (
        <>
          <ErrorSummary state={failed} fieldLabels={{ name: t("confirm.name"), email: t("confirm.email") }} />
          <AppForm>
            <TextField name="name" label={t("confirm.name")} state={failed} defaultValue={providerName} />
            <TextField name="email" label={t("confirm.email")} state={failed} type="email" hint={t("field.emailHint")} />
            {offersAll ? (
              <>
                <button type="submit" name="scope" value="all">
                  {t("confirm.askAll", { name: providerName, count: awaiting })}
                </button>{" "}
                <button type="submit" name="scope" value="one" className="secondary-button">
                  {t("confirm.askOne")}
                </button>
              </>
            ) : (
              <button type="submit">{t("confirm.send")}</button>
            )}
          </AppForm>
        </>
      )}
      <p>
        <Link to="/portfolio">{t("portfolio.cancel")}</Link>
      </p>
    </section>
  );
}
