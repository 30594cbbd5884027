import { findApplicationForUpdate, insertApplicationEvent, insertReviewer, updateApplicationStatus } from "../data/applications.ts";
import { listRolesOfUserInAssociation } from "../data/association-roles.ts";
import { appendAudit } from "../data/audit-log.ts";
import type { SessionActor } from "../policies/actor.ts";
import { associationPolicy } from "../policies/association.ts";
import { type CommandContext, fail, ok, type Result } from "./command-context.ts";
import { notifyUser } from "./notify.ts";

/**
 * Staff give a submitted application to one of the association's reviewers, who may then read its
 * file and documents. The first assignment starts the review: the status becomes "in review" (the
 * applicant can no longer withdraw) and the applicant is told.
 */
export async function assignReviewer(
  context: CommandContext,
  actor: SessionActor,
  input: { association: { id: string; slug: string }; applicationId: string; reviewerUserId: string },
): Promise<Result<{ isNew: boolean }>> {
  return context.db.transaction().execute(async (tx) => {
    const application = await findApplicationForUpdate(tx, input.applicationId);
    if (!application || application.association_id !== input.association.id || !associationPolicy.actAsStaff(actor, input.association)) return fail<{ isNew: boolean }>({ form: "portfolio.notFound" });
    if (application.status !== "submitted" && application.status !== "in-review") return fail<{ isNew: boolean }>({ reviewer: "review.notOpen" });
    if (input.reviewerUserId === application.user_id) return fail<{ isNew: boolean }>({ reviewer: "review.ownApplication" });
    const roles = await listRolesOfUserInAssociation(tx, input.reviewerUserId, input.association.id);
    if (!roles.includes("reviewer")) return fail<{ isNew: boolean }>({ reviewer: "review.notReviewer" });
    const isNew = await insertReviewer(tx, { applicationId: application.id, reviewerUserId: input.reviewerUserId, assignedByUserId: actor.userId });
    if (!isNew) return ok({ isNew });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      associationId: application.association_id,
      action: "application.reviewer-assigned",
      subjectType: "application",
      subjectId: application.id,
      details: { reviewerUserId: input.reviewerUserId },
    });
    const path = `/a/${input.association.slug}/applications/${application.id}`;
    await notifyUser(tx, context, input.reviewerUserId, "reviewer-assigned", { en: "An application was assigned to you for review.", es: "Se le asignó una solicitud para revisar." }, path);
    if (application.status === "submitted") {
      await updateApplicationStatus(tx, application.id, "in-review", context.now());
      await insertApplicationEvent(tx, application.id, "in-review", actor.userId);
      await notifyUser(tx, context, application.user_id, "application-in-review", { en: "A reviewer has started on your application.", es: "Una persona revisora comenzó a revisar su solicitud." }, `/applications/${application.id}`);
    }
    return ok({ isNew });
  });
}
