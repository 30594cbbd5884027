import { Link } from "react-router";
import type { Route } from "./+types/hour-audit";
import { askAuditExtension } from "../../src/commands/ask-audit-extension.ts";
import { extensionRequestForm } from "../../src/forms/hour-audit-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { myHourAudit } from "../../src/queries/hour-audits.ts";
import { AskedExtension, AuditedEntry, auditedEntryLabel } from "../components/audited-entry.tsx";
import { AppForm, ErrorSummary, TextAreaField, TextField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { invalid, invalidForm, read, requireUser, run } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

/** The person's own part in an audit of their hours: the entries evidence is asked for, where to upload it, and a request for more time. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const user = requireUser(context);
  return read(context, (reader) => myHourAudit(reader, user, params.auditedId));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = requireUser(context);
  const audited = await read(context, (reader) => myHourAudit(reader, user, params.auditedId));
  const parsed = parseForm(extensionRequestForm, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const result = await run(context, askAuditExtension, { auditedId: audited.id, ...parsed.data });
  return result.ok ? { ok: true as const } : invalid(result.errors, parsed.values);
}

export default function HourAudit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const audit = loaderData;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const isWaiting = audit.extensions.some((extension) => extension.answer === null);
  const labels = { until: t("hourAudit.until"), reason: t("hourAudit.extensionReason") };
  return (
    <section className="narrow">
      <PageTitle title={t("hourAudit.yourTitle")} />
      <h1>{t("hourAudit.yourTitle")}</h1>
      <p>{t("hourAudit.yourIntro", { association: audit.association, period: audit.periodDue, due: audit.evidenceDue })}</p>
      {audit.isPastDue ? <p className="notice">{t("hourAudit.pastDue")}</p> : null}
      {audit.instructions ? (
        <>
          <h2>{t("hourAudit.fromAssociation")}</h2>
          <p>{audit.instructions}</p>
        </>
      ) : null}
      {audit.entries.length === 0 ? <p className="muted">{t("hourAudit.noEntries")}</p> : null}
      <ul className="entries">
        {audit.entries.map((entry) => {
          const description = auditedEntryLabel(t, entry);
          return (
            <li key={entry.id}>
              <AuditedEntry entry={entry} evidence={audit.evidence} />
              {entry.determination === null ? (
                <Link
                  to={`/portfolio/documents?about=${encodeURIComponent(entry.entryId)}&type=${entry.list === "training" ? "certificate" : "other"}`}
                  aria-label={`${t("hourAudit.upload")}: ${description}`}
                >
                  {t("hourAudit.upload")}
                </Link>
              ) : null}
            </li>
          );
        })}
      </ul>
      <h2>{t("hourAudit.askTitle")}</h2>
      <ul>
        {audit.extensions.map((extension) => (
          <li key={extension.id}>
            <AskedExtension extension={extension} />
          </li>
        ))}
      </ul>
      {actionData?.ok ? (
        <p role="status" className="notice">
          {t("hourAudit.asked")}
        </p>
      ) : null}
      <ErrorSummary state={failed} fieldLabels={labels} />
      {isWaiting ? null : (
        <>
          <AppForm>
            <TextField name="until" label={labels.until} state={failed} type="date" min={audit.evidenceDue} required />
            <TextAreaField name="reason" label={labels.reason} state={failed} rows={3} maxLength={2000} required />
            <button type="submit">{t("hourAudit.ask")}</button>
          </AppForm>
        </>
      )}
    </section>
  );
}
