import { findApplicationForUpdate } from "../data/applications.ts";
import { appendAudit } from "../data/audit-log.ts";
import { findPortfolioForUpdate, writePortfolio } from "../data/portfolios.ts";
import type { SessionActor } from "../policies/actor.ts";
import { associationPolicy } from "../policies/association.ts";
import { type CommandContext, fail, ok, type Result } from "./command-context.ts";
import { notifyUser } from "./notify.ts";

/** Staff record that the application fee was paid (by check, purchase order or card elsewhere). */
export async function markFeePaid(context: CommandContext, actor: SessionActor, applicationId: string): Promise<Result<null>> {
  return context.db.transaction().execute(async (tx) => {
    const application = await findApplicationForUpdate(tx, applicationId);
    if (!application || !associationPolicy.actAsStaff(actor, { id: application.association_id })) return fail<null>({ form: "portfolio.notFound" });
    if (application.fee_paid_at) return ok(null);
    await tx.updateTable("applications").set({ fee_paid_at: context.now(), updated_at: context.now() }).where("id", "=", application.id).execute();
    await appendAudit(tx, { actorUserId: actor.userId, associationId: application.association_id, action: "application.fee-paid", subjectType: "application", subjectId: application.id, details: { cents: application.fee_cents } });
    await notifyUser(tx, context, application.user_id, "application-fee-paid", { en: "Your association recorded your application fee as paid.", es: "Su asociación registró el pago de su cuota de solicitud." }, `/applications/${application.id}`);
    return ok(null);
  });
}

/** Staff record that the official transcripts arrived: the applicant's education entries say so from now on. */
export async function markTranscriptsReceived(context: CommandContext, actor: SessionActor, applicationId: string): Promise<Result<null>> {
  return context.db.transaction().execute(async (tx) => {
    const application = await findApplicationForUpdate(tx, applicationId);
    if (!application || !associationPolicy.actAsStaff(actor, { id: application.association_id })) return fail<null>({ form: "portfolio.notFound" });
    const portfolio = await findPortfolioForUpdate(tx, application.user_id);
    const education = portfolio.education.map((entry) => ({ ...entry, officialTranscript: true }));
    await writePortfolio(tx, application.user_id, { ...portfolio, education }, context.now());
    await appendAudit(tx, { actorUserId: actor.userId, associationId: application.association_id, action: "application.transcripts-received", subjectType: "application", subjectId: application.id });
    await notifyUser(tx, context, application.user_id, "transcripts-received", { en: "Your association received your official transcripts.", es: "Su asociación recibió sus certificados oficiales de notas." }, "/progress");
    return ok(null);
  });
}
