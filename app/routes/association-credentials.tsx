import { Link } from "react-router";
import type { Route } from "./+types/association-credentials";
import { staffCredentialsQuery } from "../../src/forms/credential-forms.ts";
import { parseListQuery } from "../../src/forms/list-filters.ts";
import { staffCredentialsPage } from "../../src/queries/association-credentials.ts";
import { PageTitle } from "../components/page-title.tsx";
import { MisreadNotice, Pager, StatusAndSearchFilter } from "../components/pager.tsx";
import { read, requireUser } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/** The association's credentials for its staff: by status, or found by number or holder's name; each opens its page. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  const { association, ...list } = await read(context, staffCredentialsPage, params.slug, parseListQuery(staffCredentialsQuery, request.url));
  return { association: association.name, slug: association.slug, ...list };
}

export default function AssociationCredentials({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const title = `${loaderData.association}: ${t("staffCredentials.title")}`;
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <MisreadNotice page={loaderData.page} />
      <StatusAndSearchFilter
        filter={loaderData.filter}
        statusCounts={loaderData.statusCounts}
        statusLabel={(status) => t(`credential.status.${status}`)}
        searchLabel={t("staffCredentials.search")}
      />
      {loaderData.credentials.length === 0 ? (
        <p className="muted">{loaderData.filter.status || loaderData.filter.search ? t("listFilter.noneMatch") : t("staffCredentials.none")}</p>
      ) : (
        <ul>
          {loaderData.credentials.map((credential) => (
            <li key={credential.id}>
              <Link to={`/a/${loaderData.slug}/credentials/${credential.id}`}>{credential.holder}</Link>
              {` · ${t(`credential.status.${credential.status}`)} · `}
              {t("staffCredentials.row", { number: credential.number, category: credential.category[locale], issued: credential.issued })}
            </li>
          ))}
        </ul>
      )}
      <Pager page={loaderData.page} label={t("pager.pagesOf", { list: t("staffCredentials.title") })} />
    </section>
  );
}
