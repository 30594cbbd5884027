import { data } from "react-router";
import type { Route } from "./+types/confirm-entries";
import { answerConfirmations } from "../../src/commands/answer-confirmations.ts";
import { answerField, noteField, parseEntryAnswers } from "../../src/forms/confirm-entries-form.ts";
import type { FormValues } from "../../src/forms/parse-form.ts";
import { type Translate, translator } from "../../src/i18n/translate.ts";
import { confirmEntriesPage, linkHolder } from "../../src/queries/links.ts";
import { ClosedLink } from "../components/closed-link.tsx";
import { AppForm, ErrorSummary, type FormState } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { describeEntry } from "../lib/describe-entry.server.ts";
import { requestState, run, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";
import { noScript } from "../lib/page-handle.ts";

/** Works as plain HTML: sent with no script (decision 022). */
export const handle = noScript;

/** A provider or supervisor confirms, through one emailed link, every entry it was sent for (decision 020); the token is the permission. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const page = await confirmEntriesPage(services(context), params.token);
  const t = translator(requestState(context).locale);
  return { ...page, entries: page.entries.map((entry) => ({ ...entry, summary: describeRow(entry, t) })) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const [holder, page, form] = await Promise.all([
    linkHolder(services(context), "confirm-entries", params.token),
    confirmEntriesPage(services(context), params.token),
    request.formData(),
  ]);
  // A link that is no longer open says so, whatever was posted (the loader reads its state again).
  if (page.state !== "open") return { recorded: false as const };
  const parsed = parseEntryAnswers(
    form,
    page.entries.map((entry) => entry.id),
  );
  if (!parsed.ok) return data({ recorded: false as const, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await run(context, answerConfirmations, { answers: parsed.data }, holder);
  return result.ok ? { recorded: true as const, ...result.value } : { recorded: false as const };
}

type Row = Awaited<ReturnType<typeof confirmEntriesPage>>["entries"][number];

/** An RS/C session by what the provider checks (date, hours, format and group size); a job by its first fields. */
function describeRow(row: Row, t: Translate): string {
  if (row.sectionId !== "reflective-supervision") return describeEntry(row.sectionId, row.fields, t);
  const { date, hours, format, groupSize } = row.fields;
  const group =
    format === "group"
      ? `${t("portfolio.group")}${groupSize ? ` (${t("confirmEntries.groupOf", { count: String(groupSize) })})` : ""}`
      : t("portfolio.individual");
  return [date, `${String(hours)} h`, group].join(" · ");
}

function choiceOf(values: FormValues | undefined, entryId: string): string {
  const value = values?.[answerField(entryId)];
  return typeof value === "string" ? value : "yes";
}

export default function ConfirmEntries({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  if (actionData?.recorded) {
    return (
      <section className="narrow">
        <PageTitle title={t("verify.thanks")} />
        <h1>{t("verify.thanks")}</h1>
        <p role="status">{t("confirmEntries.thanks", { confirmed: actionData.confirmed, total: actionData.total })}</p>
      </section>
    );
  }
  if (loaderData.state !== "open") return <ClosedLink state={loaderData.state} />;
  const title = t("confirmEntries.pageTitle", { name: loaderData.applicant });
  const { entries } = loaderData;
  const failed: FormState = actionData && "errors" in actionData ? actionData : undefined;
  const described = entries.map((row) => ({ row, text: row.summary }));
  const fieldLabels = Object.fromEntries(
    described.flatMap(({ row, text }) => [
      [noteField(row.id), `${text}: ${t("confirmEntries.note")}`],
      [answerField(row.id), text],
    ]),
  );
  return (
    <section className="narrow">
      <PageTitle title={title} />
      <h1>{title}</h1>
      <ErrorSummary state={failed} fieldLabels={fieldLabels} />
      {entries.length === 0 ? (
        <p>{t("confirmEntries.nothingLeft")}</p>
      ) : (
        <>
          <p>{t("confirmEntries.intro", { name: loaderData.applicant, count: entries.length })}</p>
          <ul>
            {described.map(({ row, text }) => (
              <li key={row.id}>{text}</li>
            ))}
          </ul>
          <AppForm>
            <p className="hint" id="confirm-all-hint">
              {t("confirmEntries.allHint")}
            </p>
            <button type="submit" name="intent" value="all" aria-describedby="confirm-all-hint">
              {t("confirmEntries.all", { count: entries.length })}
            </button>
          </AppForm>
          <h2>{t("confirmEntries.eachHeading")}</h2>
          <p className="hint">{t("confirmEntries.eachHint")}</p>
          <AppForm>
            {described.map(({ row, text }) => {
              const noteError = failed?.errors?.[noteField(row.id)];
              const answerError = failed?.errors?.[answerField(row.id)];
              const choice = choiceOf(failed?.values, row.id);
              const note = failed?.values?.[noteField(row.id)];
              return (
                <fieldset key={row.id} className={noteError || answerError ? "field field-invalid" : "field"}>
                  <legend>{text}</legend>
                  {answerError ? (
                    <p className="field-error" id={`error-${answerField(row.id)}`}>
                      {t(answerError)}
                    </p>
                  ) : null}
                  {(["yes", "no"] as const).map((value) => (
                    <div key={value} className="field-check">
                      <input
                        id={value === "yes" ? `field-${answerField(row.id)}` : `field-${answerField(row.id)}-no`}
                        type="radio"
                        name={answerField(row.id)}
                        value={value}
                        defaultChecked={choice === value}
                      />
                      <label htmlFor={value === "yes" ? `field-${answerField(row.id)}` : `field-${answerField(row.id)}-no`}>
                        {t(value === "yes" ? "confirmEntries.right" : "confirmEntries.notRight")}
                      </label>
                    </div>
                  ))}
                  <label htmlFor={`field-${noteField(row.id)}`}>{t("confirmEntries.note")}</label>
                  {noteError ? (
                    <p className="field-error" id={`error-${noteField(row.id)}`}>
                      {t(noteError)}
                    </p>
                  ) : null}
                  <textarea
                    id={`field-${noteField(row.id)}`}
                    name={noteField(row.id)}
                    rows={2}
                    defaultValue={typeof note === "string" ? note : ""}
                    aria-invalid={noteError ? true : undefined}
                    aria-describedby={noteError ? `error-${noteField(row.id)}` : undefined}
                  />
                </fieldset>
              );
            })}
            <button type="submit" name="intent" value="each">
              {t("confirmEntries.send")}
            </button>
          </AppForm>
        </>
      )}
    </section>
  );
}
