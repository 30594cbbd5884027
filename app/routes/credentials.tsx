import type { Route } from "./+types/credentials";
import { publishCredentialFields } from "../../src/commands/publish-credential-fields.ts";
import { verificationFields } from "../../src/domain/credential-number.ts";
import { publishForm } from "../../src/forms/credential-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { applicationPolicy } from "../../src/policies/application.ts";
import { myCredentials, myLearnerRecords } from "../../src/queries/credentials.ts";
import { AppForm } from "../components/form.tsx";
import { NextRenewal } from "../components/next-renewal.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { StatusChange } from "../components/status-change.tsx";
import { authorize, invalid, notFound, read, requestState, run, services } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** My credentials: each credential's status, number, dates and share link, and what its verification page shows. */
export async function loader({ context }: Route.LoaderArgs) {
  const user = authorize(context, applicationPolicy.applyAsMember);
  const page = { baseUrl: services(context).config.baseUrl, locale: requestState(context).locale };
  return {
    credentials: await read(context, (reader) => myCredentials(reader, user, page)),
    records: await read(context, (reader) => myLearnerRecords(reader, user)),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  authorize(context, applicationPolicy.applyAsMember);
  const parsed = parseForm(publishForm, await request.formData());
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await run(context, publishCredentialFields, parsed.data);
  if (!result.ok) notFound();
  return { saved: parsed.data.credentialId };
}

export default function Credentials({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const otherLocale = locale === "en" ? "es" : "en";
  return (
    <section>
      <PageTitle title={t("credentials.title")} />
      <h1>{t("credentials.title")}</h1>
      {loaderData.credentials.length === 0 ? <p className="muted">{t("credentials.none")}</p> : null}
      {loaderData.credentials.map((credential) => (
        <article key={credential.id} className="category" aria-labelledby={`credential-${credential.id}`}>
          <h2 id={`credential-${credential.id}`}>{`${credential.category[locale]} · ${credential.association}`}</h2>
          <p>
            <span className="status">{t(`credential.status.${credential.status}`)}</span>
            {` · ${t("credentials.number", { number: credential.number })}`}
          </p>
          <p>{t("credentials.dates", { issued: credential.issued, due: credential.renewalDue })}</p>
          {credential.renewal ? <NextRenewal renewal={credential.renewal} headingId={`renewal-${credential.id}`} /> : null}
          <details>
            <summary>{t("credentialHistory.heading")}</summary>
            <ol>
              {credential.history.map((change, index) => (
                <li key={index}>
                  <StatusChange change={change} />
                </li>
              ))}
            </ol>
          </details>
          <p>
            <a href={`/verify/${credential.number}`}>{t("credentials.shareLink")}</a> ·{" "}
            <a href={`/credentials/${credential.id}/badge`} download>
              {t("credentials.badge")}
            </a>
            {credential.status === "active" || credential.status === "lapsed" ? (
              <>
                {" · "}
                <a href={`/credentials/${credential.id}/renew`}>{t("credentials.renew")}</a>
              </>
            ) : credential.status === "removed" ? (
              <>
                {" · "}
                <a href={`/credentials/${credential.id}/reinstate`}>{t("credentials.reinstate")}</a>
              </>
            ) : null}
          </p>
          <p>
            <a href={`/credentials/${credential.id}/certificate?lang=${locale}`} download>
              {t("credentials.certificate")}
            </a>{" "}
            ·{" "}
            <a href={`/credentials/${credential.id}/certificate?lang=${otherLocale}`} download>
              {t("credentials.certificateOther")}
            </a>
            {credential.linkedIn ? (
              <>
                {" "}
                · <a href={credential.linkedIn}>{t("credentials.linkedIn")}</a>
              </>
            ) : null}
          </p>
          {actionData && "saved" in actionData && actionData.saved === credential.id ? (
            <p role="status" className="notice">
              {t("credentials.publishedSaved")}
            </p>
          ) : null}
          <AppForm>
            <input type="hidden" name="credentialId" value={credential.id} />
            <fieldset>
              <legend>{t("credentials.publishLegend")}</legend>
              <p className="hint">{t("credentials.publishHint")}</p>
              {verificationFields.map((field) => (
                <div key={field} className="tick">
                  <input
                    type="checkbox"
                    id={`publish-${credential.id}-${field}`}
                    name="fields"
                    value={field}
                    defaultChecked={credential.published.includes(field)}
                  />
                  <label htmlFor={`publish-${credential.id}-${field}`}>{t(`credentials.field.${field}`)}</label>
                </div>
              ))}
            </fieldset>
            <div className="tick">
              <input
                type="checkbox"
                id={`publish-${credential.id}-registry`}
                name="fields"
                value="registry"
                defaultChecked={credential.published.includes("registry")}
              />
              <label htmlFor={`publish-${credential.id}-registry`}>{t("credentials.field.registry", { association: credential.association })}</label>
            </div>
            <button type="submit">{t("credentials.publishSave")}</button>
          </AppForm>
        </article>
      ))}
      {loaderData.records.length > 0 ? (
        <section aria-labelledby="learner-record">
          <h2 id="learner-record">{t("credentials.recordTitle")}</h2>
          <p className="hint">{t("credentials.recordHint")}</p>
          <ul>
            {loaderData.records.map((record) => (
              <li key={record.slug}>
                <a href={`/credentials/record/${encodeURIComponent(record.slug)}`} download>
                  {t("credentials.recordLink", { association: record.name })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
