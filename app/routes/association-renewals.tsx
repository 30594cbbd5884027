import { Link, redirect } from "react-router";
import type { Route } from "./+types/association-renewals";
import { parseListQuery } from "../../src/forms/list-filters.ts";
import { staffRenewalsQuery } from "../../src/forms/renewal-forms.ts";
import { dollars } from "../../src/i18n/format.ts";
import { staffRenewalsPage } from "../../src/queries/renewals.ts";
import { PageTitle } from "../components/page-title.tsx";
import { MisreadNotice, Pager } from "../components/pager.tsx";
import { read, requireUser } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** Staff's renewals: a period's renewals with their fees, the reinstatement requests waiting, and a credential found by its number. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  const list = parseListQuery(staffRenewalsQuery, request.url);
  const found = await read(context, staffRenewalsPage, params.slug, list);
  if ("lookup" in found) {
    if (found.lookup) throw redirect(`/a/${found.association.slug}/renewals/${found.lookup}`);
    return { ...found, notFound: true as const };
  }
  return found;
}

export default function AssociationRenewals({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { association } = loaderData;
  const title = `${association.name}: ${t("staffRenewals.title")}`;
  const base = `/a/${association.slug}/renewals`;
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <form method="get" action={base} className="inline-form">
        <div className="field">
          <label htmlFor="field-number">{t("staffRenewals.number")}</label>
          <input id="field-number" name="number" type="text" />
        </div>
        <button type="submit" className="secondary-button">
          {t("staffRenewals.find")}
        </button>
      </form>
      {"notFound" in loaderData ? (
        <p role="status" className="notice">
          {t("staffRenewals.noSuchNumber")}
        </p>
      ) : (
        <>
          <nav aria-label={t("staffRenewals.title")}>
            <a href={base} aria-current={loaderData.show === "renewals" ? "page" : undefined}>
              {t("staffRenewals.ofPeriod", { due: loaderData.period })}
            </a>
            {" · "}
            <a href={`${base}?show=reinstatements`} aria-current={loaderData.show === "reinstatements" ? "page" : undefined}>
              {t("staffRenewals.reinstatements")}
            </a>
          </nav>
          <MisreadNotice page={loaderData.page} />
          <h2>{loaderData.show === "renewals" ? t("staffRenewals.ofPeriod", { due: loaderData.period }) : t("staffRenewals.reinstatements")}</h2>
          {loaderData.rows.length === 0 ? <p className="muted">{t("staffRenewals.none")}</p> : null}
          <ul>
            {loaderData.rows.map((row) => (
              <li key={`${row.credentialId}-${row.date}`}>
                <Link to={`${base}/${row.credentialId}`}>{`${row.name}: ${row.category[locale]} (${row.number})`}</Link>
                {` · ${row.date} · `}
                {row.feeReceived ? t("staffRenewals.feeReceived", { date: row.feeReceived }) : t("staffRenewals.feeDue", { fee: dollars(row.feeCents) })}
                {"byException" in row && row.byException ? ` · ${t("staffRenewals.byException")}` : ""}
              </li>
            ))}
          </ul>
          <Pager page={loaderData.page} label={t("pager.pagesOf", { list: t("staffRenewals.title") })} />
        </>
      )}
    </section>
  );
}
