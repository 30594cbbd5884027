import { redirect } from "react-router";
import type { Route } from "./+types/advisory-review";
import { commentOnPortfolio } from "../../src/commands/comment-on-portfolio.ts";
import { completeAdvisoryReview } from "../../src/commands/complete-advisory-review.ts";
import { advisoryAction } from "../../src/forms/advisory-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { translator } from "../../src/i18n/translate.ts";
import { advisoryFile } from "../../src/queries/advisory.ts";
import { AdviceList } from "../components/advice-list.tsx";
import { AppForm, ErrorSummary, TextAreaField, TextField, type FormState } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { describeEntry } from "../lib/describe-entry.server.ts";
import { invalid, invalidForm, read, requestState, requireUser, run } from "../lib/route-context.server.ts";
import { useLocale, useTranslate } from "../lib/use-translate.ts";

/**
 * The advisor's page of an advisory review: the applicant's live portfolio, read-only, with a
 * comment form under each section, and the form that finishes the review with its hours.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  const { sections, ...file } = await read(context, advisoryFile, params.id);
  const t = translator(requestState(context).locale);
  const notice = new URL(request.url).searchParams.get("done");
  return {
    ...file,
    notice: notice === "comment" || notice === "complete" ? notice : null,
    sections: sections.map((section) => ({
      ...section,
      entries: section.entries.map((entry) => ({ id: entry.id, summary: describeEntry(section.id, entry.fields, t) })),
    })),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requireUser(context);
  await read(context, advisoryFile, params.id);
  const parsed = parseForm(advisoryAction, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const input = parsed.data;
  const result =
    input.intent === "comment"
      ? await run(context, commentOnPortfolio, { advisoryReviewId: params.id, section: input.section, body: input.body })
      : await run(context, completeAdvisoryReview, { advisoryReviewId: params.id, hours: input.hours });
  if (!result.ok) return invalid(result.errors, parsed.values);
  throw redirect(`/advisory/${params.id}?done=${input.intent}${input.intent === "comment" ? `#part-${input.section}` : ""}`);
}

export default function AdvisoryReview({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const title = t("advisory.fileTitle", { applicant: loaderData.applicant, category: loaderData.category[locale] });
  const failed = actionData && "errors" in actionData ? actionData : undefined;
  const parts = [
    ...loaderData.sections.map((section) => ({
      id: section.id,
      title: t(section.title),
      lines: section.entries.map((entry) => ({ id: entry.id, text: entry.summary })),
    })),
    {
      id: "references",
      title: t("advisory.section.references"),
      lines: loaderData.references.map((reference) => ({
        id: reference.id,
        text: `${reference.name ? `${reference.name}, ` : ""}${t(`role.${reference.role}`)}${reference.completed ? ` · ${reference.completed}` : ""}`,
      })),
    },
    { id: "statement", title: t("advisory.section.statement"), lines: loaderData.statement ? [{ id: "statement", text: loaderData.statement }] : [] },
    { id: "general", title: t("advisory.section.general"), lines: [] },
  ];
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      {loaderData.notice ? (
        <p role="status" className="notice">
          {t(loaderData.notice === "comment" ? "advisory.commented" : "advisory.completedNotice")}
        </p>
      ) : null}
      <p className="muted">{t("advisory.readOnly")}</p>
      {loaderData.question ? <p className="statement">{t("advisory.applicantQuestion", { question: loaderData.question })}</p> : null}
      <ErrorSummary
        state={summaryOf(failed)}
        fieldLabels={{ [`body-${String(failed?.values.section)}`]: t("advisory.commentButton"), hours: t("advisory.hours") }}
      />
      {parts.map((part) => (
        <section key={part.id} id={`part-${part.id}`} aria-labelledby={`heading-${part.id}`} className="portfolio-section">
          <h2 id={`heading-${part.id}`}>{part.title}</h2>
          {part.lines.length === 0 && part.id !== "general" ? <p className="muted">{t("review.nothing")}</p> : null}
          <ul className="entries">
            {part.lines.map((line) => (
              <li key={line.id} className={part.id === "statement" ? "statement" : undefined}>
                {line.text}
              </li>
            ))}
          </ul>
          <AdviceList comments={loaderData.comments[part.id]} />
          {loaderData.canComment ? <CommentForm section={part.id} title={part.title} state={failed?.values.section === part.id ? failed : undefined} /> : null}
        </section>
      ))}
      {loaderData.canComment ? (
        <section aria-labelledby="heading-complete">
          <h2 id="heading-complete">{t("advisory.complete")}</h2>
          <AppForm>
            <input type="hidden" name="intent" value="complete" />
            <TextField name="hours" label={t("advisory.hours")} state={failed?.values.intent === "complete" ? failed : undefined} inputMode="decimal" />
            <button type="submit">{t("advisory.completeButton")}</button>
          </AppForm>
        </section>
      ) : null}
    </section>
  );
}

/** The comment's error under the id of the section's field, so the summary's link reaches it. */
function summaryOf(failed: FormState) {
  if (!failed?.errors || typeof failed.values?.section !== "string") return failed;
  const section = failed.values.section;
  return { ...failed, errors: Object.fromEntries(Object.entries(failed.errors).map(([field, key]) => [field === "body" ? `body-${section}` : field, key])) };
}

/** One section's comment form; the field's id carries the section, as every section has one on the page. */
function CommentForm({ section, title, state }: { section: string; title: string; state: FormState }) {
  const t = useTranslate();
  return (
    <AppForm>
      <input type="hidden" name="intent" value="comment" />
      <input type="hidden" name="section" value={section} />
      <TextAreaField name="body" idKey={`body-${section}`} label={t("advisory.commentLabel", { section: title })} state={state} rows={3} />
      <button type="submit">{t("advisory.commentButton")}</button>
    </AppForm>
  );
}
