import { z } from "zod";
import { setAdvisoryAdvisor, findAdvisoryReviewForUpdate } from "../data/advisory-reviews.ts";
import { listRolesOfUserInAssociation } from "../data/association-roles.ts";
import { findUserById } from "../data/users.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

/**
 * Staff name the advisor of a requested advisory review: someone holding a role other than member
 * in the association, not the applicant. The advisor and the applicant are told.
 */
export const assignAdvisoryReviewer = defineCommand({
  name: "advisory.advisor-assigned",
  actors: ["person"],
  input: z.object({ advisoryReviewId: z.string(), advisorUserId: z.string() }),
  async run({ tx, actor, input, now, notify }) {
    const review = await findAdvisoryReviewForUpdate(tx, input.advisoryReviewId);
    if (!review || !associationPolicy.actAsStaff(actor, { id: review.association_id })) refuse({ form: "portfolio.notFound" });
    if (review.status !== "requested") refuse({ form: "advisory.alreadyAssigned" });
    const advisor = await findUserById(tx, input.advisorUserId);
    const roles = advisor ? await listRolesOfUserInAssociation(tx, advisor.id, review.association_id) : [];
    if (!advisor || advisor.id === review.applicant_user_id || !roles.some((role) => role !== "member"))
      refuse({ advisor: "candidacy.advisorNotInAssociation" });
    await setAdvisoryAdvisor(tx, review.id, advisor.id, now);
    await notify(advisor.id, "advisory-assigned", { key: "notice.advisoryAssignedToYou", values: {} }, `/advisory/${review.id}`);
    await notify(review.applicant_user_id, "advisory-advisor", { key: "notice.advisorAssigned", values: { advisor: advisor.name } }, "/advisory");
    return done({ type: "advisory-review", id: review.id, associationId: review.association_id }, null, {
      advisor: advisor.id,
      from: "requested",
      to: "assigned",
    });
  },
});
