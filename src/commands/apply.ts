import { createHash } from "node:crypto";
import {
  findApplicationForUpdate,
  insertApplication,
  insertApplicationEvent,
  insertSnapshot,
  updateApplicationStatus,
} from "../data/applications.ts";
import { appendAudit } from "../data/audit-log.ts";
import { findAssociationById } from "../data/associations.ts";
import { enqueueMail } from "../data/outbox.ts";
import { findPortfolioForUpdate, writePortfolio } from "../data/portfolios.ts";
import { evaluate } from "../domain/evaluate.ts";
import type { Category, Framework } from "../domain/framework-schema.ts";
import { noticeMail } from "../mail/templates.ts";
import { type CommandContext, fail, ok, type Result } from "./command-context.ts";
import { notifyUser } from "./notify.ts";

type Applicant = { userId: string };

/** Opens a draft application for a category of one of the association's frameworks, with the association's fee. */
export async function startApplication(
  context: CommandContext,
  applicant: Applicant,
  input: { associationId: string; framework: Framework; category: Category },
): Promise<{ applicationId: string }> {
  return context.db.transaction().execute(async (tx) => {
    const association = await findAssociationById(tx, input.associationId);
    const { id } = await insertApplication(tx, {
      userId: applicant.userId,
      associationId: input.associationId,
      frameworkId: input.framework.id,
      categoryId: input.category.id,
      feeCents: association?.application_fee_cents ?? null,
    });
    await insertApplicationEvent(tx, id, "draft", applicant.userId);
    await appendAudit(tx, { actorUserId: applicant.userId, associationId: input.associationId, action: "application.started", subjectType: "application", subjectId: id, details: { category: input.category.id } });
    return { applicationId: id };
  });
}

/**
 * The frozen copy's fingerprint: SHA-256 of its canonical JSON (keys sorted, as PostgreSQL's
 * jsonb stores them in its own order), so anyone can check later that a snapshot was not changed.
 */
export function fingerprint(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Submits: signs the code of ethics, freezes the portfolio and the engine's report as they are
 * now (later edits do not change what is reviewed), records the status and the audit entry, and
 * writes the mails; all in one transaction, so a crash leaves a draft or a whole submission.
 */
export async function submitApplication(
  context: CommandContext,
  applicant: Applicant,
  input: { applicationId: string; framework: Framework; category: Category; attests: boolean; signsEthics: boolean },
): Promise<Result<{ status: string }>> {
  if (!input.attests || !input.signsEthics) return fail({ ...(input.attests ? {} : { attest: "error.required" }), ...(input.signsEthics ? {} : { ethics: "error.required" }) });
  const now = context.now();
  const today = now.toISOString().slice(0, 10);
  return context.db.transaction().execute(async (tx) => {
    const application = await findApplicationForUpdate(tx, input.applicationId);
    if (!application || application.user_id !== applicant.userId) return fail<{ status: string }>({ form: "portfolio.notFound" });
    if (application.status !== "draft") return fail<{ status: string }>({ form: "application.notDraft" });
    const current = await findPortfolioForUpdate(tx, applicant.userId);
    const portfolio = { ...current, attestations: { ...current.attestations, codeOfEthicsSigned: today } };
    await writePortfolio(tx, applicant.userId, portfolio, now);
    const report = evaluate(input.framework, input.category, portfolio, today);
    await insertSnapshot(tx, { applicationId: application.id, portfolio, report, sha256: fingerprint({ portfolio, report }) });
    await updateApplicationStatus(tx, application.id, "submitted", now, { attested_at: now, submitted_at: now });
    await insertApplicationEvent(tx, application.id, "submitted", applicant.userId);
    await appendAudit(tx, {
      actorUserId: applicant.userId,
      associationId: application.association_id,
      action: "application.submitted",
      subjectType: "application",
      subjectId: application.id,
      details: { category: input.category.id, engineStatus: report.status },
    });
    const association = await findAssociationById(tx, application.association_id);
    const name = input.category.name;
    const submitted = { en: `Your application for ${name.en} was submitted to ${association?.name}.`, es: `Su solicitud para ${name.es} se envió a ${association?.name}.` };
    const person = await notifyUser(tx, context, applicant.userId, "application-submitted", submitted, `/applications/${application.id}`);
    if (association) {
      const what = { en: `${person?.name} submitted an application for ${name.en}.`, es: `${person?.name} envió una solicitud para ${name.es}.` };
      await enqueueMail(tx, { kind: "application-received", userId: null, to: association.contact_email, ...noticeMail(association.locale, association.name, what, `${context.baseUrl}/a/${association.slug}`) });
    }
    return ok({ status: "submitted" });
  });
}

/** Withdraws an application that no reviewer has taken up yet. */
export async function withdrawApplication(context: CommandContext, applicant: Applicant, applicationId: string): Promise<Result<null>> {
  return context.db.transaction().execute(async (tx) => {
    const application = await findApplicationForUpdate(tx, applicationId);
    if (!application || application.user_id !== applicant.userId) return fail<null>({ form: "portfolio.notFound" });
    if (application.status !== "submitted" && application.status !== "draft") return fail<null>({ form: "application.cannotWithdraw" });
    await updateApplicationStatus(tx, application.id, "withdrawn", context.now());
    await insertApplicationEvent(tx, application.id, "withdrawn", applicant.userId);
    await appendAudit(tx, { actorUserId: applicant.userId, associationId: application.association_id, action: "application.withdrawn", subjectType: "application", subjectId: application.id });
    await notifyUser(tx, context, applicant.userId, "application-withdrawn", { en: "Your application was withdrawn.", es: "Su solicitud fue retirada." }, `/applications/${application.id}`);
    return ok(null);
  });
}
