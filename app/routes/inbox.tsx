import type { Route } from "./+types/inbox";
import { inboxOf } from "../../src/queries/inbox.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { PageTitle } from "../components/page-title.tsx";
import { authorize, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

export async function loader({ context }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  return { messages: await inboxOf(services(context).db, user) };
}

export default function Inbox({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  return (
    <section>
      <PageTitle title={t("inbox.title")} />
      <h1>{t("inbox.title")}</h1>
      <p>{t("inbox.intro")}</p>
      {loaderData.messages.length === 0 ? <p className="muted">{t("inbox.empty")}</p> : null}
      {loaderData.messages.map((message) => (
        <article key={message.id} className="mail">
          <h2>{message.subject}</h2>
          <p className="muted">{`${message.at} UTC`}</p>
          <pre>{message.text}</pre>
        </article>
      ))}
    </section>
  );
}
