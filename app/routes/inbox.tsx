import type { Route } from "./+types/inbox";
import { listMailOfUser } from "../../src/data/outbox.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { PageTitle } from "../components/page-title.tsx";
import { authorize, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

export async function loader({ context }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const messages = await listMailOfUser(services(context).db, user.userId, 100);
  return { messages: messages.map((m) => ({ id: m.id, subject: m.subject, text: m.text_body, at: m.created_at.toISOString().slice(0, 16).replace("T", " ") })) };
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
