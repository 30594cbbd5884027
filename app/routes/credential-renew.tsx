import type { Route } from "./+types/credential-renew";
import { renewCredential } from "../../src/commands/renew-credential.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { renewForm } from "../../src/forms/renewal-forms.ts";
import { dollars } from "../../src/i18n/format.ts";
import { applicationPolicy } from "../../src/policies/application.ts";
import { heldCredential, renewalForm } from "../../src/queries/renewals.ts";
import { AppForm, ErrorSummary, TickBox } from "../components/form.tsx";
import { CredentialPageHeading } from "../components/credential-page-heading.tsx";
import { RenewalVerdicts } from "../components/renewal-verdicts.tsx";
import { authorize, invalid, invalidForm, read, run } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** The holder renews a credential: the period's hours as the engine judges them from the portfolio, the code of ethics, the attestation, the fee. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const user = authorize(context, applicationPolicy.applyAsMember);
  return read(context, (reader) => renewalForm(reader, user, params.id));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = authorize(context, applicationPolicy.applyAsMember);
  // Only the holder may post here: anyone else's credential is hidden (404), before the form is read.
  await read(context, (reader) => heldCredential(reader, user, params.id));
  const parsed = parseForm(renewForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, renewCredential, { credentialId: params.id, signsEthics: parsed.data.ethics, attestsNoSanction: parsed.data.noSanction });
  if (!result.ok) return invalid(result.errors, parsed.values);
  return { renewed: result.value };
}

export default function CredentialRenew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const failed = actionData && "errors" in actionData ? actionData : undefined;
  const { period } = loaderData;
  const title = t("renewal.title", { category: loaderData.category[locale] });
  const requirementsError = failed?.errors.requirements;
  return (
    <section>
      <CredentialPageHeading title={title} belongsTo={loaderData.association} number={loaderData.number} status={loaderData.status} />
      {actionData && "renewed" in actionData && actionData.renewed ? (
        <p role="status" className="notice">
          {t("renewal.done", { due: actionData.renewed.nextDue, fee: dollars(actionData.renewed.feeCents) })}
        </p>
      ) : null}
      <ErrorSummary state={failed} fieldLabels={{ ethics: null, noSanction: null, requirements: t("renewal.requirements") }} />
      {period.refusal && !(actionData && "renewed" in actionData) ? (
        <p className="notice">
          {period.refusal === "renewal.removed" ? <a href={`/credentials/${loaderData.id}/reinstate`}>{t(period.refusal)}</a> : t(period.refusal)}
        </p>
      ) : null}
      <h2>{t("renewal.requirements")}</h2>
      <p>{t("renewal.period", { due: period.due })}</p>
      <RenewalVerdicts requirements={period.requirements} isExempt={period.isExempt} error={requirementsError ? t(requirementsError) : undefined} />
      {period.exception ? <p>{t("renewal.exceptionGranted", { date: period.exception.granted ?? "" })}</p> : null}
      {period.hoursShort && !period.exception ? <p className="hint">{t("renewal.hoursShortHint")}</p> : null}
      <p>
        <a href="/portfolio">{t("renewal.portfolioLink")}</a>
      </p>
      <h2>{t("renewal.feeHeading")}</h2>
      <p>
        {period.feePaidWithAnother
          ? t("renewal.feePaidWithAnother")
          : period.lateFeeApplies
            ? t("renewal.feeLate", { fee: dollars(period.feeCents), late: period.lateDate })
            : t("renewal.fee", { fee: dollars(period.feeCents), due: period.due })}
      </p>
      <p className="hint">{t("renewal.feeHint")}</p>
      {period.refusal ? null : (
        <AppForm>
          <TickBox name="ethics" label={t("renewal.ethics")} state={failed} />
          <TickBox name="noSanction" label={t("renewal.noSanction")} state={failed} />
          <button type="submit">{t("renewal.submit")}</button>
        </AppForm>
      )}
    </section>
  );
}
