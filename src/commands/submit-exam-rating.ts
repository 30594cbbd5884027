import { z } from "zod";
import { findAssociationById } from "../data/associations.ts";
import { findRatingOfRaterForUpdate, recordRating } from "../data/exams.ts";
import { examRatingForm } from "../forms/exam-forms.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { creditServiceHours } from "./shared/credit-service-hours.ts";

/**
 * A rater gives their judgement of Part 2 (pass / not yet), comments and the hours it took; the
 * hours are credited to their portfolio as exam-reviewer service. Submitted once, then locked.
 * The audit entry carries ids only: nothing that names the examinee.
 */
export const submitExamRating = defineCommand({
  name: "exam.rating-submitted",
  actors: ["person"],
  input: z.object({ ratingId: z.string() }).and(examRatingForm),
  async run({ tx, actor, input, now, today }) {
    const rating = (await findRatingOfRaterForUpdate(tx, input.ratingId, actor.userId)) ?? refuse({ form: "portfolio.notFound" });
    if (rating.submitted_at !== null) refuse({ form: "exams.error.ratingSubmitted" });
    if (rating.part2_answers === null && rating.part2_file_sha256 === null) refuse({ form: "exams.error.noAnswers" });
    await recordRating(tx, rating.id, input, now);
    const association = await findAssociationById(tx, rating.association_id);
    const date = today(association?.time_zone ?? "UTC");
    await creditServiceHours(tx, actor.userId, { workId: `exam-rating-${rating.id}`, role: "exam-reviewer", date, hours: input.hours }, now);
    return done(
      { type: "exam-rating", id: rating.id, associationId: rating.association_id },
      { registrationId: rating.registration_id },
      {
        registrationId: rating.registration_id,
        round: rating.round,
        result: input.result,
        hours: input.hours,
      },
    );
  },
});
