import { Link, redirect } from "react-router";
import type { Route } from "./+types/association-credential";
import { reinstateCredential } from "../../src/commands/reinstate-credential.ts";
import { revokeCredential } from "../../src/commands/revoke-credential.ts";
import { suspendCredential } from "../../src/commands/suspend-credential.ts";
import { staffCredentialActions } from "../../src/domain/staff-credential-actions.ts";
import { staffCredentialActionForm } from "../../src/forms/credential-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { staffCredentialPage } from "../../src/queries/association-credentials.ts";
import { AppForm, ErrorSummary, TextAreaField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { StatusChange } from "../components/status-change.tsx";
import { invalid, read, requireUser, run } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

const commands = { suspend: suspendCredential, reinstate: reinstateCredential, revoke: revokeCredential };

/** One credential for its association's staff: holder, dates, status history, and suspend, reinstate or revoke. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  const page = await read(context, staffCredentialPage, params.slug, params.id);
  const done = new URL(request.url).searchParams.get("done");
  return { ...page, done: staffCredentialActions.find((action) => action === done) ?? null };
}

/**
 * Two posts: `ask` answers with the confirmation step (naming the person, the number and what
 * follows) and changes nothing; `confirm`, with the reason, runs the command.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  requireUser(context);
  const { association, credential } = await read(context, staffCredentialPage, params.slug, params.id);
  const parsed = parseForm(staffCredentialActionForm, await request.formData());
  const asked = staffCredentialActions.find((action) => action === parsed.values.action);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values, { confirming: asked ?? null });
  const input = parsed.data;
  if (input.intent === "ask") return { ok: true as const, confirming: input.action };
  const result = await run(context, commands[input.action], { associationId: association.id, credentialId: credential.id, reason: input.reason });
  if (!result.ok) return invalid(result.errors, parsed.values, { confirming: input.action });
  throw redirect(`/a/${association.slug}/credentials/${credential.id}?done=${input.action}`);
}

export default function AssociationCredential({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { association, credential, history, actions } = loaderData;
  const state = actionData && !actionData.ok ? actionData : undefined;
  const confirming = actionData?.confirming ?? null;
  const title = t("staffCredential.title", { number: credential.number });
  return (
    <section>
      <PageTitle title={`${association.name}: ${title}`} />
      <p>
        <Link to={`/a/${association.slug}/credentials`}>{t("staffCredential.back")}</Link>
      </p>
      <h1>{title}</h1>
      {loaderData.done && !actionData ? (
        <p role="status" className="notice">
          {t(`credentialAction.done.${loaderData.done}`)}
        </p>
      ) : null}
      <dl className="verify">
        <dt>{t("staffCredential.status")}</dt>
        <dd>
          <strong>{t(`credential.status.${credential.status}`)}</strong>
        </dd>
        <dt>{t("verification.holder")}</dt>
        <dd>{`${credential.holder} (${credential.email})`}</dd>
        <dt>{t("verification.category")}</dt>
        <dd>{credential.category[locale]}</dd>
        <dt>{t("credentials.field.issued")}</dt>
        <dd>{credential.issued}</dd>
        <dt>{t("credentials.field.renewalDue")}</dt>
        <dd>{credential.renewalDue}</dd>
      </dl>
      <p>
        <a href={`/verify/${credential.number}`}>{t("credentials.shareLink")}</a>
      </p>
      {confirming ? (
        <section aria-labelledby="confirm-heading" className="category">
          <h2 id="confirm-heading">{t(`credentialAction.ask.${confirming}`, { number: credential.number, holder: credential.holder })}</h2>
          <p>{t(`credentialAction.consequence.${confirming}`, { holder: credential.holder })}</p>
          <ErrorSummary state={state} fieldLabels={{ reason: t("credentialAction.reason") }} />
          <AppForm>
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="action" value={confirming} />
            <TextAreaField name="reason" label={t("credentialAction.reason")} hint={t("credentialAction.reasonHint")} state={state} rows={3} required />
            <button type="submit">{t(`credentialAction.confirm.${confirming}`)}</button>{" "}
            <Link to={`/a/${association.slug}/credentials/${credential.id}`}>{t("credentialAction.cancel")}</Link>
          </AppForm>
        </section>
      ) : (
        <>
          <h2>{t("credentialAction.heading")}</h2>
          {actions.length === 0 ? <p className="muted">{t("credentialAction.none")}</p> : null}
          {actions.map((action) => (
            <AppForm key={action} className="inline-form">
              <input type="hidden" name="intent" value="ask" />
              <button type="submit" name="action" value={action} className="secondary-button">
                {t(`credentialAction.${action}`)}
              </button>
            </AppForm>
          ))}
        </>
      )}
      <h2>{t("credentialHistory.heading")}</h2>
      <ol>
        {history.map((change, index) => (
          <li key={index}>
            <StatusChange change={change} />
            {`, ${change.by === null ? t("credentialHistory.bySystem") : t("credentialHistory.by", { name: change.by })}.`}
            {change.reason ? ` ${t("credentialHistory.reason", { reason: change.reason })}` : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
