import type { Route } from "./+types/credential-reinstate";
import { askForReinstatement } from "../../src/commands/ask-for-reinstatement.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { reinstateForm } from "../../src/forms/renewal-forms.ts";
import { dollars } from "../../src/i18n/format.ts";
import { applicationPolicy } from "../../src/policies/application.ts";
import { heldCredential, reinstatementForm } from "../../src/queries/renewals.ts";
import { AppForm, ErrorSummary, TickBox } from "../components/form.tsx";
import { CredentialPageHeading } from "../components/credential-page-heading.tsx";
import { authorize, invalid, invalidForm, read, run } from "../lib/route-context.server.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** The holder of a removed credential asks for reinstatement, then follows its new ratings and fee until staff approve. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const user = authorize(context, applicationPolicy.applyAsMember);
  return read(context, (reader) => reinstatementForm(reader, user, params.id));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = authorize(context, applicationPolicy.applyAsMember);
  // Only the holder may post here: anyone else's credential is hidden (404), before the form is read.
  await read(context, (reader) => heldCredential(reader, user, params.id));
  const parsed = parseForm(reinstateForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, askForReinstatement, { credentialId: params.id, attestsMembership: parsed.data.membership });
  if (!result.ok) return invalid(result.errors, parsed.values);
  return { asked: true as const };
}

export default function CredentialReinstate({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const shown = useReportText();
  const failed = actionData && "errors" in actionData ? actionData : undefined;
  const title = t("reinstatement.title", { category: loaderData.category[locale] });
  const { request } = loaderData;
  return (
    <section>
      <CredentialPageHeading title={title} belongsTo={loaderData.association} number={loaderData.number} status={loaderData.status} />
      {actionData && "asked" in actionData ? (
        <p role="status" className="notice">
          {t("reinstatement.asked")}
        </p>
      ) : null}
      <ErrorSummary state={failed} fieldLabels={{ membership: null }} />
      {loaderData.status !== "removed" ? <p className="notice">{t("reinstatement.notRemoved")}</p> : null}
      <h2>{t("reinstatement.steps")}</h2>
      <ol>
        <li>{t("reinstatement.stepMembership")}</li>
        <li>
          <a href="/portfolio">{t("reinstatement.stepExperience")}</a>
        </li>
        <li>
          <a href="/portfolio/references">{t("reinstatement.stepRatings")}</a>
        </li>
        <li>{t("reinstatement.stepFee", { fee: dollars(loaderData.feeCents) })}</li>
      </ol>
      {request ? (
        <>
          <p>{t("reinstatement.requestedOn", { date: request.requestedOn })}</p>
          <p>
            {t("reinstatement.ratings", { have: request.ratings.have, need: request.ratings.need })}
            {request.ratings.missing ? ` (${request.ratings.missing.map(shown).join(" ")})` : ""}
          </p>
          <p>
            {request.feeReceived
              ? t("reinstatement.feeReceived", { date: request.feeReceived })
              : t("reinstatement.feeDue", { fee: dollars(loaderData.feeCents) })}
          </p>
        </>
      ) : loaderData.status === "removed" ? (
        <AppForm>
          <TickBox name="membership" label={t("reinstatement.membership")} state={failed} />
          <button type="submit">{t("reinstatement.submit")}</button>
        </AppForm>
      ) : null}
    </section>
  );
}
