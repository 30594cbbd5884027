import { z } from "zod";
import { insertReviewer } from "../data/applications.ts";
import { listRolesOfUserInAssociation } from "../data/association-roles.ts";
import { openForReview } from "../domain/application-lifecycle.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";
import { assertMayReview } from "./guards/assert-may-review.ts";
import { assertStaffApplication } from "./guards/lock-application.ts";
import { assertNoConflict } from "./guards/reviewer-conflicts.ts";
import { startReview } from "./shared/start-review.ts";

/**
 * Staff give a submitted application to one of the association's reviewers, who may then read its
 * file and documents. The first assignment starts the review: the status becomes "in review" (the
 * applicant can no longer withdraw) and the applicant is told.
 */
export const assignReviewer = defineCommand({
  name: "application.reviewer-assigned",
  actors: ["person"],
  input: z.object({ associationId: z.string(), associationSlug: z.string(), applicationId: z.string(), reviewerUserId: z.string() }),
  async run({ tx, actor, input, now, notify, context }) {
    const application = await assertStaffApplication(tx, actor, input.applicationId, input.associationId);
    if (!openForReview.includes(application.status)) refuse({ reviewer: "review.notOpen" });
    if (input.reviewerUserId === application.user_id) refuse({ reviewer: "review.ownApplication" });
    const roles = await listRolesOfUserInAssociation(tx, input.reviewerUserId, application.association_id);
    if (!roles.includes("reviewer")) refuse({ reviewer: "review.notReviewer" });
    await assertMayReview(tx, context.frameworks, application, input.reviewerUserId, now);
    await assertNoConflict(tx, application, input.reviewerUserId);
    const isNew = await insertReviewer(tx, { applicationId: application.id, reviewerUserId: input.reviewerUserId, assignedByUserId: actor.userId });
    if (!isNew) return unchanged<{ isNew: boolean }>({ isNew });
    const path = `/a/${input.associationSlug}/applications/${application.id}`;
    await notify(input.reviewerUserId, "reviewer-assigned", { key: "notice.reviewerAssigned" }, path);
    const details = { reviewerUserId: input.reviewerUserId, ...(await startReview({ tx, now, notify }, application)) };
    return done({ type: "application", id: application.id, associationId: application.association_id }, { isNew }, details);
  },
});
