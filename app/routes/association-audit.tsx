import type { Route } from "./+types/association-audit";
import { answerAuditExtension } from "../../src/commands/answer-audit-extension.ts";
import { determineAuditedEntry } from "../../src/commands/determine-audited-entry.ts";
import { determinationForm, extensionAnswerForm } from "../../src/forms/hour-audit-forms.ts";
import { pageQuery, parseListQuery } from "../../src/forms/list-filters.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { staffHourAuditPage } from "../../src/queries/hour-audits.ts";
import { AskedExtension, AuditedEntry } from "../components/audited-entry.tsx";
import { AppForm, ErrorSummary, Field, type FormState, SelectField, TextAreaField, TextField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { MisreadNotice, Pager } from "../components/pager.tsx";
import { invalid, invalidForm, read, requireUser, run } from "../lib/route-context.server.ts";
import { associationForStaff } from "../lib/staff-pages.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

/** One audit for staff: a page of its people, each with the entries asked for, the evidence sent, determinations and requests for more time. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  const page = await read(context, staffHourAuditPage, params.slug, params.auditId, parseListQuery(pageQuery, request.url));
  return { ...page, created: new URL(request.url).searchParams.has("created") };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const association = await associationForStaff(context, params.slug);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "determine") {
    const parsed = parseForm(determinationForm, form);
    if (!parsed.ok) return invalidForm(parsed);
    const result = await run(context, determineAuditedEntry, { associationId: association.id, ...parsed.data });
    return result.ok ? { ok: true as const } : invalid(result.errors, parsed.values);
  }
  if (intent === "answer-extension") {
    const parsed = parseForm(extensionAnswerForm, form);
    if (!parsed.ok) return invalidForm(parsed);
    const result = await run(context, answerAuditExtension, { associationId: association.id, ...parsed.data });
    return result.ok ? { ok: true as const } : invalid(result.errors, parsed.values);
  }
  return invalid({ form: "error.unknownAction" }, {});
}

type Loaded = Route.ComponentProps["loaderData"];
type Person = Loaded["people"][number];

/** The answer that came back for the form of `field` = `id` (one form per row): its errors and what was typed show only there. */
function stateOf(actionData: Route.ComponentProps["actionData"], field: string, id: string): FormState {
  return actionData && !actionData.ok && actionData.values[field] === id ? actionData : undefined;
}

function Entries({ person, actionData }: { person: Person; actionData: Route.ComponentProps["actionData"] }) {
  const t = useTranslate();
  if (person.entries.length === 0) return <p className="muted">{t("hourAudit.noEntries")}</p>;
  return (
    <ul className="entries">
      {person.entries.map((entry) => {
        const state = stateOf(actionData, "requestedId", entry.id);
        return (
          <li key={entry.id}>
            <AuditedEntry entry={entry} evidence={person.evidence} />
            <ErrorSummary
              state={state}
              fieldLabels={{ determination: t("hourAudit.determination"), reason: t("hourAudit.reason"), hoursAllowed: t("hourAudit.hoursAllowed") }}
              idSuffix={entry.id}
            />
            <AppForm>
              <input type="hidden" name="intent" value="determine" />
              <input type="hidden" name="requestedId" value={entry.id} />
              <SelectField
                name="determination"
                idKey={`determination-${entry.id}`}
                label={t("hourAudit.determination")}
                state={state}
                defaultValue={entry.determination ?? "accepted"}
                options={[
                  { value: "accepted", label: t("hourAudit.accept") },
                  { value: "disallowed", label: t("hourAudit.disallow") },
                ]}
              />
              <TextAreaField
                name="reason"
                idKey={`reason-${entry.id}`}
                label={t("hourAudit.reason")}
                state={state}
                defaultValue={entry.reason ?? ""}
                rows={2}
                maxLength={2000}
              />
              <TextField
                name="hoursAllowed"
                idKey={`hoursAllowed-${entry.id}`}
                label={t("hourAudit.hoursAllowed")}
                hint={t("hourAudit.hoursAllowedHint")}
                state={state}
                defaultValue={entry.hoursAllowed === null ? "" : String(entry.hoursAllowed)}
                inputMode="decimal"
                maxLength={20}
              />
              <button type="submit">{t("hourAudit.record")}</button>
            </AppForm>
          </li>
        );
      })}
    </ul>
  );
}

function Extensions({ person, actionData }: { person: Person; actionData: Route.ComponentProps["actionData"] }) {
  const t = useTranslate();
  return (
    <ul>
      {person.extensions.map((extension) => {
        const state = stateOf(actionData, "extensionId", extension.id);
        const error = state?.errors?.grantedUntil;
        return (
          <li key={extension.id}>
            <p>
              <AskedExtension extension={extension} />
            </p>
            {extension.answer === null ? (
              <>
                <ErrorSummary
                  state={state}
                  fieldLabels={{ answer: t("hourAudit.answer"), grantedUntil: t("hourAudit.grantedUntil") }}
                  idSuffix={extension.id}
                />
                <AppForm>
                  <input type="hidden" name="intent" value="answer-extension" />
                  <input type="hidden" name="extensionId" value={extension.id} />
                  <SelectField
                    name="answer"
                    idKey={`answer-${extension.id}`}
                    label={t("hourAudit.answer")}
                    state={state}
                    options={[
                      { value: "granted", label: t("hourAudit.grant") },
                      { value: "denied", label: t("hourAudit.deny") },
                    ]}
                  />
                  <Field name={`grantedUntil-${extension.id}`} label={t("hourAudit.grantedUntil")} error={error ? t(error) : undefined}>
                    <input
                      id={`field-grantedUntil-${extension.id}`}
                      name="grantedUntil"
                      type="date"
                      defaultValue={typeof state?.values?.grantedUntil === "string" ? state.values.grantedUntil : extension.until}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `error-grantedUntil-${extension.id}` : undefined}
                    />
                  </Field>
                  <button type="submit">{t("hourAudit.sendAnswer")}</button>
                </AppForm>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export default function AssociationAudit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const { association, audit } = loaderData;
  const title = `${association.name}: ${t("hourAudit.title", { period: audit.periodDue })}`;
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      {loaderData.created ? (
        <p role="status" className="notice">
          {t("hourAudit.created")}
        </p>
      ) : null}
      {actionData?.ok ? (
        <p role="status" className="notice">
          {t("hourAudit.saved")}
        </p>
      ) : null}
      {actionData && !actionData.ok && actionData.errors.form ? <ErrorSummary state={actionData} fieldLabels={{}} /> : null}
      <p>{audit.selection === "sample" ? t("hourAudits.selection.sample", { percent: audit.percent ?? 0 }) : t("hourAudits.selection.picked")}</p>
      {audit.instructions ? <p className="muted">{audit.instructions}</p> : null}
      <MisreadNotice page={loaderData.page} />
      {loaderData.people.map((person) => (
        <article key={person.id}>
          <h2>{`${person.name} (${person.email})`}</h2>
          <p>{t("hourAudit.evidenceDueOn", { date: person.evidenceDue })}</p>
          <Extensions person={person} actionData={actionData} />
          <Entries person={person} actionData={actionData} />
        </article>
      ))}
      <Pager page={loaderData.page} label={t("pager.pagesOf", { list: t("hourAudits.title") })} />
    </section>
  );
}
