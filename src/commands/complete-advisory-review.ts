import { z } from "zod";
import { markAdvisoryCompleted, findAdvisoryReviewForUpdate } from "../data/advisory-reviews.ts";
import { findAssociationById } from "../data/associations.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { creditServiceHours } from "./shared/credit-service-hours.ts";

/**
 * The advisor finishes an advisory review, saying how long it took: the applicant is told, and the
 * hours are credited to the advisor's portfolio as service (renewal counts them up to its limit).
 */
export const completeAdvisoryReview = defineCommand({
  name: "advisory.completed",
  actors: ["person"],
  input: z.object({ advisoryReviewId: z.string(), hours: z.number().min(0.25).max(40) }),
  async run({ tx, actor, input, now, today, notify }) {
    const review = await findAdvisoryReviewForUpdate(tx, input.advisoryReviewId);
    if (!review || review.advisor_user_id !== actor.userId) refuse({ form: "portfolio.notFound" });
    if (review.status !== "assigned") refuse({ hours: "advisory.closed" });
    const association = (await findAssociationById(tx, review.association_id)) ?? refuse({ form: "portfolio.notFound" });
    await markAdvisoryCompleted(tx, review.id, input.hours, now);
    await creditServiceHours(
      tx,
      actor.userId,
      { workId: `advisory-${review.id}`, role: "application-advisor", date: today(association.time_zone), hours: input.hours },
      now,
    );
    await notify(review.applicant_user_id, "advisory-completed", { key: "notice.advisoryCompleted", values: {} }, "/portfolio", association.locale);
    return done({ type: "advisory-review", id: review.id, associationId: review.association_id }, null, {
      hours: input.hours,
      from: "assigned",
      to: "completed",
    });
  },
});
