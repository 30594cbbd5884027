import { z } from "zod";
import { findAssociationById } from "../data/associations.ts";
import { saveReview } from "../data/reviews.ts";
import { keptAnswers, reviewProblems } from "../domain/review-checklist.ts";
import { outcomesFor } from "../domain/review-outcomes.ts";
import { reviewAnswersInput } from "../forms/review-form.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertReviewing } from "./guards/assert-reviewing.ts";
import { creditServiceHours } from "./shared/credit-service-hours.ts";
import { startReview } from "./shared/start-review.ts";

/**
 * An assigned reviewer submits their review of the current version of the file: every requirement
 * answered (an override with its reason), every judged item scored, an outcome recommended, the
 * hours given. It is locked from then on, and the hours are credited to the reviewer's portfolio as
 * service (renewal counts them up to the framework's limit).
 */
export const submitReview = defineCommand({
  name: "review.submitted",
  actors: ["person"],
  input: z.object({ applicationId: z.string() }).and(reviewAnswersInput),
  async run({ tx, actor, input, now, notify, context, today }) {
    const reviewing = await assertReviewing(tx, context, actor, input.applicationId);
    const { application, version } = reviewing;
    const answers = keptAnswers(reviewing.checklist, reviewing.judged, reviewing.scale, input);
    const outcomes = outcomesFor(reviewing.category, "in-review");
    const problems = reviewProblems(reviewing.checklist, reviewing.judged, reviewing.scale, outcomes, answers);
    if (Object.keys(problems).length > 0) refuse(problems);
    const started = await startReview({ tx, now, notify }, application);
    const reviewId = await saveReview(tx, { applicationId: application.id, version, reviewerUserId: actor.userId }, answers, now, true);
    const association = (await findAssociationById(tx, application.association_id)) ?? refuse({ form: "portfolio.notFound" });
    const hours = answers.hours!;
    await creditServiceHours(tx, actor.userId, { workId: `review-${reviewId}`, role: "application-reviewer", date: today(association.time_zone), hours }, now);
    return done(
      { type: "application", id: application.id, associationId: application.association_id },
      { reviewId },
      {
        reviewId,
        version,
        recommendation: answers.recommendation,
        hours,
        ...started,
      },
    );
  },
});
