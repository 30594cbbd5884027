import { z } from "zod";
import { saveReview, type StoredAnswers } from "../data/reviews.ts";
import { keptAnswers } from "../domain/review-checklist.ts";
import { reviewAnswersInput } from "../forms/review-form.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";
import { assertReviewing } from "./guards/assert-reviewing.ts";
import { startReview } from "./shared/start-review.ts";

/**
 * Keeps an assigned reviewer's review as it stands (as they type, or "Save draft"): incomplete
 * answers are fine here, only what the page asked is kept. Only the reviewer ever reads their draft.
 */
export const saveReviewDraft = defineCommand({
  name: "review.draft-saved",
  actors: ["person"],
  input: z.object({ applicationId: z.string() }).and(reviewAnswersInput),
  async run({ tx, actor, input, now, notify, context }) {
    const reviewing = await assertReviewing(tx, context, actor, input.applicationId);
    const { application, version, before } = reviewing;
    const answers = keptAnswers(reviewing.checklist, reviewing.judged, reviewing.scale, input);
    if (before && canonical({ ...before, staffNotes: before.staff_notes }) === canonical(answers)) return unchanged({ reviewId: before.id });
    const started = await startReview({ tx, now, notify }, application);
    const reviewId = await saveReview(tx, { applicationId: application.id, version, reviewerUserId: actor.userId }, answers, now, false);
    // A draft is the review's own history; one that starts the review is the application's too (its status moved).
    const subject = "to" in started ? { type: "application", id: application.id } : { type: "review", id: reviewId };
    return done({ ...subject, associationId: application.association_id }, { reviewId }, { applicationId: application.id, reviewId, version, ...started });
  },
});

/** The answers in one order (the database keeps JSON objects' keys in its own), to tell whether anything changed. */
const canonical = (answers: StoredAnswers) =>
  JSON.stringify([
    answers.items.map((item) => [item.key, item.engine, item.decision, item.comment]),
    Object.entries(answers.scores).sort(([a], [b]) => a.localeCompare(b)),
    answers.feedback,
    answers.staffNotes,
    answers.recommendation,
    answers.hours,
  ]);
