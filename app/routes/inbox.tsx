import type { Route } from "./+types/inbox";
import { pageQuery, parseListQuery } from "../../src/forms/list-filters.ts";
import { inboxOf } from "../../src/queries/inbox.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { PageTitle } from "../components/page-title.tsx";
import { MisreadNotice, Pager } from "../components/pager.tsx";
import { authorize, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  return inboxOf(services(context).db, user, parseListQuery(pageQuery, request.url));
}

export default function Inbox({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  return (
    <section>
      <PageTitle title={t("inbox.title")} />
      <h1>{t("inbox.title")}</h1>
      <p>{t("inbox.intro")}</p>
      <MisreadNotice page={loaderData.page} />
      {loaderData.messages.length === 0 ? <p className="muted">{t("inbox.empty")}</p> : null}
      {loaderData.messages.map((message) => (
        <article key={message.id} className="mail">
          <h2>{message.subject}</h2>
          <p className="muted">{`${message.at} UTC`}</p>
          <pre>{message.text}</pre>
        </article>
      ))}
      <Pager page={loaderData.page} label={t("pager.pagesOf", { list: t("inbox.title") })} />
    </section>
  );
}
