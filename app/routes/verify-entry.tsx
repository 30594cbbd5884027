import { data } from "react-router";
import type { Route } from "./+types/verify-entry";
import { answerConfirmation } from "../../src/commands/answer-confirmation.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { confirmationAnswer } from "../../src/forms/reference-forms.ts";
import { confirmationPage, linkHolder } from "../../src/queries/links.ts";
import { ClosedLink } from "../components/closed-link.tsx";
import { AppForm } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { describeConfirmable } from "../lib/confirmable-entry.server.ts";
import { requestState, run, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";
import { noScript } from "../lib/page-handle.ts";

/** Works as plain HTML: sent with no script (decision 022). */
export const handle = noScript;

/** A provider or supervisor confirms one entry through the emailed link; the token is the permission. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { state, applicant, entry } = await confirmationPage(services(context), params.token);
  return { state, applicant, summary: entry ? describeConfirmable(entry, requestState(context).locale).summary : "" };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const [holder, { state }, form] = await Promise.all([
    linkHolder(services(context), "verify-entry", params.token),
    confirmationPage(services(context), params.token),
    request.formData(),
  ]);
  // A link that is no longer open says so, whatever was posted.
  if (state !== "open") return { recorded: false, refused: false };
  const parsed = parseForm(confirmationAnswer, form);
  if (!parsed.ok) return data({ recorded: false, refused: true }, { status: 400 });
  const answer = { confirmed: parsed.data.answer === "yes", comment: parsed.data.comment };
  // A refused answer (the link was used meanwhile, or expired) records nothing: the page shows why, as the loader reads it again.
  const result = await run(context, answerConfirmation, answer, holder);
  return { recorded: result.ok, refused: false };
}

export default function VerifyEntry({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  if (actionData?.recorded) {
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
      {actionData?.refused ? (
        <p role="alert" className="error-summary">
          {t("error.unknownAction")}
        </p>
      ) : null}
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
