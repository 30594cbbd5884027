import type { Route } from "./+types/application";
import { resubmitApplication } from "../../src/commands/resubmit-application.ts";
import { submitApplication } from "../../src/commands/submit-application.ts";
import { withdrawApplication } from "../../src/commands/withdraw-application.ts";
import { applicationAction } from "../../src/forms/application-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { ownApplication, ownApplicationStatus } from "../../src/queries/applications.ts";
import { registerForExam } from "../../src/commands/register-for-exam.ts";
import { registerForm } from "../../src/forms/exam-forms.ts";
import { ownExam } from "../../src/queries/exams.ts";
import { ExamRegistration } from "../components/exam-registration.tsx";
import { applicationPolicy } from "../../src/policies/application.ts";
import { ApplicationHistory } from "../components/application-history.tsx";
import { AppForm, ErrorSummary, TickBox } from "../components/form.tsx";
import { LetterList } from "../components/letter-list.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { authorize, invalid, invalidForm, read, run } from "../lib/route-context.server.ts";
import { useReportText } from "../lib/use-report-text.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = authorize(context, applicationPolicy.applyAsMember);
  const application = await read(context, (reader) => ownApplication(reader, user, params.id));
  return { ...application, exam: await read(context, (reader) => ownExam(reader, user, params.id)) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = authorize(context, applicationPolicy.applyAsMember);
  await read(context, (reader) => ownApplicationStatus(reader, user, params.id));
  const form = await request.formData();
  if (form.get("intent") === "register-exam") {
    const exam = parseForm(registerForm, form);
    if (!exam.ok) return invalidForm(exam);
    const registered = await run(context, registerForExam, { applicationId: params.id, ...exam.data });
    if (!registered.ok) return invalid(registered.errors, exam.values);
    return { done: "exam-registered" as const };
  }
  const parsed = parseForm(applicationAction, form);
  if (!parsed.ok) return invalidForm(parsed);
  const input = parsed.data;
  const result =
    input.intent === "withdraw"
      ? await run(context, withdrawApplication, { applicationId: params.id })
      : input.intent === "resubmit"
        ? await run(context, resubmitApplication, { applicationId: params.id })
        : await run(context, submitApplication, { applicationId: params.id, attests: input.attest, signsEthics: input.ethics });
  if (!result.ok) return invalid(result.errors, parsed.values);
  return { done: ({ withdraw: "withdrawn", resubmit: "resubmitted", submit: "submitted" } as const)[input.intent] };
}

export default function Application({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const shown = useReportText();
  const anyFailed = actionData && "errors" in actionData ? actionData : undefined;
  const examFailed = anyFailed?.values.intent === "register-exam" ? anyFailed : undefined;
  const failed = examFailed ? undefined : anyFailed;
  const title = t("application.title", { category: loaderData.category[locale] });
  const fee = loaderData.feeCents === null ? t("application.noFee") : t("application.fee", { amount: `$${(loaderData.feeCents / 100).toFixed(2)}` });
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p>
        {t("application.association", { association: loaderData.association })} · <span className="status">{t(`application.status.${loaderData.status}`)}</span>
      </p>
      {actionData && "done" in actionData && actionData.done ? (
        <p role="status" className="notice">
          {t(
            (
              {
                submitted: "application.submitted",
                withdrawn: "application.withdrawn",
                resubmitted: "application.resubmitted",
                "exam-registered": "exams.youRegistered",
              } as const
            )[actionData.done],
          )}
        </p>
      ) : null}
      {loaderData.examExpired && loaderData.examApprovedUntil ? (
        <p className="notice">{t("application.examExpired", { date: loaderData.examApprovedUntil })}</p>
      ) : loaderData.examApprovedUntil ? (
        <p>{t("application.examApprovedUntil", { date: loaderData.examApprovedUntil })}</p>
      ) : null}
      {loaderData.emergingUntil ? <p>{t("application.emergingUntil", { date: loaderData.emergingUntil })}</p> : null}
      <ErrorSummary state={failed} fieldLabels={{ attest: null, ethics: null }} />
      {loaderData.status === "draft" ? (
        <>
          <h2>{t("application.check")}</h2>
          {loaderData.unmet.length === 0 ? (
            <p>{t("application.allMet")}</p>
          ) : (
            <>
              <p className="notice">{t("application.someUnmet")}</p>
              <ul>
                {loaderData.unmet.map((requirement) => (
                  <li key={requirement.id}>
                    <strong>{shown(requirement.label)}</strong>
                    {requirement.missing ? `: ${shown(requirement.missing)}` : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>{fee}</p>
          <AppForm>
            <TickBox name="attest" label={t("application.attest")} state={failed} />
            <TickBox name="ethics" label={t("application.ethics")} state={failed} />
            <button type="submit" name="intent" value="submit">
              {t("application.submit")}
            </button>
          </AppForm>
        </>
      ) : null}
      {loaderData.snapshotHash ? <p className="muted hash">{t("application.snapshot", { hash: loaderData.snapshotHash })}</p> : null}
      {loaderData.status === "submitted" ? (
        <AppForm>
          <button type="submit" name="intent" value="withdraw" className="secondary-button">
            {t("application.withdraw")}
          </button>
        </AppForm>
      ) : null}
      {loaderData.exam ? <ExamRegistration exam={loaderData.exam} state={examFailed} /> : null}
      {loaderData.status === "deferred" || loaderData.status === "emerging" ? (
        <>
          <h2>{t("application.resubmitTitle")}</h2>
          <p>{t("application.resubmitHint")}</p>
          <AppForm>
            <button type="submit" name="intent" value="resubmit">
              {t("application.resubmit")}
            </button>
          </AppForm>
        </>
      ) : null}
      <h2>{t("letters.title")}</h2>
      {loaderData.letters.length === 0 ? <p className="muted">{t("letters.none")}</p> : null}
      <LetterList letters={loaderData.letters} />
      <ApplicationHistory history={loaderData.history} />
    </section>
  );
}
