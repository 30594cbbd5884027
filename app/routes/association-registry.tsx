import { Link } from "react-router";
import type { Route } from "./+types/association-registry";
import { registryQuery } from "../../src/forms/credential-forms.ts";
import { parseListQuery } from "../../src/forms/list-filters.ts";
import { associationRegistry } from "../../src/queries/registry.ts";
import { PageTitle } from "../components/page-title.tsx";
import { MisreadNotice, Pager, SearchFilter } from "../components/pager.tsx";
import { noScript } from "../lib/page-handle.ts";
import { read } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

export const handle = noScript;

/** The association's public registry of endorsed professionals: those who chose to be listed, by name, each leading to its verification page. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return read(context, associationRegistry, params.slug, parseListQuery(registryQuery, request.url));
}

// Browsers ask each time (its ETag makes that a 304); the server keeps the first page until a credential
// of the association changes (src/server/public-pages.ts), so a listing withdrawn or a revocation shows at once.
export const headers = () => ({ "Cache-Control": "no-cache" });

export default function AssociationRegistry({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const title = t("registry.title", { association: loaderData.association.name });
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p>{t("registry.intro")}</p>
      <MisreadNotice page={loaderData.page} />
      <SearchFilter value={loaderData.search} label={t("registry.search")} />
      {loaderData.holders.length === 0 ? (
        <p className="muted">{loaderData.search ? t("listFilter.noneMatch") : t("registry.none")}</p>
      ) : (
        <ul className="registry">
          {loaderData.holders.map((holder) => (
            <li key={holder.number}>
              <strong>{holder.name}</strong>
              {` · ${holder.category[locale]} · `}
              <Link to={`/verify/${holder.number}`} aria-label={t("registry.verify", { number: holder.number, name: holder.name })}>
                {holder.number}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pager page={loaderData.page} label={t("pager.pagesOf", { list: title })} />
    </section>
  );
}
