import { z } from "zod";
import { findAdvisoryReviewForUpdate, insertAdvisoryComment } from "../data/advisory-reviews.ts";
import { adviceSections } from "../forms/advisory-forms.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

/** The assigned advisor comments on one section of the applicant's live portfolio, while the advisory review is open. */
export const commentOnPortfolio = defineCommand({
  name: "advisory.commented",
  actors: ["person"],
  input: z.object({ advisoryReviewId: z.string(), section: z.enum(adviceSections), body: z.string().min(1).max(4000) }),
  async run({ tx, actor, input }) {
    const review = await findAdvisoryReviewForUpdate(tx, input.advisoryReviewId);
    if (!review || review.advisor_user_id !== actor.userId) refuse({ form: "portfolio.notFound" });
    if (review.status !== "assigned") refuse({ body: "advisory.closed" });
    const id = await insertAdvisoryComment(tx, { advisoryReviewId: review.id, section: input.section, body: input.body });
    return done({ type: "advisory-review", id: review.id, associationId: review.association_id }, { commentId: id }, { commentId: id, section: input.section });
  },
});
