import type { Route } from "./+types/association-credential-renewal";
import { approveReinstatement } from "../../src/commands/approve-reinstatement.ts";
import { grantRenewalException } from "../../src/commands/grant-renewal-exception.ts";
import { recordReinstatementFee } from "../../src/commands/record-reinstatement-fee.ts";
import { recordRenewalFee } from "../../src/commands/record-renewal-fee.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { staffRenewalAction } from "../../src/forms/renewal-forms.ts";
import { dollars } from "../../src/i18n/format.ts";
import { staffCredentialRenewals } from "../../src/queries/renewals.ts";
import { AppForm, ErrorSummary, TextAreaField } from "../components/form.tsx";
import { CredentialPageHeading } from "../components/credential-page-heading.tsx";
import { RenewalVerdicts } from "../components/renewal-verdicts.tsx";
import { invalid, invalidForm, read, requireUser, run } from "../lib/route-context.server.ts";
import { associationForStaff } from "../lib/staff-pages.server.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** One credential's renewals for staff: record fees received, grant the period an exception, approve a reinstatement. */
export async function loader({ params, context }: Route.LoaderArgs) {
  requireUser(context);
  return read(context, staffCredentialRenewals, params.slug, params.credentialId);
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const association = await associationForStaff(context, params.slug);
  await read(context, staffCredentialRenewals, params.slug, params.credentialId);
  const parsed = parseForm(staffRenewalAction, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const input = parsed.data;
  const associationId = association.id;
  const result =
    input.intent === "renewal-fee"
      ? await run(context, recordRenewalFee, { associationId, renewalId: input.renewalId })
      : input.intent === "reinstatement-fee"
        ? await run(context, recordReinstatementFee, { associationId, reinstatementId: input.reinstatementId })
        : input.intent === "approve"
          ? await run(context, approveReinstatement, { associationId, reinstatementId: input.reinstatementId })
          : await run(context, grantRenewalException, { associationId, credentialId: params.credentialId, reason: input.reason });
  if (!result.ok) return invalid(result.errors, parsed.values);
  return { done: input.intent };
}

/** A fee: the day staff recorded it received, or what is due with the button that records it. */
function Fee(props: {
  feeCents: number;
  received: string | null;
  field: "renewalId" | "reinstatementId";
  id: string;
  intent: "renewal-fee" | "reinstatement-fee";
}) {
  const t = useTranslate();
  if (props.received) return t("staffRenewals.feeReceived", { date: props.received });
  return (
    <AppForm className="inline-form">
      {t("staffRenewals.feeDue", { fee: dollars(props.feeCents) })} <input type="hidden" name={props.field} value={props.id} />
      <button type="submit" name="intent" value={props.intent} className="secondary-button">
        {t("staffRenewals.markFee")}
      </button>
    </AppForm>
  );
}

export default function AssociationCredentialRenewal({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const shown = useReportText();
  const failed = actionData && "errors" in actionData ? actionData : undefined;
  const { period, reinstatement } = loaderData;
  const title = `${loaderData.holder}: ${loaderData.category[locale]}`;
  return (
    <section>
      <CredentialPageHeading
        title={title}
        belongsTo={<a href={`/a/${loaderData.association.slug}/renewals`}>{t("staffRenewals.title")}</a>}
        number={loaderData.number}
        status={loaderData.status}
      />
      {actionData && "done" in actionData && actionData.done ? (
        <p role="status" className="notice">
          {t(`staffRenewals.done.${actionData.done}`)}
        </p>
      ) : null}
      <ErrorSummary state={failed} fieldLabels={{ reason: t("staffRenewals.reason") }} />
      <h2>{t("staffRenewals.period", { due: period.due })}</h2>
      {period.refusal ? <p>{t(period.refusal)}</p> : null}
      <RenewalVerdicts requirements={period.requirements} isExempt={period.isExempt} />
      {period.exception ? (
        <p>{t("staffRenewals.exception", { date: period.exception.granted ?? "", reason: period.exception.reason })}</p>
      ) : (
        <AppForm>
          <TextAreaField name="reason" label={t("staffRenewals.reason")} hint={t("staffRenewals.reasonHint")} state={failed} />
          <button type="submit" name="intent" value="exception" className="secondary-button">
            {t("staffRenewals.grant")}
          </button>
        </AppForm>
      )}
      <h2>{t("staffRenewals.history")}</h2>
      {loaderData.renewals.length === 0 ? <p className="muted">{t("staffRenewals.noRenewals")}</p> : null}
      <ul>
        {loaderData.renewals.map((renewal) => (
          <li key={renewal.id}>
            {t("staffRenewals.renewal", { due: renewal.periodDue, date: renewal.renewedOn })}
            {renewal.lateFee ? ` · ${t("staffRenewals.late")}` : ""}
            {renewal.byException ? ` · ${t("staffRenewals.byException")}` : ""}
            {" · "}
            <Fee feeCents={renewal.feeCents} received={renewal.feeReceived} field="renewalId" id={renewal.id} intent="renewal-fee" />
          </li>
        ))}
      </ul>
      {reinstatement ? (
        <>
          <h2>{t("staffRenewals.reinstatement", { date: reinstatement.requestedOn })}</h2>
          <p>
            {t("reinstatement.ratings", { have: reinstatement.ratings.have, need: reinstatement.ratings.need })}
            {reinstatement.ratings.missing ? ` (${reinstatement.ratings.missing.map(shown).join(" ")})` : ""}
          </p>
          <div>
            <Fee
              feeCents={reinstatement.feeCents}
              received={reinstatement.feeReceived}
              field="reinstatementId"
              id={reinstatement.id}
              intent="reinstatement-fee"
            />
          </div>
          <AppForm>
            <input type="hidden" name="reinstatementId" value={reinstatement.id} />
            <button type="submit" name="intent" value="approve">
              {t("staffRenewals.approve")}
            </button>
          </AppForm>
        </>
      ) : null}
    </section>
  );
}
