import type { Route } from "./+types/verify-entry";
import { findOpenLink } from "../../src/commands/answer-rating.ts";
import { answerConfirmation } from "../../src/commands/confirm-entry.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { findUserById } from "../../src/data/users.ts";
import { ClosedLink } from "../components/closed-link.tsx";
import { AppForm } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { confirmableSummary } from "../lib/confirmable-entry.server.ts";
import { commands, requestState, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

/** A provider or supervisor confirms one entry through the emailed link; the token is the permission. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { link, state } = await findOpenLink(commands(context), "verify-entry", params.token);
  if (state !== "open" || !link) return { state, applicant: "", summary: "" };
  const { db } = services(context);
  const [applicant, { portfolio }] = await Promise.all([findUserById(db, link.user_id), findPortfolio(db, link.user_id)]);
  return { state, applicant: applicant?.name ?? "", summary: confirmableSummary(portfolio, link.entry_id, requestState(context).locale)?.summary ?? "" };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const state = await answerConfirmation(commands(context), params.token, { confirmed: form.get("answer") === "yes", comment: String(form.get("comment") ?? "").slice(0, 2000) });
  services(context).mailWorker.wake();
  return { state };
}

export default function VerifyEntry({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  if (actionData?.state === "used") {
    return (
      <section className="narrow">
        <PageTitle title={t("verify.thanks")} />
        <h1>{t("verify.thanks")}</h1>
      </section>
    );
  }
  if (loaderData.state !== "open") return <ClosedLink state={loaderData.state} />;
  const title = t("verify.pageTitle", { name: loaderData.applicant });
  return (
    <section className="narrow">
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p>{t("verify.intro", { name: loaderData.applicant })}</p>
      <p>
        <strong>{loaderData.summary}</strong>
      </p>
      <AppForm>
        <button type="submit" name="answer" value="yes">
          {t("verify.yes")}
        </button>
        <div className="field">
          <label htmlFor="field-comment">{t("verify.comment")}</label>
          <textarea id="field-comment" name="comment" rows={3} />
        </div>
        <button type="submit" name="answer" value="no" className="secondary-button">
          {t("verify.no")}
        </button>
      </AppForm>
    </section>
  );
}
