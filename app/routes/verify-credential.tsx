import { isRouteErrorResponse, useParams } from "react-router";
import type { Route } from "./+types/verify-credential";
import { verifyCredentialByNumber } from "../../src/queries/credentials.ts";
import { formatLongDate } from "../../src/i18n/format.ts";
import { CredentialLookup } from "../components/credential-lookup.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { noScript } from "../lib/page-handle.ts";
import { read } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

export const handle = noScript;

/** A credential's public verification page: its status first, in words, then what the holder chose to show. */
export async function loader({ params, context }: Route.LoaderArgs) {
  return read(context, verifyCredentialByNumber, params.number);
}

// Browsers and proxies may keep it but ask each time (its ETag makes that a 304): a revocation shows on
// the very next request. The server's own copy goes when the credential changes (src/server/public-pages.ts).
export const headers = () => ({ "Cache-Control": "no-cache" });

export default function VerifyCredential({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const title = t("verification.title", { number: loaderData.number });
  const active = loaderData.status === "active";
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p className={active ? "notice verify-status" : "error-summary verify-status"} role="status">
        {loaderData.status !== "active" && loaderData.statusSince ? (
          <>
            <strong>{t(`verification.since.${loaderData.status}`, { date: formatLongDate(locale, loaderData.statusSince) })}</strong>
            <br />
          </>
        ) : null}
        <strong>{t(`verification.status.${loaderData.status}`)}</strong>
      </p>
      <dl className="verify">
        <dt>{t("verification.holder")}</dt>
        <dd>{loaderData.holder}</dd>
        <dt>{t("verification.category")}</dt>
        <dd>{loaderData.category[locale]}</dd>
        <dt>{t("verification.association")}</dt>
        <dd>{loaderData.association}</dd>
        <dt>{t("verification.number")}</dt>
        <dd>{loaderData.number}</dd>
        {loaderData.issued ? (
          <>
            <dt>{t("credentials.field.issued")}</dt>
            <dd>{loaderData.issued}</dd>
          </>
        ) : null}
        {loaderData.renewalDue ? (
          <>
            <dt>{t("credentials.field.renewalDue")}</dt>
            <dd>{loaderData.renewalDue}</dd>
          </>
        ) : null}
        {loaderData.email ? (
          <>
            <dt>{t("credentials.field.email")}</dt>
            <dd>{loaderData.email}</dd>
          </>
        ) : null}
        {loaderData.employer ? (
          <>
            <dt>{t("credentials.field.employer")}</dt>
            <dd>{loaderData.employer}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** An unknown number: said plainly, with the number as asked, so a mistyped one is easy to spot. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const t = useTranslate();
  const { number = "" } = useParams();
  if (!isRouteErrorResponse(error) || error.status !== 404) throw error;
  return (
    <section>
      <PageTitle title={t("verification.noneTitle")} />
      <h1>{t("verification.noneTitle")}</h1>
      <p className="error-summary" role="status">
        {t("verification.none", { number })}
      </p>
      <CredentialLookup defaultValue={number} />
    </section>
  );
}
