import type { Route } from "./+types/dev-mail";
import { pageQuery, parseListQuery } from "../../src/forms/list-filters.ts";
import { recentMailForDevelopers } from "../../src/queries/inbox.ts";
import { accountPolicy } from "../../src/policies/account.ts";
import { authorize, notFound, services } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";
import { PageTitle } from "../components/page-title.tsx";
import { MisreadNotice, Pager } from "../components/pager.tsx";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { config, db } = services(context);
  // Closed (SMTP set, or a public BASE_URL), it does not exist, even for owners.
  if (!config.hasDevMailbox) notFound();
  authorize(context, (actor) => accountPolicy.readDevMailbox(actor, config.hasDevMailbox));
  return recentMailForDevelopers(db, parseListQuery(pageQuery, request.url));
}

export default function DevMail({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <section>
      <PageTitle title={t("devMail.title")} />
      <h1>{t("devMail.title")}</h1>
      <p>{t("devMail.intro")}</p>
      <MisreadNotice page={loaderData.page} />
      {loaderData.messages.length === 0 ? <p>{t("devMail.empty")}</p> : null}
      {loaderData.messages.map((message) => (
        <article key={message.id} className="mail">
          <h2>{message.subject}</h2>
          <p>
            {t("devMail.to")}: {message.to} · {t("devMail.sent")}: {new Date(message.createdAt).toLocaleString(locale, { timeZone: "UTC" })} UTC
          </p>
          <pre>{message.text}</pre>
        </article>
      ))}
      <Pager page={loaderData.page} label={t("pager.pagesOf", { list: t("devMail.title") })} />
    </section>
  );
}
