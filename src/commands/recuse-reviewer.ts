import { z } from "zod";
import { deleteReviewer, isAssignedReviewer } from "../data/applications.ts";
import { findAssociationById } from "../data/associations.ts";
import { findUserById } from "../data/users.ts";
import { recuseForm } from "../forms/conflict-forms.ts";
import { noticeMail } from "../mail/templates.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { lockApplication } from "./guards/lock-application.ts";

/**
 * An assigned reviewer steps down from an application, saying why: the assignment ends (the file
 * closes to them) and staff are told, the one who assigned them in their inbox and the
 * association by its contact address, so someone else can be assigned.
 */
export const recuseReviewer = defineCommand({
  name: "application.reviewer-recused",
  actors: ["person"],
  input: z.object({ applicationId: z.string() }).and(recuseForm),
  async run({ tx, actor, input, notify, mail, context }) {
    const application = await lockApplication(tx, input.applicationId);
    // Anyone not assigned learns nothing about the application, as when reading its file.
    if (!(await isAssignedReviewer(tx, application.id, actor.userId))) refuse({ form: "portfolio.notFound" });
    const assignment = (await deleteReviewer(tx, application.id, actor.userId)) ?? refuse({ form: "portfolio.notFound" });
    const association = (await findAssociationById(tx, application.association_id)) ?? refuse({ form: "portfolio.notFound" });
    const reviewer = await findUserById(tx, actor.userId);
    const what = { key: "notice.reviewerRecused", values: { reviewer: reviewer?.name ?? "", reason: input.reason } } as const;
    const path = `/a/${association.slug}/applications/${application.id}`;
    if (assignment.assigned_by_user_id) await notify(assignment.assigned_by_user_id, "reviewer-recused", what, path, association.locale);
    await mail({
      kind: "reviewer-recused",
      userId: null,
      to: association.contact_email,
      ...noticeMail(association.locale, association.name, what, `${context.baseUrl}${path}`),
    });
    return done({ type: "application", id: application.id, associationId: application.association_id }, null, {
      reviewerUserId: actor.userId,
      reason: input.reason,
    });
  },
});
